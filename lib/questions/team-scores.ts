// Scores that compare: the log score, each member's peer score against the team's forecast over time, and a leaderboard's ranks.
import { clampProbability, latestByUser, pool, usableFor, type TeamAggregate } from "./aggregate";
import { forecastDeadline, scoredForecast, type ForecastRecord, type ScorableQuestion } from "./scoring";

/** z of the normal's 90th percentile: an 80% interval spans value ± Z80·σ. */
export const Z80 = 1.2815515655446004;

/**
 * The log score of a binary forecast: the natural log (base e) of the probability it gave to what
 * happened, ln p for yes and ln(1 − p) for no, with p clamped to [0.001, 0.999] (see clampProbability).
 * 0 is perfect, ln 0.5 ≈ −0.693 is always saying 50%, the floor is ln 0.001 ≈ −6.908. Higher is better.
 */
export function logScore(p: number, outcome01: number): number {
  const q = clampProbability(p);
  return Math.log(outcome01 === 1 ? q : 1 - q);
}

/**
 * The log score of a numeric forecast: the natural log of the density, at the outcome, of a normal
 * centred on the forecast value whose 80% interval is as wide as the forecast's (σ = (high − low) / (2·Z80)),
 * with σ at least 0.1% of the plausible range so a zero-width interval stays finite. Its level depends
 * on the unit, so it is only compared within one question (the peer score), never averaged across questions.
 */
export function numericLogScore(value: number, low: number, high: number, outcome: number, range: { rangeMin: number; rangeMax: number }): number {
  const sigma = Math.max((high - low) / (2 * Z80), 0.001 * (range.rangeMax - range.rangeMin));
  const z = (outcome - value) / sigma;
  return -0.5 * z * z - Math.log(sigma * Math.sqrt(2 * Math.PI));
}

/** The log score of one standing forecast on a resolved question (binary: logScore; numeric: numericLogScore). */
function forecastLogScore(q: ScorableQuestion, f: ForecastRecord): number {
  if (q.kind === "binary") return logScore(f.probability as number, q.outcome as number);
  return numericLogScore(f.value as number, f.low as number, f.high as number, q.outcome as number, range(q));
}

/** The log score of the team's forecast: its median probability (binary), or a normal on its median value and median interval (numeric). */
export function aggregateLogScore(q: ScorableQuestion, a: TeamAggregate): number {
  if (a.kind === "binary") return logScore(a.median, q.outcome as number);
  return numericLogScore(a.median, a.low, a.high, q.outcome as number, range(q));
}

function range(q: ScorableQuestion): { rangeMin: number; rangeMax: number } {
  const { rangeMin, rangeMax } = q;
  if (rangeMin == null || rangeMax == null || !(rangeMax > rangeMin)) throw new RangeError("A numeric question needs a plausible range (rangeMin < rangeMax) to be scored.");
  return { rangeMin, rangeMax };
}

/** A scorable question with the moment it resolved (forecasting on it ends then, or at the resolve-by deadline if earlier). */
export type TeamScorableQuestion = ScorableQuestion & { resolvedAt: Date | null };

/** One member's scores on one resolved question. `logScore` is of their forecast standing at the deadline; `peer` the time-averaged difference from the team. */
export type MemberQuestionScore = { userId: string; logScore: number; peer: number };

/** When forecasting on a resolved question ended: the resolve-by deadline, or the resolution when that came first. */
export function scoringEnd(q: TeamScorableQuestion): number {
  const deadline = forecastDeadline(q.resolveBy);
  return q.resolvedAt ? Math.min(deadline, q.resolvedAt.getTime()) : deadline;
}

/**
 * Each forecaster's log score and peer score on a resolved question, in the order forecasters first
 * appear; [] for open and annulled questions. The peer score is the time-average, over the span from
 * the member's first forecast to the end of forecasting (scoringEnd), of (their standing forecast's log
 * score − the team's log score at the same moment), the team being the median of every member's standing
 * forecast then, the member's own included (aggregateLogScore). Positive: better than the team; 0 for a
 * lone forecaster. Forecasts after the end do not count. Throws a RangeError as scoreQuestion does.
 */
export function teamScores(q: TeamScorableQuestion, forecasts: readonly ForecastRecord[]): MemberQuestionScore[] {
  if (q.status !== "resolved" || q.outcome === null || !Number.isFinite(q.outcome)) return [];
  if (q.kind === "binary" && q.outcome !== 0 && q.outcome !== 1) throw new RangeError(`A binary question resolves to 1 (yes) or 0 (no), not ${q.outcome}.`);
  if (q.kind === "numeric") range(q);
  const end = scoringEnd(q);
  const usable = forecasts.filter((f) => usableFor(q.kind, f) && f.at.getTime() < end);
  const times = [...new Set(usable.map((f) => f.at.getTime()))].sort((a, b) => a - b);
  const sums = new Map<string, { diff: number; span: number }>();
  for (const [i, t] of times.entries()) {
    const dt = (times[i + 1] ?? end) - t;
    const standing = latestByUser(q.kind, usable, new Date(t));
    const team = aggregateLogScore(q, pool(q.kind, standing)!);
    for (const f of standing) {
      const s = sums.get(f.userId) ?? { diff: 0, span: 0 };
      s.diff += (forecastLogScore(q, f) - team) * dt;
      s.span += dt;
      sums.set(f.userId, s);
    }
  }
  const out: MemberQuestionScore[] = [];
  const seen = new Set<string>();
  for (const f of usable) {
    if (seen.has(f.userId)) continue;
    seen.add(f.userId);
    const final = scoredForecast(usable.filter((g) => g.userId === f.userId), q.resolveBy);
    const s = sums.get(f.userId);
    if (!final || !s || s.span <= 0) continue;
    out.push({ userId: f.userId, logScore: forecastLogScore(q, final), peer: s.diff / s.span });
  }
  return out;
}

/** One point of a member's peer score over time: after the n-th resolved question, the mean of their peer scores so far. */
export type PeerPoint = { at: Date; questionId: string; title: string; peer: number; n: number; cumulativeMean: number };

/** The cumulative mean peer score, by resolution date (oldest first). */
export function peerOverTime(scored: readonly { at: Date; questionId: string; title: string; peer: number }[]): PeerPoint[] {
  let sum = 0;
  return [...scored]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((s, i) => {
      sum += s.peer;
      return { ...s, n: i + 1, cumulativeMean: sum / (i + 1) };
    });
}

/** The mean of numbers, or null for none. */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Ranks by a score where higher is better: ties share a rank and the next rank skips (1, 1, 3);
 * scores within 1e-12 count as tied; a null score gets a null rank. Returns ranks in the input's order.
 */
export function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s + 1e-12).length));
}
