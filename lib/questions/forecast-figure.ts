// A question's forecast over time as an Observable Plot figure: a line per forecaster, the team's line, the 80% band, note markers and resolve-by (browser and server).
import type * as PlotTypes from "@observablehq/plot";
import { CHART_PALETTE } from "@/lib/charts/figure";
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

function isoToDate(iso: string): Date {
  return new Date(`${iso}T23:59:59Z`);
}

/** The rows, note markers and domains the chart draws. */
export function forecastChartModel(q: ForecastChartQuestion, meId: string | null, now = new Date()) {
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
  return { binary, rows, lines, notes, xDomain, yDomain, resolveBy, showResolveBy: resolveBy >= xDomain[0] && resolveBy <= xDomain[1] };
}

export type ForecastFigureOptions = {
  meId: string | null;
  width: number;
  /** Where to build the SVG (a server-side document outside the browser). */
  document?: Document;
  /** Tooltips on the dots (the browser); the server's drawing has none. */
  tips?: boolean;
  now?: Date;
  /** The team's forecast after each forecast (questions.team's history: median probability or value), drawn as a dashed step line. */
  team?: ReadonlyArray<{ at: Date; median: number }>;
};

/** The name of the team's line in the legend. */
export const TEAM_LINE = "Team (median)";

/** The figure (an <svg>, or a <figure> with a legend) and the model it drew. */
export function forecastFigure(Plot: PlotModule, question: ForecastChartQuestion, opts: ForecastFigureOptions) {
  const m = forecastChartModel(question, opts.meId, opts.now);
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
    Plot.dot(m.rows, { x: "at", y: "y", fill: (r: Row) => colour(r.user), stroke: "var(--plot-background, #fff)", r: (r: Row) => (r.mine ? 4.5 : 3), className: "q-forecast-markers", title: tips ? "label" : undefined, tip: tips }),
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
    marginLeft: 48,
    marginTop: 34,
    document: opts.document,
    x: { type: "utc", domain: m.xDomain, label: null },
    y: { domain: m.yDomain, label: m.binary ? "Probability of yes (%)" : question.unit || "Value", nice: !m.binary, tickFormat: m.binary ? (d: number) => `${d}%` : undefined },
    color: legend ? { domain: legend, range: legendColours, legend: true } : undefined,
    marks,
  });
  return { figure, model: m };
}
