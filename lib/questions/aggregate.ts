// The team's forecast on a question: each member's latest forecast at a moment, pooled as a median and a mean of log-odds (binary) or medians and a mean (numeric), and its history.
import { forecastDeadline, type ForecastRecord } from "./scoring";
import type { QuestionKind } from "./spec";

/**
 * The extremizing factor for the mean of log-odds when the caller asks for it (the default is 1,
 * plain pooling). Team members read the same notes and data, so their forecasts share information
 * and the plain mean of their log-odds is underconfident: pulling it away from 50% by a factor d > 1
 * corrects for that. Baron, Mellers, Tetlock et al. (2014, "Two reasons to make aggregated probability
 * forecasts more extreme", Decision Analysis) and Satopää et al. (2014, "Combining multiple probability
 * predictions using a simple logit model", Int. J. Forecasting) found d ≈ 1.2–2.5 best on geopolitical
 * forecasting tournaments; 1.5 is a cautious middle for a small team.
 */
export const EXTREMIZE = 1.5;

/** Probabilities are clamped to [PROBABILITY_FLOOR, 1 − PROBABILITY_FLOOR] before taking log-odds or logs, so 0% and 100% stay finite. */
export const PROBABILITY_FLOOR = 0.001;

/** The team's pooled forecast at one moment. `count` is how many members' latest forecasts it pools. */
export type TeamAggregate =
  | { kind: "binary"; count: number; median: number; logOddsMean: number }
  | { kind: "numeric"; count: number; median: number; mean: number; low: number; high: number };

/** One point of the team's history: the aggregate just after the forecast made at `at`. */
export type TeamHistoryPoint = TeamAggregate & { at: Date };

export type AggregateOptions = {
  /** Forecasts at or after the end of this resolve-by date (UTC) do not count (see forecastDeadline). */
  resolveBy?: string;
  /** Multiply the mean log-odds by EXTREMIZE (binary only); false by default. */
  extremize?: boolean;
};

const isNum = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** p clamped to [PROBABILITY_FLOOR, 1 − PROBABILITY_FLOOR]. */
export function clampProbability(p: number): number {
  return Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, p));
}

/** ln(p / (1 − p)) of the clamped probability. */
export function logit(p: number): number {
  const q = clampProbability(p);
  return Math.log(q / (1 - q));
}

/** 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The median: the middle value, or the mean of the middle two for an even count. NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The mean of log-odds as a probability: σ(d · mean(logit(pᵢ))), each pᵢ clamped first. NaN for none. */
export function logOddsMean(ps: readonly number[], d = 1): number {
  if (ps.length === 0) return NaN;
  return sigmoid((d * ps.reduce((sum, p) => sum + logit(p), 0)) / ps.length);
}

/** Whether a forecast carries the numbers its question's kind reads. */
export function usableFor(kind: QuestionKind, f: ForecastRecord): boolean {
  return kind === "binary" ? isNum(f.probability) : isNum(f.value) && isNum(f.low) && isNum(f.high);
}

/**
 * Each forecaster's latest usable forecast made at or before `moment` (and before the resolve-by
 * deadline when given), in the order forecasters first appear. Two at the same instant: the later in the list wins.
 */
export function latestByUser<F extends ForecastRecord>(kind: QuestionKind, forecasts: readonly F[], moment: Date, opts: { resolveBy?: string } = {}): F[] {
  const limit = Math.min(moment.getTime(), opts.resolveBy ? forecastDeadline(opts.resolveBy) - 1 : Infinity);
  const latest = new Map<string, F>();
  for (const f of forecasts) {
    const t = f.at.getTime();
    if (t > limit || !usableFor(kind, f)) continue;
    const prev = latest.get(f.userId);
    if (!prev || t >= prev.at.getTime()) latest.set(f.userId, f);
  }
  return [...latest.values()];
}

/** Pools standing forecasts (one per member) into the team's forecast; null when there are none. */
export function pool(kind: QuestionKind, standing: readonly ForecastRecord[], opts: { extremize?: boolean } = {}): TeamAggregate | null {
  const usable = standing.filter((f) => usableFor(kind, f));
  if (usable.length === 0) return null;
  if (kind === "binary") {
    const ps = usable.map((f) => f.probability as number);
    return { kind, count: ps.length, median: median(ps), logOddsMean: logOddsMean(ps, opts.extremize ? EXTREMIZE : 1) };
  }
  const values = usable.map((f) => f.value as number);
  return {
    kind,
    count: values.length,
    median: median(values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    low: median(usable.map((f) => f.low as number)),
    high: median(usable.map((f) => f.high as number)),
  };
}

/** The team's forecast at `moment`: each member's latest forecast at or before it, pooled. Null when nobody had forecast yet. */
export function aggregateAt(kind: QuestionKind, forecasts: readonly ForecastRecord[], moment: Date, opts: AggregateOptions = {}): TeamAggregate | null {
  return pool(kind, latestByUser(kind, forecasts, moment, opts), opts);
}

/**
 * The team's forecast after each forecast, oldest first: a step series (it holds until the next point).
 * Forecasts at the same instant make one point; forecasts after the resolve-by deadline make none.
 */
export function aggregateHistory(kind: QuestionKind, forecasts: readonly ForecastRecord[], opts: AggregateOptions = {}): TeamHistoryPoint[] {
  const deadline = opts.resolveBy ? forecastDeadline(opts.resolveBy) : Infinity;
  const sorted = forecasts.filter((f) => f.at.getTime() < deadline && usableFor(kind, f)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = new Map<string, ForecastRecord>();
  const out: TeamHistoryPoint[] = [];
  for (const f of sorted) {
    latest.set(f.userId, f);
    const agg = pool(kind, [...latest.values()], opts)!;
    if (out.at(-1)?.at.getTime() === f.at.getTime()) out.pop();
    out.push({ ...agg, at: f.at });
  }
  return out;
}
