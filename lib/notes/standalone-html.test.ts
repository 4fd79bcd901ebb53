// The exported HTML page: GFM renders, embeds become cards, scripts and handlers are stripped, external links are safe.
import { describe, expect, it } from "vitest";
import { standaloneNoteHtml } from "./standalone-html";

const EXPORT_CSP = "default-src 'none'";

const note = (body: string) => standaloneNoteHtml({ title: "Rotation <b>", body, notebookName: "Research", updatedAt: new Date("2026-02-03T10:20:00Z") }, EXPORT_CSP);

describe("standaloneNoteHtml", () => {
  it("renders tables, footnotes and escapes the title", () => {
    const html = note("| a | b |\n| - | - |\n| 1 | 2 |\n\nClaim.[^1]\n\n[^1]: Source.");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>2</td>");
    expect(html).toMatch(/<section[^>]*data-footnotes/);
    expect(html).toContain("<title>Rotation &lt;b&gt;</title>");
    expect(html).toContain("last edited 2026-02-03 10:20 UTC");
  });

  it("strips scripts, event handlers and javascript: links", () => {
    const html = note('<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
  });

  it("opens external links without opener or referrer", () => {
    expect(note("[FRED](https://fred.stlouisfed.org)")).toContain('<a href="https://fred.stlouisfed.org" target="_blank" rel="noopener noreferrer">FRED</a>');
  });

  it("renders embeds as placeholder cards", () => {
    expect(note("::chart{id=spx}")).toMatch(/class="embed-card embed-chart"/);
  });

  it("draws charts it is given in place of their cards, escaping title and description, and leaves the rest as cards", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0,0L10,10"></path></svg>';
    const charts = new Map([["spx", { title: "S&P <500>", description: "Fell 38% & more", svg }]]);
    const html = standaloneNoteHtml({ title: "T", body: "::chart{id=spx}\n\n::chart{id=gone}\n\n<script>alert(1)</script>", notebookName: "N", updatedAt: new Date(0) }, EXPORT_CSP, charts);
    expect(html).toContain(`<figure class="chart"><figcaption>S&amp;P &lt;500&gt;</figcaption>${svg}<p>Fell 38% &amp; more</p></figure>`);
    expect(html).toMatch(/class="embed-card embed-chart" data-embed-kind="chart" data-embed-id="gone"/);
    expect(html).not.toMatch(/<script/i);
  });
});
