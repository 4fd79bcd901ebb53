// Scoring resolved questions: which forecast counts, Brier and scaled errors, 80% interval hits, calibration buckets.
import { type QuestionKind, type QuestionStatus } from "./spec";

/** One forecast as stored: who made it, when, and either a probability (binary) or a value with an 80% interval (numeric). */
export type ForecastRecord = {
  userId: string;
  at: Date;
  probability?: number | null;
  value?: number | null;
  low?: number | null;
  high?: number | null;
};

/** The facts of a question that scoring reads. `outcome` is 1/0 for binary, the value for numeric, null until resolved or when annulled. */
export type ScorableQuestion = {
  kind: QuestionKind;
  status: QuestionStatus;
  resolveBy: string;
  outcome: number | null;
  rangeMin?: number | null;
  rangeMax?: number | null;
};

/** One user's score on a binary question. Lower Brier is better (0 perfect, 0.25 for always saying 50%, 1 worst). */
export type BinaryScore<F extends ForecastRecord = ForecastRecord> = {
  userId: string;
  kind: "binary";
  forecast: F;
  probability: number;
  outcome01: 0 | 1;
  brier: number;
};

/** One user's score on a numeric question: the error scaled by the plausible range (0 exact, capped at 1), and whether the 80% interval held the outcome. */
export type NumericScore<F extends ForecastRecord = ForecastRecord> = {
  userId: string;
  kind: "numeric";
  forecast: F;
  value: number;
  low: number;
  high: number;
  outcome: number;
  scaledError: number;
  inInterval: boolean;
};

/** One user's score on a question. */
export type UserScore<F extends ForecastRecord = ForecastRecord> = BinaryScore<F> | NumericScore<F>;

/** One calibration bucket: forecasts with probability in [from, to) (the last bucket includes 1). Means are null when the bucket is empty. */
export type CalibrationBucket = {
  bucket: string;
  from: number;
  to: number;
  count: number;
  meanForecast: number | null;
  observedFrequency: number | null;
};

/** The instant forecasting closes: the end of the resolve-by date in UTC (midnight starting the next day), in epoch milliseconds. */
export function forecastDeadline(resolveBy: string): number {
  return Date.UTC(Number(resolveBy.slice(0, 4)), Number(resolveBy.slice(5, 7)) - 1, Number(resolveBy.slice(8, 10)) + 1);
}

/**
 * The forecast that counts for one user: their last forecast made on or before the end of the
 * resolve-by date (UTC), i.e. with `at` before midnight UTC that starts the next day. Later forecasts
 * are ignored; two at the same instant: the later in the list wins. Null when there is none.
 */
export function scoredForecast<F extends { at: Date }>(forecasts: readonly F[], resolveBy: string): F | null {
  const deadline = forecastDeadline(resolveBy);
  let best: F | null = null;
  for (const f of forecasts) {
    const t = f.at.getTime();
    if (!(t < deadline)) continue;
    if (best === null || t >= best.at.getTime()) best = f;
  }
  return best;
}

/** The Brier score of probability `p` against an outcome of 1 (yes) or 0 (no): (p − outcome)². */
export function brier(p: number, outcome01: number): number {
  return (p - outcome01) ** 2;
}

/** |value − outcome| / (rangeMax − rangeMin), capped at 1. Throws a RangeError unless rangeMin < rangeMax. */
export function scaledError(value: number, outcome: number, rangeMin: number, rangeMax: number): number {
  if (!(rangeMax > rangeMin)) throw new RangeError(`The plausible range must have rangeMin < rangeMax (got ${rangeMin} and ${rangeMax}).`);
  return Math.min(1, Math.abs(value - outcome) / (rangeMax - rangeMin));
}

/** True when the outcome lies in the interval [low, high], both ends included. */
export function inInterval(low: number, high: number, outcome: number): boolean {
  return low <= outcome && outcome <= high;
}

const isNum = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Each forecaster's score on a question, in the order users first appear in `forecasts`. Only
 * resolved questions with an outcome are scored: open and annulled ones give []. Per user, the
 * forecast that counts is chosen by scoredForecast among those of the question's kind (a binary
 * question reads `probability`, a numeric one `value`, `low` and `high`); users with none are left out.
 * Throws a RangeError when a binary outcome is not 0 or 1, or a numeric question lacks rangeMin < rangeMax.
 */
export function scoreQuestion<F extends ForecastRecord>(question: ScorableQuestion, forecasts: readonly F[]): UserScore<F>[] {
  const { outcome } = question;
  if (question.status !== "resolved" || outcome === null || !Number.isFinite(outcome)) return [];
  if (question.kind === "binary" && outcome !== 0 && outcome !== 1) {
    throw new RangeError(`A binary question resolves to 1 (yes) or 0 (no), not ${outcome}.`);
  }
  const byUser = new Map<string, F[]>();
  for (const f of forecasts) {
    const usable = question.kind === "binary" ? isNum(f.probability) : isNum(f.value) && isNum(f.low) && isNum(f.high);
    if (!usable) continue;
    const list = byUser.get(f.userId);
    if (list) list.push(f);
    else byUser.set(f.userId, [f]);
  }
  const out: UserScore<F>[] = [];
  for (const [userId, list] of byUser) {
    const f = scoredForecast(list, question.resolveBy);
    if (f === null) continue;
    if (question.kind === "binary") {
      const p = f.probability as number;
      const o = outcome as 0 | 1;
      out.push({ userId, kind: "binary", forecast: f, probability: p, outcome01: o, brier: brier(p, o) });
    } else {
      const value = f.value as number;
      const low = f.low as number;
      const high = f.high as number;
      out.push({
        userId,
        kind: "numeric",
        forecast: f,
        value,
        low,
        high,
        outcome,
        scaledError: scaledError(value, outcome, question.rangeMin ?? NaN, question.rangeMax ?? NaN),
        inInterval: inInterval(low, high, outcome),
      });
    }
  }
  return out;
}

/**
 * The bucket index of probability `p` among `buckets` equal buckets: bucket i holds [i/n, (i+1)/n),
 * so a boundary goes to the bucket it starts (0.1 → 10–20%), and 1 goes to the last bucket.
 * A tolerance of 1e-9 absorbs float error (0.29 × 100 = 28.999999999999996 still lands in 29–30%).
 */
export function bucketIndex(p: number, buckets: number): number {
  const i = Math.floor(p * buckets + 1e-9);
  return Math.max(0, Math.min(buckets - 1, i));
}

function bucketLabel(from: number, to: number): string {
  return `${Math.round(from * 100)}–${Math.round(to * 100)}%`;
}

/**
 * Calibration of scored binary forecasts: for each of `buckets` equal probability buckets (see
 * bucketIndex for boundaries), how many forecasts fell in it, their mean probability and how often
 * the outcome was yes. Every bucket is listed; empty ones have count 0 and null means.
 * Throws a RangeError unless `buckets` is a whole number from 1 to 100.
 */
export function calibration(scored: readonly { probability: number; outcome01: number }[], buckets = 10): CalibrationBucket[] {
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > 100) throw new RangeError(`Use 1 to 100 calibration buckets, not ${buckets}.`);
  const sumP = new Array<number>(buckets).fill(0);
  const sumO = new Array<number>(buckets).fill(0);
  const count = new Array<number>(buckets).fill(0);
  for (const s of scored) {
    const i = bucketIndex(s.probability, buckets);
    sumP[i]! += s.probability;
    sumO[i]! += s.outcome01;
    count[i]! += 1;
  }
  return count.map((n, i) => {
    const from = i / buckets;
    const to = (i + 1) / buckets;
    return {
      bucket: bucketLabel(from, to),
      from,
      to,
      count: n,
      meanForecast: n === 0 ? null : sumP[i]! / n,
      observedFrequency: n === 0 ? null : sumO[i]! / n,
    };
  });
}

/** The mean Brier score of scored binary forecasts; null when there are none. */
export function meanBrier(scored: readonly { probability: number; outcome01: number }[]): number | null {
  if (scored.length === 0) return null;
  return scored.reduce((sum, s) => sum + brier(s.probability, s.outcome01), 0) / scored.length;
}

/** The share of numeric forecasts whose 80% interval held the outcome (well calibrated ≈ 0.8); null when there are none. */
export function interval80HitRate(scored: readonly { low: number; high: number; outcome: number }[]): number | null {
  if (scored.length === 0) return null;
  return scored.filter((s) => inInterval(s.low, s.high, s.outcome)).length / scored.length;
}

/** The mean scaled error of scored numeric forecasts; null when there are none. */
export function meanScaledError(scored: readonly { scaledError: number }[]): number | null {
  if (scored.length === 0) return null;
  return scored.reduce((sum, s) => sum + s.scaledError, 0) / scored.length;
}
