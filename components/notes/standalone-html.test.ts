// The exported HTML page: GFM renders, embeds become cards, scripts and handlers are stripped, external links are safe.
import { describe, expect, it } from "vitest";
import { standaloneNoteHtml } from "./standalone-html";

const note = (body: string) => standaloneNoteHtml({ title: "Rotation <b>", body, notebookName: "Research", updatedAt: new Date("2026-02-03T10:20:00Z") });

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
});
