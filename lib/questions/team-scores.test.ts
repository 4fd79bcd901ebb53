// Log scores, peer scores and ranks checked against values worked out by hand: one forecaster, a member who joins late, ties, a forecast after the resolve-by date, annulled questions, numeric questions.
import { describe, expect, it } from "vitest";
import type { ForecastRecord } from "./scoring";
import { competitionRanks, logScore, numericLogScore, peerOverTime, teamScores, Z80, type TeamScorableQuestion } from "./team-scores";

const at = (iso: string) => new Date(iso);
const bin = (userId: string, iso: string, probability: number): ForecastRecord => ({ userId, at: at(iso), probability });
const num = (userId: string, iso: string, value: number, low: number, high: number): ForecastRecord => ({ userId, at: at(iso), value, low, high });
// Resolve-by 2026-01-10: forecasting ends at 2026-01-11T00:00Z, ten days after 2026-01-01.
const yes: TeamScorableQuestion = { kind: "binary", status: "resolved", resolveBy: "2026-01-10", outcome: 1, resolvedAt: at("2026-01-12T09:00:00Z") };

describe("logScore", () => {
  it("is the natural log of the probability given to what happened", () => {
    expect(logScore(0.7, 1)).toBeCloseTo(-0.356675, 6); // ln 0.7
    expect(logScore(0.7, 0)).toBeCloseTo(-1.203973, 6); // ln 0.3
    expect(logScore(0.5, 1)).toBeCloseTo(-0.693147, 6); // ln 0.5
    expect(logScore(1, 1)).toBeCloseTo(Math.log(0.999), 12); // clamped: ≈ −0.001
    expect(logScore(0, 1)).toBeCloseTo(-6.907755, 6); // ln 0.001, not −∞
  });

  it("numeric: the log density of a normal fitted to the 80% interval", () => {
    // σ = (12 − 8) / (2 × 1.281552) = 1.560608; at the centre: −ln(σ√(2π)) = −(0.445076 + 0.918939) = −1.364014.
    expect(numericLogScore(10, 8, 12, 10, { rangeMin: 0, rangeMax: 100 })).toBeCloseTo(-1.364014, 5);
    // At the interval's end (z = 1.281552): 1.281552² / 2 = 0.821187 lower.
    expect(numericLogScore(10, 8, 12, 12, { rangeMin: 0, rangeMax: 100 })).toBeCloseTo(-1.364014 - 0.821187, 5);
    // A zero-width interval: σ = 0.1% of the range (0.1), finite.
    expect(numericLogScore(10, 10, 10, 10, { rangeMin: 0, rangeMax: 100 })).toBeCloseTo(-Math.log(0.1 * Math.sqrt(2 * Math.PI)), 9);
  });
});

describe("teamScores (peer)", () => {
  it("one forecaster: the team is them, so their peer score is 0", () => {
    const s = teamScores(yes, [bin("a", "2026-01-01T00:00:00Z", 0.7)]);
    expect(s).toEqual([{ userId: "a", logScore: expect.closeTo(-0.356675, 6), peer: 0 }]);
  });

  it("a member who joins late is scored from their first forecast; the early member against the team as it was", () => {
    const fs = [bin("a", "2026-01-01T00:00:00Z", 0.5), bin("b", "2026-01-06T00:00:00Z", 0.8)];
    const [a, b] = teamScores(yes, fs);
    // Days 0–5: a alone, team = a: difference 0. Days 5–10: team = median(0.5, 0.8) = 0.65.
    // a: (0 × 5 + (ln 0.5 − ln 0.65) × 5) / 10 = (−0.693147 + 0.430783) / 2 = −0.131182.
    expect(a).toMatchObject({ userId: "a", logScore: expect.closeTo(-0.693147, 6), peer: expect.closeTo(-0.131182, 6) });
    // b: over days 5–10 only: ln 0.8 − ln 0.65 = −0.223144 + 0.430783 = 0.207639.
    expect(b).toMatchObject({ userId: "b", logScore: expect.closeTo(-0.223144, 6), peer: expect.closeTo(0.207639, 6) });
  });

  it("a forecast after the resolve-by date changes nothing", () => {
    const fs = [bin("a", "2026-01-01T00:00:00Z", 0.5), bin("b", "2026-01-06T00:00:00Z", 0.8), bin("b", "2026-01-11T00:00:00Z", 0.01), bin("c", "2026-01-11T06:00:00Z", 0.99)];
    const s = teamScores(yes, fs);
    expect(s.map((x) => x.userId)).toEqual(["a", "b"]);
    expect(s[0]!.peer).toBeCloseTo(-0.131182, 6);
    expect(s[1]!.peer).toBeCloseTo(0.207639, 6);
  });

  it("a question resolved before its resolve-by date is scored up to its resolution", () => {
    const early = { ...yes, resolvedAt: at("2026-01-06T00:00:00Z") };
    const fs = [bin("a", "2026-01-01T00:00:00Z", 0.5), bin("b", "2026-01-06T00:00:00Z", 0.8)];
    // b's forecast is at the resolution: it does not count, and a stood alone throughout.
    expect(teamScores(early, fs)).toEqual([{ userId: "a", logScore: expect.closeTo(-0.693147, 6), peer: 0 }]);
  });

  it("ties: two members with the same forecasts have the same scores", () => {
    const fs = [bin("a", "2026-01-01T00:00:00Z", 0.6), bin("b", "2026-01-01T00:00:00Z", 0.6), bin("c", "2026-01-01T00:00:00Z", 0.9)];
    const s = teamScores(yes, fs);
    // Team = median(0.6, 0.6, 0.9) = 0.6: a and b 0, c ln 0.9 − ln 0.6 = ln 1.5 = 0.405465.
    expect(s.map((x) => Number(x.peer.toFixed(6)))).toEqual([0, 0, 0.405465]);
  });

  it("annulled and open questions score nothing", () => {
    const fs = [bin("a", "2026-01-01T00:00:00Z", 0.7)];
    expect(teamScores({ ...yes, status: "annulled", outcome: null }, fs)).toEqual([]);
    expect(teamScores({ ...yes, status: "open", outcome: null, resolvedAt: null }, fs)).toEqual([]);
  });

  it("numeric: the difference of log densities, unit-free", () => {
    const q: TeamScorableQuestion = { kind: "numeric", status: "resolved", resolveBy: "2026-01-10", outcome: 10, resolvedAt: null, rangeMin: 0, rangeMax: 100 };
    const fs = [num("a", "2026-01-01T00:00:00Z", 10, 8, 12), num("b", "2026-01-01T00:00:00Z", 14, 12, 16)];
    const [a, b] = teamScores(q, fs);
    // Team: median value 12, interval medians 10–14: the same σ, centred 2 away (z = Z80).
    // a: 0 − (−Z80²/2) = 0.821187; b: z = 2·Z80 → −4·Z80²/2 − (−Z80²/2) = −3 × 0.821187 = −2.463562.
    expect(a!.peer).toBeCloseTo((Z80 * Z80) / 2, 9);
    expect(a!.peer).toBeCloseTo(0.821187, 6);
    expect(b!.peer).toBeCloseTo(-2.463562, 6);
    // Rescaling the unit (× 1,000) leaves peer scores alone.
    const scaled = teamScores({ ...q, outcome: 10_000, rangeMax: 100_000 }, [num("a", "2026-01-01T00:00:00Z", 10_000, 8_000, 12_000), num("b", "2026-01-01T00:00:00Z", 14_000, 12_000, 16_000)]);
    expect(scaled[0]!.peer).toBeCloseTo(a!.peer, 9);
  });
});

describe("peerOverTime and ranks", () => {
  it("the cumulative mean peer score by resolution date", () => {
    const pts = peerOverTime([
      { at: at("2026-03-01T00:00:00Z"), questionId: "q2", title: "Two", peer: -0.1 },
      { at: at("2026-02-01T00:00:00Z"), questionId: "q1", title: "One", peer: 0.3 },
      { at: at("2026-04-01T00:00:00Z"), questionId: "q3", title: "Three", peer: 0.4 },
    ]);
    expect(pts.map((p) => [p.questionId, p.n, Number(p.cumulativeMean.toFixed(6))])).toEqual([
      ["q1", 1, 0.3],
      ["q2", 2, 0.1],
      ["q3", 3, 0.2],
    ]);
  });

  it("ties share a rank, the next rank skips, nothing scored has no rank", () => {
    expect(competitionRanks([0.2, 0.5, 0.2, null, -0.1])).toEqual([2, 1, 2, null, 4]);
    expect(competitionRanks([0.1 + 0.2, 0.3])).toEqual([1, 1]);
  });
});
