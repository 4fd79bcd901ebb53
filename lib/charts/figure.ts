// Drawing ChartData with Observable Plot: a DOM figure for the browser, or an SVG string on the server given a document.
import * as Plot from "@observablehq/plot";
import { type ChartData } from "./chart-data";
import { isoToUtcDate } from "./dates";
import { annotationMarks, labelWidth, staggerLevels, type AnnotationRow } from "./figure-annotations";
import { formatChartValue, formatPercentValue } from "./format";
import { nameablePlotMarks } from "./plot-aria";

/** Series colours, in spec order: Observable's categorical palette, legible on light and dark backgrounds. */
export const CHART_PALETTE = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5"] as const;

/** The colour of a guide (a question's threshold): apart from the series palette, legible on light and dark. */
export const GUIDE_COLOR = "#e8590c";

/** The text the empty state shows. */
export const NO_DATA_TEXT = "No data in this range";

/** Options for chartFigure. `document` is the browser's by default; on the server pass createServerDocument(). */
export type ChartFigureOptions = { width: number; height?: number; document?: Document; interactive?: boolean };

const SVG_NS = "http://www.w3.org/2000/svg";

type LineRow = { key: string; name: string; iso: string; date: Date; value: number };

/** The default height for a chart `width` pixels wide. */
export function defaultChartHeight(width: number): number {
  return Math.round(Math.min(480, Math.max(240, width * 0.5)));
}

const MARGIN_LEFT = 48;
const MARGIN_RIGHT = 20;

function documentOf(opts: ChartFigureOptions): Document {
  const doc = opts.document ?? (globalThis as { document?: Document }).document;
  if (!doc) throw new Error("chartFigure needs a document: pass createServerDocument() when rendering on the server.");
  return doc;
}

function mainSvg(el: Element): Element | undefined {
  if (el.tagName.toLowerCase() === "svg") return el;
  return Array.from(el.children).find((c) => c.tagName.toLowerCase() === "svg");
}

function label(svg: Element, doc: Document, data: ChartData): void {
  const title = doc.createElementNS(SVG_NS, "title");
  title.textContent = data.title;
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute("role", "img");
}

function emptyFigure(data: ChartData, doc: Document, width: number, height: number): SVGSVGElement {
  const h = Math.min(height, 160);
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(h));
  svg.setAttribute("viewBox", `0 0 ${width} ${h}`);
  svg.setAttribute("aria-label", data.title);
  svg.setAttribute("aria-description", data.description);
  svg.setAttribute("fill", "currentColor");
  svg.setAttribute("font-family", "system-ui, sans-serif");
  svg.setAttribute("style", "max-width: 100%; height: auto;");
  const text = doc.createElementNS(SVG_NS, "text");
  text.setAttribute("x", String(width / 2));
  text.setAttribute("y", String(h / 2));
  text.setAttribute("text-anchor", "middle");
  text.setAttribute("dominant-baseline", "middle");
  text.setAttribute("font-size", "14");
  text.setAttribute("fill-opacity", "0.7");
  text.textContent = NO_DATA_TEXT;
  svg.appendChild(text);
  label(svg, doc, data);
  return svg;
}

/** Ticks for a band axis of `count` labels: every label when they fit, else every n-th. */
function thinTicks(count: number, width: number): (d: string, i: number) => string {
  const step = Math.max(1, Math.ceil((count * 48) / Math.max(width, 1)));
  return (d, i) => (i % step === 0 ? d : "");
}

function periodKind(period: string): "year" | "quarter" | "month" {
  return period.includes("Q") ? "quarter" : period.length === 7 ? "month" : "year";
}

function periodOfDate(date: string, kind: "year" | "quarter" | "month"): string {
  if (kind === "year") return date.slice(0, 4);
  if (kind === "month") return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/**
 * The chart as a DOM element built by Observable Plot: one coloured line per series (with a legend
 * when there are several), a baseline at 100 (rebased) or 0 (returns, bars), bars grouped by period,
 * dashed annotation rules with labels, guides (a question's threshold: an orange dashed rule with its label), the y label, and the title and description as the accessible
 * name and description. With `interactive`, a tooltip and crosshair follow the pointer. Data with
 * nothing to draw gives a small SVG saying "No data in this range".
 */
export function chartFigure(data: ChartData, opts: ChartFigureOptions): SVGSVGElement | HTMLElement {
  const doc = documentOf(opts);
  const width = Math.max(1, Math.round(opts.width));
  const height = opts.height ?? defaultChartHeight(width);
  if (data.lines.length === 0 && data.bars.length === 0) return emptyFigure(data, doc, width, height);

  const keys: string[] = [];
  const names = new Map<string, string>();
  for (const s of data.kind === "bars" ? data.bars : data.lines) {
    if (!names.has(s.key)) {
      keys.push(s.key);
      names.set(s.key, s.name);
    }
  }
  const color: Plot.ScaleOptions = {
    type: "categorical",
    domain: keys,
    range: keys.map((_, i) => CHART_PALETTE[i % CHART_PALETTE.length]!),
    legend: keys.length > 1,
    tickFormat: (k: string) => (data.legend === "key" ? k : (names.get(k) ?? k)),
  };
  const marks: Plot.Markish[] = [];
  const common = {
    document: doc,
    width,
    height,
    ariaLabel: data.title,
    ariaDescription: data.description,
    color,
    marginLeft: MARGIN_LEFT,
    y: { label: data.yLabel, grid: true, nice: true },
  } satisfies Plot.PlotOptions;
  const style = data.style ?? (data.kind === "return" || data.kind === "bars" ? "percent" : "level");
  let el: SVGSVGElement | HTMLElement;

  if (data.kind === "bars") {
    const bars = data.bars;
    const periods = [...new Set(bars.map((b) => b.period))].sort();
    const grouped = keys.length > 1;
    const kind = periodKind(periods[0]!);
    const present = new Set(periods);
    const annos: AnnotationRow[] = [];
    const boxes: Parameters<typeof staggerLevels>[0] = [];
    const plotWidth = width - MARGIN_LEFT - MARGIN_RIGHT;
    for (const a of data.annotations) {
      const p = periodOfDate(a.date, kind);
      if (!present.has(p)) continue;
      const index = periods.indexOf(p);
      const end = !grouped && index > periods.length * 0.75;
      annos.push({ date: isoToUtcDate(a.date), label: a.label, level: 0, end });
      boxes.push({ x: MARGIN_LEFT + (index / periods.length) * plotWidth, width: labelWidth(a.label), anchor: end ? "end" : "start" });
    }
    staggerLevels(boxes).forEach((level, i) => (annos[i]!.level = level));
    const annoPeriod = (r: AnnotationRow) => periodOfDate(r.date.toISOString().slice(0, 10), kind);
    const title = (b: (typeof bars)[number]) => `${b.name}\n${b.period}: ${formatPercentValue(b.value, true)}`;
    marks.push(
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.6 }),
      Plot.barY(bars, {
        ...(grouped ? { fx: "period", x: "key" } : { x: "period" }),
        y: "value",
        fill: "key",
        ...(opts.interactive ? { tip: true, title } : {}),
      }),
      ...(grouped ? annotationMarks(annos, annoPeriod, true) : annotationMarks(annos, annoPeriod)),
    );
    const ticks = thinTicks(periods.length, width);
    el = Plot.plot({
      ...common,
      marks,
      ...(grouped
        ? { x: { axis: null, domain: keys, paddingInner: 0.1 }, fx: { label: null, domain: periods, padding: 0.15, tickFormat: ticks } }
        : { x: { label: null, domain: periods, padding: 0.2, tickFormat: ticks } }),
    });
  } else {
    const rows: LineRow[] = data.lines.flatMap((l) =>
      l.points.map((p) => ({ key: l.key, name: l.name, iso: p.date, date: isoToUtcDate(p.date), value: p.value })),
    );
    let tMin = Infinity;
    let tMax = -Infinity;
    for (const r of rows) {
      const t = r.date.getTime();
      if (t < tMin) tMin = t;
      if (t > tMax) tMax = t;
    }
    // A dated line past the data (a question's resolve-by date) widens the x scale: ticks and label places follow it.
    for (const a of data.annotations) tMax = Math.max(tMax, isoToUtcDate(a.end ?? a.date).getTime());
    const lastLabels = data.lastValues ? data.lines.map((l) => ({ l, p: l.points[l.points.length - 1]! })) : [];
    const marginRight = lastLabels.length > 0 ? Math.max(MARGIN_RIGHT, ...lastLabels.map(({ p }) => labelWidth(formatChartValue(p.value, style)) + 10)) : MARGIN_RIGHT;
    const plotWidth = width - MARGIN_LEFT - marginRight;
    const xOf = (t: number) => MARGIN_LEFT + (tMax > tMin ? ((t - tMin) / (tMax - tMin)) * plotWidth : 0);
    const annos: AnnotationRow[] = data.annotations.map((a) => {
      const date = isoToUtcDate(a.date);
      const t = Math.max(tMin, date.getTime());
      const endDate = a.end !== undefined ? new Date(Math.min(tMax, isoToUtcDate(a.end).getTime())) : undefined;
      // A label runs right from its rule unless it would run past the plot's right edge.
      const end = endDate === undefined && (t > tMin + (tMax - tMin) * 0.75 || xOf(t) + 4 + labelWidth(a.label) > width - marginRight);
      return { date: new Date(t), ...(endDate ? { endDate } : {}), label: a.label, level: 0, end };
    });
    staggerLevels(annos.map((a) => ({ x: xOf(a.date.getTime()), width: labelWidth(a.label), anchor: a.end ? "end" : "start" }))).forEach(
      (level, i) => (annos[i]!.level = level),
    );
    const log = data.scale === "log" && rows.length > 0 && rows.every((r) => r.value > 0);
    if (data.kind === "rebased") marks.push(Plot.ruleY([100], { stroke: "currentColor", strokeOpacity: 0.6 }));
    if (data.kind === "return") marks.push(Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.6 }));
    const guides = (data.guides ?? []).filter((g) => Number.isFinite(g.value) && (!log || g.value > 0));
    if (guides.length > 0) {
      // A guide at or above the data's top has its label under the line, clear of the y label.
      const values = [...rows.map((r) => r.value), ...guides.map((g) => g.value)];
      const top = Math.max(...values);
      const nearTop = (g: { value: number }) => g.value >= top - (top - Math.min(...values)) * 0.06;
      // Under the line and under the annotation labels along the top, which sit on lines 13 px apart.
      const belowDy = annos.length > 0 ? 6 + 13 * (Math.max(...annos.map((a) => a.level)) + 1) : 4;
      const text = (below: boolean) =>
        Plot.text(
          guides.filter((g) => nearTop(g) === below),
          { y: "value", text: "label", frameAnchor: "left", textAnchor: "start", lineAnchor: below ? "top" : "bottom", dx: 4, dy: below ? belowDy : -3, fill: GUIDE_COLOR, fontWeight: 600, stroke: "var(--plot-background)", strokeWidth: 3, paintOrder: "stroke" },
        );
      marks.push(Plot.ruleY(guides, { y: "value", stroke: GUIDE_COLOR, strokeWidth: 1.5, strokeDasharray: "6,4" }), text(false), text(true));
    }
    marks.push(
      ...annotationMarks(annos, (r) => r.date),
      Plot.lineY(rows, { x: "date", y: "value", z: "key", stroke: "key", strokeWidth: 1.5 }),
    );
    if (lastLabels.length > 0) {
      const ends = lastLabels.map(({ l, p }) => ({ key: l.key, date: isoToUtcDate(p.date), value: p.value, text: formatChartValue(p.value, style) }));
      marks.push(
        Plot.dot(ends, { x: "date", y: "value", fill: "key", r: 2.5 }),
        Plot.text(ends, { x: "date", y: "value", text: "text", fill: "key", textAnchor: "start", dx: 6, fontWeight: 600, stroke: "var(--plot-background)", strokeWidth: 3, paintOrder: "stroke" }),
      );
    }
    if (opts.interactive) {
      marks.push(
        Plot.crosshairX(rows, { x: "date", y: "value" }),
        Plot.dot(rows, Plot.pointerX({ x: "date", y: "value", stroke: "key", r: 3 })),
        Plot.tip(
          rows,
          Plot.pointerX({
            x: "date",
            y: "value",
            stroke: "key",
            title: (r: LineRow) => `${r.name}\n${r.iso}\n${formatChartValue(r.value, style)}`,
          }),
        ),
      );
    }
    // Observations are dates: on a short span, tick by day or week and never show a time of day.
    const spanDays = (tMax - tMin) / 86_400_000;
    const x: Plot.ScaleOptions =
      spanDays <= 60 ? { type: "utc", label: null, ticks: spanDays <= 14 ? "day" : "week", tickFormat: "%b %-d" } : { type: "utc", label: null };
    const y: Plot.ScaleOptions = { ...common.y, ...(log ? { type: "log" as const, nice: false, tickFormat: "," } : {}) };
    el = Plot.plot({ ...common, y, marginRight, marks, x });
  }
  const svg = mainSvg(el);
  if (svg) label(svg, doc, data);
  nameablePlotMarks(el);
  return el;
}

function escapeAttributes(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? "";
      if (/[&<>]/.test(value)) {
        el.setAttribute(name, value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      }
    }
  }
}

/**
 * The chart as markup for the server (first paint, share pages, export): an `<svg>` with
 * xmlns set, or, when Plot adds a legend, a `<figure>` holding the legend and the svg(s), each with
 * xmlns. Pass a server document (createServerDocument()) outside the browser. Attribute values are
 * escaped (&, <, >) so user text in titles and descriptions cannot break out of the markup.
 */
export function renderChartSvg(data: ChartData, opts: { width: number; height?: number; document?: Document }): string {
  const el = chartFigure(data, { ...opts, interactive: false });
  const svgs = el.tagName.toLowerCase() === "svg" ? [el] : Array.from(el.querySelectorAll("svg"));
  for (const svg of svgs) svg.setAttribute("xmlns", SVG_NS);
  for (const path of Array.from(el.querySelectorAll("path[d]"))) path.setAttribute("d", roundPathData(path.getAttribute("d")!));
  escapeAttributes(el);
  return el.outerHTML;
}

/**
 * Path data with coordinates to a tenth of a pixel (Plot writes three decimals). A line of only moves and
 * line-tos is also written relative (each point as its step from the last, worked out on the rounded values so
 * nothing drifts): the same drawing in about half the bytes, and steps repeat, so it compresses better too.
 */
export function roundPathData(d: string): string {
  const tenths = (n: string) => Math.round(Number(n) * 10);
  if (!/^M[-\d.,eL\s]*$/.test(d)) return d.replace(/-?\d*\.\d+/g, (n) => String(tenths(n) / 10));
  const numbers = d.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const commands = d.match(/[ML]/g) ?? [];
  if (numbers.length !== commands.length * 2 || commands.slice(1).includes("M")) return d.replace(/-?\d*\.\d+/g, (n) => String(tenths(n) / 10));
  const text = (t: number) => String(t / 10).replace(/^(-?)0\./, "$1.");
  const out: string[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < numbers.length; i += 2) {
    const nx = tenths(numbers[i]!);
    const ny = tenths(numbers[i + 1]!);
    out.push(i === 0 ? `M${text(nx)},${text(ny)}l` : `${text(nx - x)},${text(ny - y)}`);
    x = nx;
    y = ny;
  }
  return numbers.length === 2 ? out[0]!.slice(0, -1) : `${out[0]}${out.slice(1).join(" ")}`;
}
