// A question's forecast over time as an Observable Plot figure: a line per forecaster, a marker per forecaster per day, the team's line, the 80% band, note markers and resolve-by (browser and server).
import type * as PlotTypes from "@observablehq/plot";
import { CHART_PALETTE } from "@/lib/charts/figure";
import { nameablePlotMarks } from "@/lib/charts/plot-aria";
import { formatForecast } from "./format";

type PlotModule = typeof PlotTypes;

/** One forecast as the figure draws it: who, when, the forecast, and the note that prompted it. */
export type ChartForecast = {
  userId: string;
  userName: string;
  at: Date;
  probability: number | null;
  value: number | null;
  low: number | null;
  high: number | null;
  rationale: string;
  noteId: string | null;
  noteTitle: string | null;
};

/** What the figure needs of a question; the question page passes questions.get, the share page a pinned or live copy. */
export type ForecastChartQuestion = {
  kind: "binary" | "numeric";
  status: string;
  unit: string;
  resolveBy: string;
  createdAt: Date;
  resolvedAt: Date | null;
  outcome: number | null;
  rangeMin: number | null;
  rangeMax: number | null;
  forecasts: ChartForecast[];
  citedBy: Array<{ id: string; title: string; updatedAt: Date }>;
};

type Row = { user: string; mine: boolean; at: Date; y: number; low: number | null; high: number | null; label: string; end?: boolean };
export type NoteMark = { at: Date; title: string; id: string | null; why: string };

/** One forecast in a marker's list: its time of day, the forecast in words, and the note it came from. */
export type MarkerForecast = { at: Date; time: string; text: string; noteTitle: string | null };

/**
 * The marker drawn for one forecaster's forecasts on one day: at the day's last forecast (the one that stood at its
 * end), listing each of the day's forecasts in time order. `x` is where it is drawn: `at`, or beside it when other
 * forecasters' markers of the same day would sit on it (see spreadSameDay).
 */
export type ForecastMarker = {
  user: string;
  mine: boolean;
  day: string;
  at: Date;
  x: Date;
  y: number;
  forecasts: MarkerForecast[];
  /** One line, for screen readers: who, and each forecast of the day. */
  label: string;
  /** Several lines, for the tooltip: who and the day, then each forecast, then the last one's rationale. */
  tip: string;
};

/** The options of forecastChartModel beyond the question. */
export type ForecastModelOptions = {
  now?: Date;
  /** The time zone a day and a time of day are read in (the browser's; UTC on the server). */
  timeZone?: string;
};

function dayAndTime(timeZone: string): (at: Date) => { day: string; time: string } {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return (at) => ({ day: day.format(at), time: time.format(at) });
}

/** One marker per forecaster per day (in `timeZone`), in time order. */
export function forecastMarkers(q: Pick<ForecastChartQuestion, "kind" | "unit" | "forecasts">, meId: string | null, timeZone = "UTC"): ForecastMarker[] {
  const binary = q.kind === "binary";
  const when = dayAndTime(timeZone);
  const groups = new Map<string, ChartForecast[]>();
  for (const f of [...q.forecasts].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const key = `${f.userId}\u0000${when(f.at).day}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const markers = [...groups.values()].map((list) => {
    const last = list.at(-1)!;
    const day = when(last.at).day;
    const forecasts = list.map((f) => ({ at: f.at, time: when(f.at).time, text: formatForecast(f, q.unit), noteTitle: f.noteTitle }));
    const from = (n: string | null) => (n ? ` · from “${n}”` : "");
    const rationale = last.rationale ? `\n${last.rationale.slice(0, 140)}` : "";
    const single = forecasts.length === 1;
    return {
      user: last.userName,
      mine: last.userId === meId,
      day,
      at: last.at,
      x: last.at,
      y: binary ? (last.probability ?? 0) * 100 : (last.value ?? 0),
      forecasts,
      label: single
        ? `${last.userName}: ${forecasts[0]!.text}${from(last.noteTitle)} (${day} ${forecasts[0]!.time})`
        : `${last.userName}: ${forecasts.length} forecasts on ${day}: ${forecasts.map((f) => `${f.time} ${f.text}${from(f.noteTitle)}`).join("; ")}`,
      tip: single
        ? `${last.userName}: ${forecasts[0]!.text}${from(last.noteTitle)}${rationale}`
        : `${last.userName}, ${forecasts.length} forecasts on ${day}:\n${forecasts.map((f) => `${f.time}  ${f.text}${from(f.noteTitle)}`).join("\n")}${rationale}`,
    };
  });
  return markers.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Spreads the markers of one day sideways, in time order, when they would otherwise sit closer than `gapPx` on a
 * time scale of `msPerPx`: they then stand `gapPx` apart, centred on where they belong. Other days' markers, and a
 * day whose markers already stand apart (a chart of a few days), are left where they are.
 */
export function spreadSameDay<M extends { day: string; at: Date; x: Date }>(markers: readonly M[], msPerPx: number, gapPx: number): M[] {
  const byDay = new Map<string, M[]>();
  for (const m of markers) byDay.set(m.day, [...(byDay.get(m.day) ?? []), m]);
  const moved = new Map<M, Date>();
  for (const list of byDay.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    const crowded = sorted.some((m, i) => i > 0 && (m.at.getTime() - sorted[i - 1]!.at.getTime()) / msPerPx < gapPx);
    if (!crowded) continue;
    const centre = sorted.reduce((sum, m) => sum + m.at.getTime(), 0) / sorted.length;
    sorted.forEach((m, i) => moved.set(m, new Date(centre + (i - (sorted.length - 1) / 2) * gapPx * msPerPx)));
  }
  return markers.map((m) => (moved.has(m) ? { ...m, x: moved.get(m)! } : m));
}

function isoToDate(iso: string): Date {
  return new Date(`${iso}T23:59:59Z`);
}

/** The rows, note markers and domains the chart draws. */
export function forecastChartModel(q: ForecastChartQuestion, meId: string | null, opts: ForecastModelOptions = {}) {
  const now = opts.now ?? new Date();
  const binary = q.kind === "binary";
  const resolveBy = isoToDate(q.resolveBy);
  const lastForecast = Math.max(0, ...q.forecasts.map((f) => f.at.getTime()));
  // A closed question's chart ends when it resolved, or at its resolve-by when it resolved later (a
  // practice question on 2002's data resolved today still ends in 2002), never before its last forecast.
  const end = q.resolvedAt ? new Date(Math.max(lastForecast, Math.min(q.resolvedAt.getTime(), resolveBy.getTime()))) : now;
  const rows: Row[] = q.forecasts.map((f) => ({
    user: f.userName,
    mine: f.userId === meId,
    at: f.at,
    y: binary ? (f.probability ?? 0) * 100 : (f.value ?? 0),
    low: binary ? null : f.low,
    high: binary ? null : f.high,
    label: `${f.userName}: ${formatForecast(f, q.unit)}${f.noteTitle ? ` · from “${f.noteTitle}”` : ""}${f.rationale ? `\n${f.rationale.slice(0, 140)}` : ""}`,
  }));
  // Each forecaster's line runs on to now (or the resolution) at their latest forecast.
  const lines: Row[] = [];
  const byUser = new Map<string, Row[]>();
  for (const r of rows) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r]);
  for (const list of byUser.values()) {
    lines.push(...list);
    const last = list.at(-1)!;
    if (end.getTime() > last.at.getTime()) lines.push({ ...last, at: end, end: true });
  }
  const closed = q.status !== "open";
  const notes: NoteMark[] = [
    ...q.citedBy.map((n) => ({ at: n.updatedAt, title: n.title || "Untitled", id: n.id, why: "cites this question" })),
    ...q.forecasts.filter((f) => f.noteTitle !== null).map((f) => ({ at: f.at, title: f.noteTitle!, id: f.noteId, why: `${f.userName} forecast from it` })),
  ].filter((n) => !closed || n.at.getTime() <= end.getTime());
  const start = new Date(Math.min(q.createdAt.getTime(), ...rows.map((r) => r.at.getTime()), ...notes.map((n) => n.at.getTime())));
  const last = Math.max(end.getTime(), closed ? 0 : resolveBy.getTime(), ...notes.map((n) => n.at.getTime()));
  // Room either side (at least a day, 4% of the span) so that forecasts made on the first day stand clear of the axis.
  const pad = Math.max(86_400_000, (last - start.getTime()) * 0.04);
  const xDomain: [Date, Date] = [new Date(start.getTime() - pad), new Date(last + pad)];
  let yDomain: [number, number] = [0, 100];
  if (!binary) {
    const ys = [...rows.flatMap((r) => [r.y, r.low ?? r.y, r.high ?? r.y]), ...(q.outcome !== null ? [q.outcome] : [])];
    const lo = Math.min(q.rangeMin ?? Infinity, ...ys);
    const hi = Math.max(q.rangeMax ?? -Infinity, ...ys);
    yDomain = Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? [lo, hi] : [lo - 1, lo + 1];
  }
  const markers = forecastMarkers(q, meId, opts.timeZone);
  return { binary, rows, lines, markers, notes, xDomain, yDomain, resolveBy, showResolveBy: resolveBy >= xDomain[0] && resolveBy <= xDomain[1] };
}

export type ForecastFigureOptions = {
  meId: string | null;
  width: number;
  /** Where to build the SVG (a server-side document outside the browser). */
  document?: Document;
  /** Tooltips on the dots (the browser); the server's drawing has none. */
  tips?: boolean;
  now?: Date;
  /** The time zone days and times of day are read in (the browser's); UTC when not given. */
  timeZone?: string;
  /** The team's forecast after each forecast (questions.team's history: median probability or value), drawn as a dashed step line. */
  team?: ReadonlyArray<{ at: Date; median: number }>;
};

const MARGIN_LEFT = 48;
/** How far apart (px) one day's markers from several forecasters are drawn. */
const MARKER_GAP = 9;

/** The name of the team's line in the legend. */
export const TEAM_LINE = "Team (median)";

/** The figure (an <svg>, or a <figure> with a legend) and the model it drew. */
export function forecastFigure(Plot: PlotModule, question: ForecastChartQuestion, opts: ForecastFigureOptions) {
  const model = forecastChartModel(question, opts.meId, { now: opts.now, timeZone: opts.timeZone });
  // A day's markers from several forecasters stand apart (Plot's default right margin is 20 px).
  const msPerPx = (model.xDomain[1].getTime() - model.xDomain[0].getTime()) / Math.max(1, opts.width - MARGIN_LEFT - 20);
  const m = { ...model, markers: spreadSameDay(model.markers, msPerPx, MARKER_GAP) };
  const tips = opts.tips ?? true;
  const users = [...new Set(m.rows.map((r) => r.user))];
  const mineName = m.rows.find((r) => r.mine)?.user;
  const others = users.filter((u) => u !== mineName);
  const colour = (u: string) => (u === TEAM_LINE ? "currentColor" : u === mineName ? CHART_PALETTE[0] : CHART_PALETTE[1 + (others.indexOf(u) % (CHART_PALETTE.length - 1))]!);
  // The team's line: a step series that runs on to the chart's end, like each forecaster's.
  const teamRows = (opts.team ?? []).map((p) => ({ at: p.at, y: m.binary ? p.median * 100 : p.median }));
  const teamEnd = teamRows.at(-1);
  const lastAt = Math.max(...m.lines.map((r) => r.at.getTime()));
  if (teamEnd && lastAt > teamEnd.at.getTime()) teamRows.push({ at: new Date(lastAt), y: teamEnd.y });
  const showTeam = teamRows.length > 0;
  const marks: PlotTypes.Markish[] = [
    Plot.gridY({ strokeOpacity: 0.12 }),
    m.binary ? Plot.ruleY([50], { stroke: "currentColor", strokeOpacity: 0.25, strokeDasharray: "2,3" }) : null,
    m.showResolveBy ? Plot.ruleX([m.resolveBy], { stroke: "var(--danger, #c0392b)", strokeOpacity: 0.7, strokeDasharray: "5,3" }) : null,
    m.showResolveBy
      ? Plot.text([m.resolveBy], { x: (d: Date) => d, frameAnchor: "bottom", text: () => "resolve by", textAnchor: "end", dx: -4, dy: -4, fill: "var(--danger, #c0392b)", fontSize: 11 })
      : null,
    ...(!m.binary
      ? users.map((u) =>
          Plot.areaY(
            m.lines.filter((r) => r.user === u && r.low !== null && r.high !== null),
            { x: "at", y1: "low", y2: "high", curve: "step-after", fill: colour(u), fillOpacity: u === mineName ? 0.18 : 0.07 },
          ),
        )
      : []),
    ...users.map((u) =>
      Plot.line(
        m.lines.filter((r) => r.user === u),
        { x: "at", y: "y", curve: "step-after", stroke: colour(u), strokeWidth: u === mineName ? 2.5 : 1.3, strokeOpacity: u === mineName ? 1 : 0.8 },
      ),
    ),
    showTeam ? Plot.line(teamRows, { x: "at", y: "y", curve: "step-after", stroke: "currentColor", strokeWidth: 2, strokeOpacity: 0.75, strokeDasharray: "6,4", className: "q-team-line" }) : null,
    // One marker per forecaster per day, drawn in time order (sort: null), with the day's count beside it when several.
    Plot.dot(m.markers, {
      x: "x",
      y: "y",
      fill: (d: ForecastMarker) => colour(d.user),
      stroke: "var(--plot-background, #fff)",
      r: (d: ForecastMarker) => (d.mine ? 4.5 : 3),
      sort: null,
      className: "q-forecast-markers",
      ariaLabel: tips ? (d: ForecastMarker) => d.label : undefined,
      title: tips ? "tip" : undefined,
      tip: tips,
    }),
    Plot.text(
      m.markers.filter((d) => d.forecasts.length > 1),
      { x: "x", y: "y", text: (d: ForecastMarker) => `×${d.forecasts.length}`, dx: 7, dy: -8, textAnchor: "start", fontSize: 10, fontWeight: 600, fill: (d: ForecastMarker) => colour(d.user), stroke: "var(--plot-background, #fff)", strokeWidth: 3, paintOrder: "stroke", className: "q-forecast-counts" },
    ),
    Plot.ruleX(m.notes, { x: "at", stroke: "currentColor", strokeOpacity: 0.22 }),
    Plot.dot(m.notes, {
      x: "at",
      frameAnchor: "top",
      dy: -9,
      symbol: "diamond2",
      r: 6,
      fill: "var(--plot-note, #a463f2)",
      stroke: "var(--plot-background, #fff)",
      className: "q-note-markers",
      title: tips ? (n: NoteMark) => `Note “${n.title}” ${n.why}` : undefined,
      tip: tips,
    }),
  ];
  const named = users.length > 1 ? users.map((u) => (u === mineName ? `${u} (you)` : u)) : null;
  const legend = named && showTeam ? [...named, TEAM_LINE] : named;
  const legendColours = [...users.map(colour), ...(showTeam && named ? [colour(TEAM_LINE)] : [])];
  const figure = Plot.plot({
    width: opts.width,
    height: Math.round(Math.min(340, Math.max(220, opts.width * 0.38))),
    marginLeft: MARGIN_LEFT,
    marginTop: 34,
    document: opts.document,
    x: { type: "utc", domain: m.xDomain, label: null },
    y: { domain: m.yDomain, label: m.binary ? "Probability of yes (%)" : question.unit || "Value", nice: !m.binary, tickFormat: m.binary ? (d: number) => `${d}%` : undefined },
    color: legend ? { domain: legend, range: legendColours, legend: true } : undefined,
    marks,
  });
  nameablePlotMarks(figure);
  return { figure, model: m };
}
