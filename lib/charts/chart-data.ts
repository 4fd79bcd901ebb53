// From a ChartSpec and its series to what a chart draws: range, transform, alignment, downsampling, data table and description.
import { alignSeries, type Point } from "./align";
import { periodOf, resolveRange, type Period } from "./dates";
import { downsample, targetPoints } from "./downsample";
import { listOf, formatValue, formatPercent, signedPercent, moved } from "./description-words";
import { type ValueStyle } from "./format";
import { applyTransform, transformWords } from "./smoothing";
import { type ChartKind, type ChartSpec } from "./spec";
import { type ThinnedWindow } from "./tiers";
import { basePoint, clip, indexAtOrBefore, periodReturns, ratio, rebase, returnsSince } from "./transforms";

/**
 * One series handed to buildChartData: its key (as in the spec), display name, unit and observations. With `thinned`,
 * `points` is already the window thinned for the chart (lib/charts/tiers.ts, see thinnable()), not every observation.
 */
export type ChartInput = { key: string; name: string; unit: string; points: Point[]; thinned?: Omit<ThinnedWindow, "points"> };

/**
 * Whether a chart can be drawn from its series thinned first: a plain line, rebased or return chart, whose drawn
 * points are each series' own min/max per bucket (rebasing and returns scale each series by one number, so the
 * bucket's extremes stay its extremes). A moving average or year-over-year needs every point, a ratio needs both
 * series aligned on every date, and bars need every period's last value, so those read every observation.
 */
export function thinnable(spec: ChartSpec): boolean {
  return spec.kind === "rebased" || spec.kind === "return" || (spec.kind === "line" && !spec.transform);
}

/** The dates a chart shows, given each series' first date: what buildChartData resolves (a thinned read asks first). */
export function chartRange(spec: ChartSpec, today: string, firstDates: readonly (string | undefined)[]): { from: string; to: string } {
  let firstDate: string | undefined;
  for (const d of firstDates) if (d !== undefined && (firstDate === undefined || d < firstDate)) firstDate = d;
  return resolveRange(spec.range, today, firstDate);
}

/** The date rebased and return charts measure from (the last value on or before it: basePoint). */
export function chartSince(spec: ChartSpec, range: { from: string }): string {
  return spec.since ?? range.from;
}

/** One drawn line, downsampled for the screen. */
export type ChartLine = { key: string; name: string; points: Point[] };

/** One bar: a series' return over one period, in percent. */
export type ChartBar = { period: string; key: string; name: string; value: number };

/** The "show data" table (and CSV): a header row and rows of dates (or periods) by series, exact values, not downsampled. */
export type ChartTable = { columns: string[]; rows: (string | number | null)[][] };

/** A labelled horizontal line at `value` on the chart's y scale. */
export type ChartGuide = { value: number; label: string };

/** Everything a renderer needs to draw one chart and describe it to a screen reader. */
export type ChartData = {
  kind: ChartKind;
  title: string;
  /** The spec's description, or a generated sentence with each series' first and last values. */
  description: string;
  /** First and last dates with data in the range (the resolved range itself when there is no data). */
  from: string;
  to: string;
  yLabel: string;
  /** For line, rebased, return and ratio charts; empty for bars. */
  lines: ChartLine[];
  /** For bar charts, ordered by period then by the spec's series order; empty otherwise. */
  bars: ChartBar[];
  /** The spec's annotations dated inside the range (a band, with `end`, when it overlaps the range). */
  annotations: { date: string; label: string; end?: string }[];
  /** Horizontal reference lines with labels (a question's threshold), on line kinds. */
  guides?: ChartGuide[];
  /** How values read in tooltips, tables and labels (level when absent). */
  style?: ValueStyle;
  /** The y scale (linear when absent); log only when every drawn value is above 0. */
  scale?: "linear" | "log";
  /** Label each line's last value at its right end. */
  lastValues?: boolean;
  /** The legend names series by their key (a ticker) rather than their name. */
  legend?: "name" | "key";
  table: ChartTable;
  /** Keys of the spec's series with no data in the range (unknown keys included). */
  missing: string[];
  /** Drawn from thinned series (see thinnable): the table has its columns but no rows; read it in full to show it. */
  thinned?: true;
};

type Resolved = { key: string; name: string; unit: string; points: Point[] };

const PERIOD_ADJECTIVE: Record<Period, string> = { month: "monthly", quarter: "quarterly", year: "yearly" };
const EARLIEST = "0000-01-01";

/** Sorted by date, one point per date (the last wins), finite values only; the input itself when already so. */
function cleanPoints(points: Point[]): Point[] {
  let clean = true;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!Number.isFinite(p.value) || (i > 0 && points[i - 1]!.date >= p.date)) {
      clean = false;
      break;
    }
  }
  if (clean) return points;
  const sorted = points.filter((p) => Number.isFinite(p.value)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: Point[] = [];
  for (const p of sorted) {
    if (out.length > 0 && out[out.length - 1]!.date === p.date) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** The last point before `from`, so that forward-filling carries it into the range. */
function withCarry(points: Point[], from: string, visible: Point[]): Point[] {
  const before = indexAtOrBefore(points, from);
  const carry = before >= 0 && points[before]!.date < from ? points[before] : undefined;
  return carry ? [carry, ...visible] : visible;
}

function tableOf(columns: string[], series: Point[][], from: string): ChartTable {
  const { dates, values } = alignSeries(series);
  const rows: (string | number | null)[][] = [];
  for (let j = 0; j < dates.length; j++) {
    const date = dates[j]!;
    if (date < from) continue;
    const row: (string | number | null)[] = [date];
    for (const v of values) {
      row.push(v[j]!);
    }
    rows.push(row);
  }
  return { columns: ["Date", ...columns], rows };
}

function extentOf(series: Point[][]): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const s of series) {
    const first = s[0];
    const last = s[s.length - 1];
    if (first && (from === null || first.date < from)) from = first.date;
    if (last && (to === null || last.date > to)) to = last.date;
  }
  return from !== null && to !== null ? { from, to } : null;
}

function lineUnit(series: Resolved[]): string {
  const units = [...new Set(series.map((s) => s.unit.trim()).filter((u) => u !== ""))];
  return units.length > 0 ? units.join(", ") : "Value";
}

/**
 * Builds what a chart draws from its spec and its series' observations: resolves the range against
 * `opts.today`, transforms each series for the kind (rebased and return charts measure from the last
 * value on or before `since`, default the start of the range; bars are full-period returns for every
 * period the range touches), clips to the range, downsamples each line to targetPoints(opts.width)
 * (lines of plain, rebased and return charts are thinned first and then scaled, so a chart drawn from
 * series thinned in advance is the same), and keeps the full aligned table for "show data" and CSV.
 * Series with no data in the range are listed in `missing`; nothing here throws on empty input.
 * With thinned inputs (every input's `thinned` set, for the range and width this resolves) the table
 * is left out and `thinned` is set.
 */
export function buildChartData(spec: ChartSpec, inputs: ChartInput[], opts: { today: string; width: number }): ChartData {
  const byKey = new Map(inputs.map((input) => [input.key, input]));
  const thinnedInputs = inputs.length > 0 && inputs.every((input) => input.thinned !== undefined);
  if (inputs.some((input) => input.thinned !== undefined) && (!thinnedInputs || !thinnable(spec))) {
    throw new Error("buildChartData: thinned inputs need a thinnable chart and every series thinned");
  }
  const series: Resolved[] = spec.series.map((key) => {
    const input = byKey.get(key);
    return { key, name: input?.name ?? key, unit: input?.unit ?? "", points: input?.thinned ? input.points : cleanPoints(input?.points ?? []) };
  });
  const range = chartRange(
    spec,
    opts.today,
    spec.series.map((key, i) => {
      const input = byKey.get(key);
      return input?.thinned ? input.thinned.firstDate : series[i]!.points[0]?.date;
    }),
  );
  // A thinned input is its window already: clipping it again keeps it whole.
  const visibleRaw = series.map((s) => clip(s.points, range.from, range.to));
  const extent = extentOf(visibleRaw);
  const from = extent?.from ?? range.from;
  const to = extent?.to ?? range.to;
  const annotations = spec.annotations
    .filter((a) => a.date <= range.to && (a.end ?? a.date) >= range.from && (a.end !== undefined || a.date >= range.from))
    .map((a) => (a.end !== undefined ? { date: a.date, label: a.label, end: a.end } : { date: a.date, label: a.label }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const missing = series.filter((_, i) => visibleRaw[i]!.length === 0).map((s) => s.key);
  const base = {
    kind: spec.kind,
    title: spec.title,
    from,
    to,
    annotations,
    missing,
    lines: [] as ChartLine[],
    bars: [] as ChartBar[],
    ...(spec.legend ? { legend: spec.legend } : {}),
    ...(spec.lastValues ? { lastValues: true } : {}),
  };
  const lineExtras = (style: ValueStyle) => ({ style, ...(spec.scale === "log" ? { scale: "log" as const } : {}) });
  const maxPoints = targetPoints(opts.width);
  const missingSentence =
    missing.length > 0 && missing.length < series.length
      ? ` No data in this range for ${listOf(series.filter((s) => missing.includes(s.key)).map((s) => s.name))}.`
      : "";
  const noData = (what: string) => `${what}: no data from ${range.from} to ${range.to}.`;
  const describe = (generated: string) => (spec.description !== "" ? spec.description : generated);
  const names = listOf(series.map((s) => s.name));

  if (spec.kind === "bars") {
    const period = spec.period ?? "year";
    const firstPeriod = periodOf(range.from, period);
    const perSeries = series.map((s) =>
      periodReturns(clip(s.points, EARLIEST, range.to), period).filter((r) => r.period >= firstPeriod),
    );
    const periods = [...new Set(perSeries.flatMap((rs) => rs.map((r) => r.period)))].sort();
    const index = perSeries.map((rs) => new Map(rs.map((r) => [r.period, r.value])));
    const bars: ChartBar[] = [];
    const rows: (string | number | null)[][] = [];
    for (const p of periods) {
      const row: (string | number | null)[] = [p];
      series.forEach((s, i) => {
        const v = index[i]!.get(p);
        if (v !== undefined) bars.push({ period: p, key: s.key, name: s.name, value: v });
        row.push(v ?? null);
      });
      rows.push(row);
    }
    const barMissing = series.filter((_, i) => perSeries[i]!.length === 0).map((s) => s.key);
    const what = `Bar chart of ${PERIOD_ADJECTIVE[period]} returns of ${names}`;
    let generated: string;
    if (bars.length === 0) generated = noData(what);
    else {
      const parts = series.flatMap((s, i) => {
        const rs = perSeries[i]!;
        if (rs.length === 0) return [];
        if (rs.length <= 6) return [`${s.name}: ${rs.map((r) => `${r.period} ${signedPercent(r.value)}`).join(", ")}.`];
        const best = rs.reduce((a, b) => (b.value > a.value ? b : a));
        const worst = rs.reduce((a, b) => (b.value < a.value ? b : a));
        return [`${s.name}: best ${best.period} (${signedPercent(best.value)}), worst ${worst.period} (${signedPercent(worst.value)}).`];
      });
      generated = `${what}, ${periods[0]} to ${periods[periods.length - 1]}. ${parts.join(" ")}${missingSentence}`;
    }
    return {
      ...base,
      missing: barMissing,
      bars,
      style: "percent",
      description: describe(generated),
      yLabel: `Return per ${period}, %`,
      table: { columns: ["Period", ...series.map((s) => s.name)], rows },
    };
  }

  if (spec.kind === "ratio") {
    const [a, b] = series as [Resolved, Resolved | undefined];
    const denominator = b ?? { key: "", name: "", unit: "", points: [] };
    const name = `${a.name} / ${denominator.name}`;
    const rebaseOn = spec.since ?? range.from;
    const raw = applyTransform(ratio(a.points, denominator.points), spec.transform);
    const full = spec.rebase ? rebase(raw, rebaseOn) : raw;
    const visible = clip(full, range.from, range.to);
    const what = `Ratio of ${a.name} to ${denominator.name}${spec.rebase ? ` rebased to 100 on ${rebaseOn}` : ""}${transformWords(spec.transform)}`;
    let generated: string;
    const first = visible[0];
    const last = visible[visible.length - 1];
    if (!first || !last) generated = noData(what);
    else {
      const change = (last.value / first.value - 1) * 100;
      const relative =
        first.value > 0 && last.value >= 0 && spec.transform?.type !== "yoy"
          ? `, so ${a.name} ${change >= 0 ? "gained" : "lost"} ${formatPercent(change)} against ${denominator.name}`
          : "";
      generated =
        `${what} from ${from} to ${to}. It went from ${formatValue(first.value)} on ${first.date} ` +
        `to ${formatValue(last.value)} on ${last.date}${relative}.${missingSentence}`;
    }
    return {
      ...base,
      lines: visible.length > 0 ? [{ key: `${a.key}/${denominator.key}`, name, points: downsample(visible, maxPoints) }] : [],
      ...lineExtras(spec.transform?.type === "yoy" ? "percent" : spec.rebase ? "level" : "ratio"),
      description: describe(generated),
      yLabel: spec.transform?.type === "yoy" ? `${name}, change from a year earlier, %` : spec.rebase ? `${name} (${rebaseOn} = 100)` : name,
      table: tableOf(
        [a.name, denominator.name, name],
        [
          withCarry(a.points, range.from, visibleRaw[0]!),
          withCarry(denominator.points, range.from, visibleRaw[1] ?? []),
          withCarry(full, range.from, visible),
        ],
        range.from,
      ),
    };
  }

  const since = chartSince(spec, range);
  const lineTransform = spec.kind === "line" ? spec.transform : undefined;
  const bases = series.map((s) => (thinnedInputs ? byKey.get(s.key)!.thinned!.base : basePoint(s.points, since)));
  /** Scales points as rebase / returnsSince do, by the series' base point: the same arithmetic, point for point. */
  const scaled = (points: Point[], i: number): Point[] => {
    if (spec.kind !== "rebased" && spec.kind !== "return") return points;
    const base = bases[i];
    if (base === undefined || base.value === 0 || !Number.isFinite(base.value)) return [];
    const f = spec.kind === "rebased" ? (r: number) => r * 100 : (r: number) => (r - 1) * 100;
    return points.map((p) => ({ date: p.date, value: f(p.value / base.value) }));
  };
  const transformed = thinnedInputs
    ? null
    : series.map((s) =>
        spec.kind === "rebased" ? rebase(s.points, since) : spec.kind === "return" ? returnsSince(s.points, since) : applyTransform(s.points, lineTransform),
      );
  const visible =
    transformed === null
      ? visibleRaw.map((v, i) => scaled(v, i))
      : spec.kind === "line" && !lineTransform
        ? visibleRaw
        : transformed.map((t) => clip(t, range.from, range.to));
  const drawn = (i: number) => (thinnable(spec) ? scaled(downsample(visibleRaw[i]!, maxPoints), i) : downsample(visible[i]!, maxPoints));
  const lines: ChartLine[] = series.flatMap((s, i) => (visible[i]!.length > 0 ? [{ key: s.key, name: s.name, points: drawn(i) }] : []));
  const table =
    transformed === null
      ? { columns: ["Date", ...series.map((s) => s.name)], rows: [] }
      : tableOf(
          series.map((s) => s.name),
          transformed.map((t, i) => withCarry(t, range.from, visible[i]!)),
          range.from,
        );
  const what =
    spec.kind === "rebased"
      ? `Chart of ${names} rebased to 100 on ${since}`
      : spec.kind === "return"
        ? `Return since ${since} of ${names}`
        : `Line chart of ${names}${transformWords(lineTransform)}`;
  const lateBase = (s: Resolved) => {
    const b = bases[series.indexOf(s)];
    return b && b.date > since ? ` (${s.name} starts later, so it is measured from its first value, on ${b.date})` : "";
  };
  let generated: string;
  if (lines.length === 0) generated = noData(what);
  else {
    const parts = series.flatMap((s, i) => {
      const v = visible[i]!;
      const first = v[0];
      const last = v[v.length - 1];
      if (!first || !last) return [];
      if (lineTransform?.type === "yoy") {
        return [`On ${last.date} ${s.name} was ${formatPercent(last.value)} ${last.value >= 0 ? "above" : "below"} its level a year earlier.`];
      }
      if (spec.kind === "return") {
        return [`${s.name} ${moved(last.value)} by ${last.date}${lateBase(s)}.`];
      }
      if (spec.kind === "rebased") {
        return [`${s.name} stood at ${last.value.toFixed(1)} on ${last.date}, so it ${moved(last.value - 100)}${lateBase(s)}.`];
      }
      const trend = first.value > 0 ? ` ${moved((last.value / first.value - 1) * 100)},` : "";
      return [`${s.name}${trend} from ${formatValue(first.value)} on ${first.date} to ${formatValue(last.value)} on ${last.date}.`];
    });
    const prefix = spec.kind === "line" ? `${what} from ${from} to ${to}.` : `${what}, from ${from} to ${to}.`;
    generated = `${prefix} ${parts.join(" ")}${missingSentence}`;
  }
  const yoy = lineTransform?.type === "yoy";
  return {
    ...base,
    lines,
    ...lineExtras(spec.kind === "return" || yoy ? "percent" : "level"),
    description: describe(generated),
    yLabel:
      spec.kind === "rebased"
        ? spec.since !== undefined
          ? `Index (${spec.since} = 100)`
          : "Index (start = 100)"
        : spec.kind === "return"
          ? `Return since ${since}, %`
          : yoy
            ? "Change from a year earlier, %"
            : `${lineUnit(series)}${lineTransform?.type === "ma" ? `, ${lineTransform.window}-observation average` : ""}`,
    table,
    ...(thinnedInputs ? { thinned: true as const } : {}),
  };
}
