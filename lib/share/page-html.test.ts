// The share page's HTML: no script and no link into the app, snapshot wording, charts for wide and narrow screens, questions, the notebook index.
import { describe, expect, it } from "vitest";
import type { SharedChart, SharedNoteDocument, SharedQuestion } from "./model";
import { shareNotFoundHtml, sharePageHtml } from "./page-html";

const QUESTION: SharedQuestion = {
  id: "q1",
  title: "Will small caps <lead>?",
  details: "",
  criteria: "YES if the Russell 2000 beats the S&P 500.",
  kind: "binary",
  unit: "",
  rangeMin: null,
  rangeMax: null,
  resolveBy: "2026-12-31",
  status: "open",
  outcome: null,
  createdAt: "2026-01-02T00:00:00.000Z",
  resolvedAt: null,
  forecasts: [
    { forecaster: "Forecaster A", at: "2026-01-05T00:00:00.000Z", probability: 0.4, value: null, low: null, high: null },
    { forecaster: "Forecaster A", at: "2026-02-05T00:00:00.000Z", probability: 0.55, value: null, low: null, high: null },
  ],
};

function noteDoc(body: string, extra: Partial<SharedNoteDocument> = {}): SharedNoteDocument {
  return { kind: "note", mode: "live", notebookName: "Desk", asOf: null, title: "Rotation", body, editedAt: new Date("2026-02-01T10:00:00Z"), charts: new Map(), questions: new Map(), figures: new Map(), indexPath: null, ...extra };
}

describe("sharePageHtml", () => {
  it("keeps external links (no referrer) and turns links into the app into plain text; no script survives", () => {
    const html = sharePageHtml(noteDoc("[app](/notebooks) [rel](notes/x) [ext](https://example.com) <script>alert(1)</script> [js](javascript:alert(1))"));
    expect(html).not.toMatch(/href="\/|href="notes|javascript:|<script/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('<meta name="robots" content="noindex');
  });

  it("says as of when for a snapshot, and the 404 page tells nothing", () => {
    expect(sharePageHtml(noteDoc("x", { mode: "snapshot", asOf: new Date("2026-01-31T12:00:00Z") }))).toContain("as of 2026-01-31 12:00 UTC");
    expect(shareNotFoundHtml()).toContain("does not exist, has expired or was revoked");
    expect(shareNotFoundHtml()).not.toMatch(/href=/);
  });

  it("draws a chart twice (wide and narrow, picked by CSS) and says how each series moved since a snapshot", () => {
    const chart: SharedChart = {
      title: "Russell 2000",
      description: "A line",
      svg: "<svg data-w='720'></svg>",
      narrowSvg: "<svg data-w='360'></svg>",
      moves: [
        { key: "RUT", name: "Russell 2000", unit: "pts", then: { date: "2026-01-30", value: 2000 }, now: { date: "2026-02-27", value: 2100 } },
        { key: "SPX", name: "S&P 500", unit: "", then: { date: "2026-01-30", value: 6000 }, now: { date: "2026-01-30", value: 6000 } },
      ],
    };
    const html = sharePageHtml(noteDoc("::chart{id=c1}", { mode: "snapshot", asOf: new Date("2026-01-31T00:00:00Z"), charts: new Map([["c1", chart]]) }));
    expect(html).toContain(`<div class="chart-wide"><svg data-w='720'></svg></div><div class="chart-narrow"><svg data-w='360'></svg></div>`);
    expect(html).toMatch(/@media \(max-width:560px\)\{[^}]*\}?.*\.chart-wide\{display:none\}/);
    expect(html).toContain("Russell 2000: 2,000 pts (2026-01-30) then, 2,100 pts (2026-02-27) now, <span class=\"up\">+5.0%</span>.");
    expect(html).toContain("S&amp;P 500: unchanged since the snapshot, 6,000 (2026-01-30).");
  });

  it("shows an embedded question as a card with its latest forecasts, escaped, with no link", () => {
    const html = sharePageHtml(noteDoc("::question{id=q1}\n\n::question{id=gone}", { questions: new Map([["q1", QUESTION]]) }));
    expect(html).toContain("Will small caps &lt;lead&gt;?");
    expect(html).toContain("Latest forecasts: 55% (Forecaster A, 2026-02-05)");
    expect(html).toMatch(/data-embed-id="gone"/);
    expect(html).not.toMatch(/<a /);
  });

  it("a question page has its criteria, the figure, the history table and status; a notebook index links only to its own share pages", () => {
    const html = sharePageHtml({ kind: "question", mode: "live", notebookName: "Desk", asOf: null, question: { ...QUESTION, status: "resolved", outcome: 1, resolvedAt: "2026-03-01T00:00:00.000Z" }, figureSvg: "<svg id='fig'></svg>", narrowFigureSvg: "<svg id='narrow'></svg>" });
    expect(html).toContain(`<div class="chart-wide"><svg id='fig'></svg></div><div class="chart-narrow"><svg id='narrow'></svg></div>`);
    expect(html).toContain("Resolved: Yes");
    expect(html).toContain("<td>2026-01-05</td><td>Forecaster A</td><td>40%</td>");
    const index = sharePageHtml({
      kind: "notebook",
      mode: "live",
      notebookName: "Desk <1>",
      description: "Rates",
      asOf: null,
      notes: [{ id: "n1", title: "First", excerpt: "Small caps", editedAt: new Date("2026-02-01T00:00:00Z"), path: "/s/tok/n1" }],
    });
    expect(index).toContain('<a href="/s/tok/n1">First</a>');
    expect([...index.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(["/s/tok/n1"]);
    expect(index).toContain("Desk &lt;1&gt;");
  });
});
