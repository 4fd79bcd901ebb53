// The figure draws the analyst's options: log scale, last-value labels, bands, legend keys, staggered labels.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { buildChartData, type ChartData, type ChartInput } from "./chart-data";
import { renderChartSvg } from "./figure";
import { createServerDocument } from "./server-document";
import { sp500Daily } from "./sp500-fixture";
import { chartSpecSchema, type ChartSpecInput } from "./spec";

const inputs: ChartInput[] = [{ key: "SPX", name: "S&P 500", unit: "Index points", points: sp500Daily() }];
const crisis = { preset: "custom", from: "2007-01-01", to: "2009-12-31" } as const;

function render(spec: Partial<ChartSpecInput>): { html: string; doc: Document; data: ChartData } {
  const parsed = chartSpecSchema.parse({ title: "Crisis", kind: "line", series: ["SPX"], range: crisis, ...spec });
  const data = buildChartData(parsed, inputs, { today: "2026-01-02", width: 800 });
  const html = renderChartSvg(data, { width: 800, document: createServerDocument() });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { html, doc: document as unknown as Document, data };
}

const texts = (doc: Document, label: string) => Array.from(doc.querySelectorAll(`g[aria-label="${label}"] text`)).map((t) => t.textContent);

describe("chart options in the figure", () => {
  it("labels the last value, formatted for reading", () => {
    // The last close of 2009 in the fixture is 1115.099976.
    const { doc } = render({ lastValues: true });
    expect(texts(doc, "text")).toContain("1,115.10");
  });

  it("draws a log y axis only when asked", () => {
    const ticks = (doc: Document) => texts(doc, "y-axis tick label");
    const linear = ticks(render({}).doc);
    const log = ticks(render({ scale: "log" }).doc);
    expect(log).not.toEqual(linear);
    expect(log.join(" ")).toMatch(/1,000/);
  });

  it("draws an annotation with an end date as a band, and one without as a dashed rule", () => {
    const { doc } = render({ annotations: [{ date: "2007-12-01", end: "2009-06-30", label: "Recession" }, { date: "2008-09-15", label: "Lehman files" }] });
    expect(doc.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(1);
    expect(doc.querySelectorAll('g[aria-label="rule"] line').length).toBeGreaterThanOrEqual(1);
    expect(texts(doc, "text")).toEqual(expect.arrayContaining(["Recession", "Lehman files"]));
  });

  it("puts overlapping labels on different lines", () => {
    const { doc } = render({ annotations: [{ date: "2008-09-15", label: "Lehman Brothers files for bankruptcy" }, { date: "2008-10-01", label: "TARP signed into law" }] });
    const ys = Array.from(doc.querySelectorAll('g[aria-label="text"] text')).map((t) => t.getAttribute("dy") ?? t.parentElement?.getAttribute("transform"));
    expect(new Set(ys).size).toBe(2);
  });

  it("names series by key in the legend when asked", () => {
    const two: ChartInput[] = [...inputs, { key: "SPX2", name: "S&P 500 copy", unit: "Index points", points: sp500Daily() }];
    const parsed = chartSpecSchema.parse({ title: "Two", kind: "line", series: ["SPX", "SPX2"], range: crisis, legend: "key" });
    const html = renderChartSvg(buildChartData(parsed, two, { today: "2026-01-02", width: 800 }), { width: 800, document: createServerDocument() });
    expect(html).toContain(">SPX2<");
    expect(html).not.toContain("S&amp;P 500 copy<");
  });
});
