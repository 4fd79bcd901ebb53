// The team's forecast, per-question scores and the leaderboard through the services, against values worked out by hand, with hidden names and access.
import { describe, expect, it } from "vitest";
import { trpcError } from "@/test/helpers";
import { eventsAbout, makeTeam } from "@/test/procedures";
import { setLeaderboardHidden } from "./notebooks";
import { recordForecast } from "./question-forecasts";
import { resolveQuestion } from "./question-resolution";
import { myCalibration } from "./question-scores";
import { HIDDEN_NAME, notebookLeaderboard, questionTeam } from "./question-team";
import { createQuestion, listQuestions } from "./questions";

const binary = { details: "", tags: [], kind: "binary" as const, unit: "", criteria: "YES if it happens." };

describe("question-team", () => {
  it("pools each member's latest forecast, scores the team after resolution, and ranks the notebook", async () => {
    const team = await makeTeam("tm");
    const { id } = await createQuestion(team.editor, { ...binary, notebookId: team.notebookId, title: "Will small caps lead?", resolveBy: "2026-01-10" }, { at: new Date("2025-12-31T00:00:00Z") });
    const empty = await questionTeam(team.owner, { id });
    expect(empty).toMatchObject({ current: null, forecasters: 0, members: 3, history: [], mine: null, scores: null, extremizeFactor: 1.5 });

    await recordForecast(team.editor, { questionId: id, probability: 0.5 }, new Date("2026-01-01T00:00:00Z"));
    expect((await questionTeam(team.owner, { id })).current).toMatchObject({ count: 1, median: 0.5 });
    // The viewer joins late (day 5 of 10), then forecasts again after the resolve-by date: that one does not count.
    await recordForecast(team.viewer, { questionId: id, probability: 0.8 }, new Date("2026-01-06T00:00:00Z"));
    await recordForecast(team.viewer, { questionId: id, probability: 0.01 }, new Date("2026-01-12T00:00:00Z"));

    const view = await questionTeam(team.viewer, { id });
    // Median of 0.5 and 0.8 = 0.65; odds 1 and 4 → geometric mean 2 → 2/3.
    expect(view.current).toEqual({ kind: "binary", count: 2, median: expect.closeTo(0.65, 12), logOddsMean: expect.closeTo(2 / 3, 12) });
    expect(view.forecasters).toBe(2);
    expect(view.history.map((p) => [p.at.toISOString().slice(0, 10), p.count, Number(p.median.toFixed(6))])).toEqual([
      ["2026-01-01", 1, 0.5],
      ["2026-01-06", 2, 0.65],
    ]);
    // Your own latest forecast stands beside the team's, even the late one.
    expect(view.mine).toMatchObject({ probability: 0.01 });
    // Extremized by 1.5: odds 2^1.5 = 2.828427 → 0.738796.
    const extreme = await questionTeam(team.viewer, { id, extremize: true });
    expect(extreme.extremize).toBe(true);
    expect(extreme.current?.kind === "binary" && extreme.current.logOddsMean).toBeCloseTo(0.738796, 6);
    expect((await listQuestions(team.owner)).find((q) => q.id === id)?.team).toEqual({ probability: expect.closeTo(0.65, 12), value: null, low: null, high: null, count: 2 });

    // An annulled question scores nothing and does not count as resolved.
    const { id: annulled } = await createQuestion(team.editor, { ...binary, notebookId: team.notebookId, title: "Void", resolveBy: "2026-01-10" });
    await recordForecast(team.owner, { questionId: annulled, probability: 0.9 }, new Date("2026-01-02T00:00:00Z"));
    await resolveQuestion(team.editor, { id: annulled, annulled: true, comment: "" });
    expect((await questionTeam(team.owner, { id: annulled })).scores).toBeNull();

    await resolveQuestion(team.editor, { id, outcome: "yes", comment: "" });
    await setLeaderboardHidden(team.editor, { notebookId: team.notebookId, hidden: true });
    expect((await eventsAbout(team.editor.id)).filter(([action]) => action === "member.leaderboard_hidden")).toEqual([["member.leaderboard_hidden", { hidden: true }]]);

    // Peer scores: the viewer ln 0.8 − ln 0.65 = 0.207639 over days 5–10; the editor (0 × 5 + (ln 0.5 − ln 0.65) × 5) / 10 = −0.131182.
    const scored = await questionTeam(team.owner, { id });
    expect(scored.scores).toEqual([
      { userId: team.viewer.id, name: team.viewer.name, you: false, hidden: false, logScore: expect.closeTo(Math.log(0.8), 12), peer: expect.closeTo(0.207639, 6), brier: expect.closeTo(0.04, 12) },
      { userId: null, name: HIDDEN_NAME, you: false, hidden: true, logScore: expect.closeTo(Math.log(0.5), 12), peer: expect.closeTo(-0.131182, 6), brier: expect.closeTo(0.25, 12) },
    ]);
    // The editor still sees their own row named.
    expect((await questionTeam(team.editor, { id })).scores?.[1]).toMatchObject({ userId: team.editor.id, name: team.editor.name, you: true, hidden: true });

    const board = await notebookLeaderboard(team.owner, { notebookId: team.notebookId });
    expect(board.resolvedCount).toBe(1);
    expect(board.hidden).toBe(false);
    expect(board.rows.map((r) => [r.name, r.userId, r.you, r.count, r.rank, r.meanPeer === null ? null : Number(r.meanPeer.toFixed(6))])).toEqual([
      [team.viewer.name, team.viewer.id, false, 1, 1, 0.207639],
      [HIDDEN_NAME, null, false, 1, 2, -0.131182],
      [team.owner.name, team.owner.id, true, 0, null, null],
    ]);
    expect(board.rows[0]).toMatchObject({ meanBrier: expect.closeTo(0.04, 12), meanLogScore: expect.closeTo(Math.log(0.8), 12) });
    expect(board.myPeerOverTime).toEqual([]);
    const mine = await notebookLeaderboard(team.editor, { notebookId: team.notebookId });
    expect(mine.hidden).toBe(true);
    expect(mine.rows[1]).toMatchObject({ userId: team.editor.id, name: team.editor.name, you: true, hidden: true, rank: 2 });
    expect(mine.myPeerOverTime.map((p) => [p.questionId, p.n, Number(p.cumulativeMean.toFixed(6))])).toEqual([[id, 1, -0.131182]]);
    // Nobody's name leaks to others in the leaderboard's answer.
    expect(JSON.stringify(board)).not.toContain(team.editor.id);

    // The calibration page's log and peer scores.
    const cal = await myCalibration(team.viewer);
    expect(cal.meanLogScore).toBeCloseTo(Math.log(0.8), 12);
    expect(cal.meanPeer).toBeCloseTo(0.207639, 6);
    expect(cal.resolved[0]).toMatchObject({ id, logScore: expect.closeTo(Math.log(0.8), 12), peer: expect.closeTo(0.207639, 6) });

    // Showing the name again.
    await setLeaderboardHidden(team.editor, { notebookId: team.notebookId, hidden: false });
    expect((await notebookLeaderboard(team.owner, { notebookId: team.notebookId })).rows[1]).toMatchObject({ userId: team.editor.id, name: team.editor.name, hidden: false });
  });

  it("numeric: medians of values and interval ends", async () => {
    const team = await makeTeam("tn");
    const { id } = await createQuestion(team.editor, { ...binary, kind: "numeric", unit: "cuts", rangeMin: 0, rangeMax: 8, notebookId: team.notebookId, title: "How many cuts?", resolveBy: "2026-12-31" });
    await recordForecast(team.editor, { questionId: id, value: 2, low: 1, high: 3 }, new Date("2026-01-01T00:00:00Z"));
    await recordForecast(team.viewer, { questionId: id, value: 4, low: 2, high: 7 }, new Date("2026-01-02T00:00:00Z"));
    await recordForecast(team.owner, { questionId: id, value: 9, low: 5, high: 10 }, new Date("2026-01-03T00:00:00Z"));
    expect((await questionTeam(team.viewer, { id })).current).toEqual({ kind: "numeric", count: 3, median: 4, mean: 5, low: 2, high: 7 });
  });

  it("strangers get NOT_FOUND; any member may hide their own name", async () => {
    const team = await makeTeam("ts");
    const { id } = await createQuestion(team.editor, { ...binary, notebookId: team.notebookId, title: "Q", resolveBy: "2026-12-31" });
    for (const run of [
      () => questionTeam(team.stranger, { id }),
      () => notebookLeaderboard(team.stranger, { notebookId: team.notebookId }),
      () => setLeaderboardHidden(team.stranger, { notebookId: team.notebookId, hidden: true }),
    ]) {
      expect((await trpcError(run)).code).toBe("NOT_FOUND");
    }
    await expect(setLeaderboardHidden(team.viewer, { notebookId: team.notebookId, hidden: true })).resolves.toEqual({ notebookId: team.notebookId, hidden: true });
    expect((await notebookLeaderboard(team.viewer, { notebookId: team.notebookId })).hidden).toBe(true);
  });
});
