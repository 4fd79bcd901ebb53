// Rendering charts to SVG on the server with linkedom: structure, accessibility, escaping, empty state and timings.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { type Point } from "./align";
import { buildChartData, type ChartData, type ChartInput } from "./chart-data";
import { chartFigure, NO_DATA_TEXT, renderChartSvg, roundPathData } from "./figure";
import { createServerDocument } from "./server-document";
import { sp500Daily, stockMonthly } from "./sp500-fixture";
import { chartSpecSchema, type ChartSpecInput } from "./spec";

const inputs: ChartInput[] = [
  { key: "SPX", name: "S&P 500", unit: "Index points", points: sp500Daily() },
  { key: "AAPL", name: "Apple", unit: "USD", points: stockMonthly("AAPL") },
  { key: "MSFT", name: "Microsoft", unit: "USD", points: stockMonthly("MSFT") },
];
const crisis = { preset: "custom", from: "2007-01-01", to: "2009-12-31" } as const;
const lehman = [{ date: "2008-09-15", label: "Lehman files" }];

function data(spec: Partial<ChartSpecInput>, withInputs = inputs, width = 800): ChartData {
  const parsed = chartSpecSchema.parse({ title: "Crisis", kind: "line", series: ["SPX"], range: crisis, ...spec });
  return buildChartData(parsed, withInputs, { today: "2026-01-02", width });
}

function render(d: ChartData, width = 800): { html: string; doc: Document } {
  const html = renderChartSvg(d, { width, document: createServerDocument() });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { html, doc: document as unknown as Document };
}

const linePaths = (doc: Document) => doc.querySelectorAll('g[aria-label="line"] path');

describe("renderChartSvg", () => {
  it("writes path coordinates to a tenth of a pixel, keeping commands, signs and whole numbers", () => {
    expect(roundPathData("M40,58.75L40.396,-21.899L41.96,61.056Z")).toBe("M40,58.8L40.4,-21.9L42,61.1Z");
    expect(roundPathData("M0,0h10.04v.26")).toBe("M0,0h10v0.3");
  });

  it("writes a line of moves and line-tos relative, from the rounded points, so the points land where Plot put them", () => {
    expect(roundPathData("M40,58.75L40.396,21.899L40.792,61.056")).toBe("M40,58.8l.4,-36.9 .4,39.2");
    expect(roundPathData("M1.04,2")).toBe("M1,2");
    const absolute = "M40,58.75L40.396,21.899L40.792,61.056L41.188,20.949L300.5,0.04L-3.26,7";
    const relative = roundPathData(absolute);
    const steps = relative.slice(1).split(/l| /).map((pair) => pair.split(",").map(Number));
    const points = steps.reduce<number[][]>((acc, [dx, dy], i) => [...acc, i === 0 ? [dx!, dy!] : [acc[i - 1]![0]! + dx!, acc[i - 1]![1]! + dy!]], []);
    const expected = absolute.slice(1).split("L").map((pair) => pair.split(",").map(Number));
    points.forEach(([px, py], i) => {
      expect(Math.abs(px! - expected[i]![0]!)).toBeLessThanOrEqual(0.0500001);
      expect(Math.abs(py! - expected[i]![1]!)).toBeLessThanOrEqual(0.0500001);
    });
    const { doc } = render(data({}));
    const d = linePaths(doc)[0]!.getAttribute("d")!;
    expect(d).toMatch(/^M/);
    expect(d).not.toMatch(/\.\d\d/);
  });

  it("renders one series as a bare <svg> with xmlns, title, aria-label and aria-description", () => {
    const d = data({ annotations: lehman });
    const { html, doc } = render(d);
    expect(html.startsWith("<svg")).toBe(true);
    expect(html).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain("<title>Crisis</title>");
    const svg = doc.querySelector("svg")!;
    expect(svg.getAttribute("aria-label")).toBe("Crisis");
    expect(svg.getAttribute("aria-description")).toBe(d.description);
    expect(svg.getAttribute("role")).toBe("img");
    expect(linePaths(doc)).toHaveLength(1);
    expect(doc.querySelector('g[aria-label="y-axis label"]')!.textContent).toContain("Index points");
  });

  it("labels a few days of daily data by date, never by time of day", () => {
    const points = [
      { date: "2026-01-02", value: 1 },
      { date: "2026-01-05", value: 2 },
    ];
    const short = data({ series: ["X"], range: { preset: "custom", from: "2026-01-01", to: "2026-01-05" } }, [{ key: "X", name: "X", unit: "", points }]);
    const { html, doc } = render(short);
    const ticks = [...doc.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toEqual(["Jan 2", "Jan 3", "Jan 4", "Jan 5"]);
    expect(html).not.toMatch(/\b(AM|PM)\b/);
  });

  it("draws the annotation as a dashed rule with its label", () => {
    const { doc } = render(data({ annotations: lehman }));
    const rules = Array.from(doc.querySelectorAll('g[aria-label="rule"]'));
    expect(rules.some((g) => g.getAttribute("stroke-dasharray") === "4,3")).toBe(true);
    const texts = Array.from(doc.querySelectorAll('g[aria-label="text"] text')).map((t) => t.textContent);
    expect(texts).toContain("Lehman files");
  });

  it("draws one path per series and a legend figure when there are several, every svg with xmlns", () => {
    const { html, doc } = render(data({ kind: "rebased", series: ["SPX", "AAPL", "MSFT"] }));
    expect(html.startsWith("<figure")).toBe(true);
    expect(linePaths(doc)).toHaveLength(3);
    const strokes = Array.from(linePaths(doc)).map((p) => p.getAttribute("stroke"));
    expect(new Set(strokes).size).toBe(3);
    const svgs = Array.from(doc.querySelectorAll("svg"));
    expect(svgs.length).toBeGreaterThan(1);
    for (const svg of svgs) expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    const legend = doc.querySelector("figure > div")!.textContent;
    expect(legend).toContain("S&P 500");
    expect(legend).toContain("Apple");
    expect(legend).toContain("Microsoft");
  });

  it("draws a baseline at 100 for rebased charts and at 0 for returns", () => {
    const baseline = (d: ChartData) => {
      const { doc } = render(d);
      const ruleY = Array.from(doc.querySelectorAll('g[aria-label="rule"] line')).find((l) => l.getAttribute("y1") === l.getAttribute("y2"))!;
      const tick = Array.from(doc.querySelectorAll('g[aria-label="y-axis tick label"] text')).find(
        (t) => t.getAttribute("transform")?.endsWith(`,${ruleY.getAttribute("y1")})`),
      );
      return tick?.textContent;
    };
    expect(baseline(data({ kind: "rebased" }))).toBe("100");
    expect(baseline(data({ kind: "return" }))).toBe("0");
  });

  it("draws one rect per bar, grouped by period", () => {
    const d = data({ kind: "bars", series: ["SPX", "AAPL"] });
    expect(d.bars).toHaveLength(6);
    const { doc } = render(d);
    expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(6);
    const single = data({ kind: "bars", period: "quarter", annotations: lehman });
    const one = render(single);
    expect(one.doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(12);
    expect(one.html).toContain("Lehman files");
  });

  it("renders the empty state as a small svg instead of throwing", () => {
    const d = data({ series: ["SPX", "AAPL"], range: { preset: "custom", from: "2021-01-01", to: "2021-12-31" } });
    const { html, doc } = render(d);
    expect(html.startsWith("<svg")).toBe(true);
    expect(html).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(doc.querySelector("text")!.textContent).toBe(NO_DATA_TEXT);
    expect(doc.querySelector("svg")!.getAttribute("aria-label")).toBe("Crisis");
  });

  it("escapes user text so a title cannot break out of the markup", () => {
    const d = { ...data({}), title: 'Q&A "><script>alert(1)</script>', description: "a < b & c" };
    const { html, doc } = render(d);
    expect(html).not.toContain("<script");
    expect(html).toContain('aria-label="Q&amp;A &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(doc.querySelector("svg")!.getAttribute("aria-label")).toBe(d.title);
    expect(doc.querySelector("svg")!.getAttribute("aria-description")).toBe("a < b & c");
    expect(doc.querySelector("svg > title")!.textContent).toBe(d.title);
  });

  it("renders a 100,000-point series after buildChartData as a line of at most 2 points per pixel", () => {
    const d = data({ range: { preset: "max" } }, [{ key: "SPX", name: "Walk", unit: "", points: walk(100_000) }], 640);
    const { doc } = render(d, 640);
    const path = linePaths(doc)[0]!.getAttribute("d")!;
    const vertices = (path.match(/-?\d*\.?\d+/g) ?? []).length / 2;
    expect(vertices).toBeLessThanOrEqual(1280);
    expect(vertices).toBeGreaterThan(1200);
  });
});

describe("chartFigure", () => {
  it("builds an interactive figure (tip and crosshair) without throwing", () => {
    const el = chartFigure(data({ kind: "return", series: ["SPX", "AAPL"] }), { width: 600, document: createServerDocument(), interactive: true });
    expect(el.tagName.toLowerCase()).toBe("figure");
    const bars = chartFigure(data({ kind: "bars", series: ["SPX"] }), { width: 600, document: createServerDocument(), interactive: true });
    expect(bars.tagName.toLowerCase()).toBe("svg");
  });

  it("asks for a document when there is none", () => {
    expect(() => chartFigure(data({}), { width: 600 })).toThrow(/createServerDocument/);
  });
});

function walk(n: number): Point[] {
  const start = Date.UTC(1200, 0, 1);
  let v = 100;
  let s = 7;
  return Array.from({ length: n }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    v *= 1 + (s / 2147483648 - 0.5) * 0.02;
    return { date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), value: v };
  });
}

describe("render timings (printed, not asserted)", () => {
  it("buildChartData + renderChartSvg at width 800 for 1k to 1M raw points", () => {
    const lines: string[] = [];
    for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
      const points = walk(n);
      const spec = chartSpecSchema.parse({ title: "Walk", kind: "line", series: ["W"], range: { preset: "max" } });
      const today = points[points.length - 1]!.date;
      // One warm-up run, then the median of three.
      const runs: { build: number; render: number; bytes: number }[] = [];
      for (let r = 0; r < (n >= 1_000_000 ? 2 : 4); r++) {
        const t0 = performance.now();
        const d = buildChartData(spec, [{ key: "W", name: "Walk", unit: "", points }], { today, width: 800 });
        const t1 = performance.now();
        const svg = renderChartSvg(d, { width: 800, document: createServerDocument() });
        const t2 = performance.now();
        runs.push({ build: t1 - t0, render: t2 - t1, bytes: svg.length });
      }
      const measured = runs.slice(1).sort((a, b) => a.build + a.render - (b.build + b.render));
      const m = measured[Math.floor(measured.length / 2)]!;
      lines.push(
        `${String(n).padStart(9)} points: buildChartData ${m.build.toFixed(1)} ms, renderChartSvg ${m.render.toFixed(1)} ms, total ${(m.build + m.render).toFixed(1)} ms, svg ${(m.bytes / 1024).toFixed(0)} KB`,
      );
    }
    console.log(`chart render timings (width 800):\n${lines.join("\n")}`);
    expect(lines).toHaveLength(4);
  }, 120_000);
});
