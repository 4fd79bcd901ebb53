// Questions end to end in the services: forecasts over time, resolution by hand and by a data rule on real prices, reopening, scores, access.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { callerFor, dbSnapshot, trpcError } from "@/test/helpers";
import { makeTeam } from "@/test/procedures";
import { createNote } from "./notes";
import { recordForecast } from "./question-forecasts";
import { reopenQuestion, resolveByRules, resolveQuestion } from "./question-resolution";
import { myCalibration } from "./question-scores";
import { createQuestion, getQuestion, listQuestions, updateQuestion } from "./questions";
import { importIntoSeries } from "./series-import";
import { createSeries } from "./series";

const binary = { details: "", tags: ["rates"], kind: "binary" as const, unit: "" };
const seriesBase = { unit: "", frequency: "daily" as const, source: "upload" as const, sourceRef: "", notes: "", refreshIntervalMinutes: null };

describe("questions", () => {
  it("keeps each forecast with its rationale and note, and scores the last one before the resolve-by date", async () => {
    const team = await makeTeam("q");
    const { id } = await createQuestion(
      team.editor,
      { ...binary, notebookId: team.notebookId, title: "Will the Fed cut in March?", criteria: "YES if the FOMC lowers the target range at its March meeting.", resolveBy: "2026-03-31" },
      { at: new Date("2026-01-02T09:00:00Z") },
    );
    const note = await createNote(team.editor, { notebookId: team.notebookId, title: "Rates view", body: `::question{id=${id}}` });
    await recordForecast(team.viewer, { questionId: id, probability: 0.7, rationale: "Inflation cooling" }, new Date("2026-01-10T12:00:00Z"));
    await recordForecast(team.viewer, { questionId: id, probability: 0.8, rationale: "Jobs data soft", noteId: note.id }, new Date("2026-02-10T12:00:00Z"));
    await recordForecast(team.viewer, { questionId: id, probability: 0.1, rationale: "Too late to count" }, new Date("2026-04-02T12:00:00Z"));
    await recordForecast(team.editor, { questionId: id, probability: 0.3 }, new Date("2026-03-01T12:00:00Z"));

    const page = await getQuestion(team.viewer, id);
    expect(page.forecasts.map((f) => [f.userName.split(" ")[0], f.probability, f.noteTitle])).toEqual([
      ["qviewer", 0.7, null],
      ["qviewer", 0.8, "Rates view"],
      ["qeditor", 0.3, null],
      ["qviewer", 0.1, null],
    ]);
    expect(page.citedBy.map((n) => n.title)).toEqual(["Rates view"]);
    expect(page.canEdit).toBe(false);
    expect((await listQuestions(team.viewer))[0]).toMatchObject({ id, sparkline: [0.7, 0.8, 0.1], forecastCount: 4, myForecast: { probability: 0.1 } });

    await resolveQuestion(team.editor, { id, outcome: "yes", comment: "Cut on 18 March" });
    // The viewer's 0.8 (10 Feb) counts, not the 0.1 made after the deadline: (0.8 − 1)² = 0.04.
    const viewer = await myCalibration(team.viewer);
    expect(viewer.resolved).toHaveLength(1);
    expect(viewer.meanBrier).toBeCloseTo(0.04, 12);
    expect(viewer.buckets.find((b) => b.bucket === "80–90%")).toMatchObject({ count: 1, observedFrequency: 1 });
    // The editor's 0.3: (0.3 − 1)² = 0.49.
    expect((await myCalibration(team.editor)).meanBrier).toBeCloseTo(0.49, 12);
    expect((await myCalibration(team.owner)).resolved).toEqual([]);
    expect((await getQuestion(team.owner, id)).activity.map((a) => a.action)).toEqual([
      "question.create",
      "question.forecast",
      "question.forecast",
      "question.forecast",
      "question.forecast",
      "question.resolve",
    ]);
    expect((await trpcError(() => recordForecast(team.viewer, { questionId: id, probability: 0.5 }))).message).toMatch(/resolved; forecasts are closed/);
  });

  it("creates a question with its author's first forecast in one step, or neither when the forecast does not fit", async () => {
    const team = await makeTeam("qfirst");
    const caller = callerFor(team.editor);
    const question = { ...binary, notebookId: team.notebookId, title: "A cut in June?", criteria: "YES if the FOMC cuts in June.", resolveBy: "2027-06-30" };
    const before = await dbSnapshot();
    const refused = await trpcError(() => caller.questions.create({ ...question, firstForecast: { value: 2, low: 1, high: 3 } }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("probability of yes");
    expect(await dbSnapshot()).toEqual(before);

    const { id } = await caller.questions.create({ ...question, firstForecast: { probability: 0.35, rationale: "Sticky services inflation." } });
    const page = await getQuestion(team.editor, id);
    expect(page.forecasts.map((f) => [f.probability, f.rationale])).toEqual([[0.35, "Sticky services inflation."]]);
  });

  it("keeps the old criteria in the activity when they change, and refuses a stale edit", async () => {
    const team = await makeTeam("qedit");
    const base = { ...binary, notebookId: team.notebookId, title: "Big Tech leads again?", criteria: "Old criteria.", resolveBy: "2026-12-31" };
    const { id } = await createQuestion(team.owner, base);
    await updateQuestion(team.editor, { ...base, id, criteria: "New criteria.", baseVersion: 1 });
    expect((await trpcError(() => updateQuestion(team.owner, { ...base, id, title: "Stale", baseVersion: 1 }))).code).toBe("CONFLICT");
    const activity = (await getQuestion(team.viewer, id)).activity;
    expect(activity.at(-1)).toMatchObject({ action: "question.criteria", data: { oldCriteria: "Old criteria.", newCriteria: "New criteria." } });
  });

  it("annulled questions are left out of scores; numeric questions score by scaled error and the 80% interval", async () => {
    const team = await makeTeam("qnum");
    const cuts = await createQuestion(team.owner, { details: "", tags: [], kind: "numeric", unit: "cuts", rangeMin: 0, rangeMax: 8, notebookId: team.notebookId, title: "How many cuts in 2026?", criteria: "Count of FOMC cuts.", resolveBy: "2026-12-31" });
    const annulled = await createQuestion(team.owner, { ...binary, notebookId: team.notebookId, title: "Void", criteria: "x", resolveBy: "2026-12-31" });
    await recordForecast(team.owner, { questionId: cuts.id, value: 3, low: 2, high: 4 }, new Date("2026-02-01T00:00:00Z"));
    await recordForecast(team.owner, { questionId: annulled.id, probability: 0.9 }, new Date("2026-02-01T00:00:00Z"));
    expect((await trpcError(() => recordForecast(team.owner, { questionId: cuts.id, probability: 0.5 }))).message).toBe("This is a numeric question: give a value and the low and high ends of your 80% interval.");
    expect((await trpcError(() => resolveQuestion(team.owner, { id: cuts.id, outcome: "yes", comment: "" }))).message).toMatch(/numeric question/);
    await resolveQuestion(team.owner, { id: cuts.id, value: 5, comment: "" });
    await resolveQuestion(team.owner, { id: annulled.id, annulled: true, comment: "Question was ambiguous" });
    const cal = await myCalibration(team.owner);
    // |3 − 5| / (8 − 0) = 0.25; 5 is outside [2, 4].
    expect(cal).toMatchObject({ binaryCount: 0, numericCount: 1, meanScaledError: 0.25, interval80HitRate: 0, meanBrier: null });
  });

  it("resolves by a data rule on real S&P 500 prices, records the evidence, waits when data is missing, and an owner can reopen", async () => {
    const team = await makeTeam("qrule");
    const { id: spxId } = await createSeries(team.owner, { ...seriesBase, notebookId: team.notebookId, key: "SPX", name: "S&P 500" });
    const csv = fs.readFileSync(path.resolve("node_modules/vega-datasets/data/sp500-2000.csv"), "utf8");
    await importIntoSeries(team.owner, { seriesId: spxId, text: csv, mapping: { dateColumn: "date", valueColumn: "close" } });
    const rule = { type: "return-threshold" as const, a: "SPX", from: "2008-01-01", to: "2008-12-31", op: "<" as const, threshold: 0 };
    const fell = await createQuestion(team.owner, { ...binary, notebookId: team.notebookId, title: "Will the S&P 500 fall in 2008?", criteria: "By the data rule.", resolveBy: "2008-12-31", rule });
    const later = await createQuestion(team.owner, { ...binary, notebookId: team.notebookId, title: "Up in H1 2021?", criteria: "By the data rule.", resolveBy: "2021-06-30", rule: { ...rule, from: "2021-01-01", to: "2021-06-30", op: ">" } });
    // Creating a question checks its rule at once: the 2008 one resolves, the 2021 one waits.
    expect(await resolveByRules({ notebookId: team.notebookId })).toEqual([]);

    const resolved = await getQuestion(team.viewer, fell.id);
    expect(resolved).toMatchObject({ status: "resolved", outcome: 1, resolutionSource: "rule" });
    expect(JSON.stringify(resolved.evidence)).toContain("2007-12-31");
    expect(JSON.stringify(resolved.evidence)).toContain("903.25");
    const waiting = await getQuestion(team.viewer, later.id);
    expect(waiting.status).toBe("open");
    expect(waiting.ruleStatus).toMatch(/2020-04-17/);

    expect((await trpcError(() => reopenQuestion(team.editor, fell.id))).code).toBe("FORBIDDEN");
    await reopenQuestion(team.owner, fell.id);
    expect(await getQuestion(team.viewer, fell.id)).toMatchObject({ status: "open", outcome: null });
    expect(await resolveByRules({ notebookId: team.notebookId })).toEqual([]);
  });

  it("checks access on every call: viewers forecast but neither edit nor resolve; strangers get NOT_FOUND; nothing changes", async () => {
    const team = await makeTeam("qacc");
    const { id } = await createQuestion(team.owner, { ...binary, notebookId: team.notebookId, title: "Q", criteria: "C", resolveBy: "2026-12-31" });
    const before = await dbSnapshot();
    expect((await trpcError(() => createQuestion(team.viewer, { ...binary, notebookId: team.notebookId, title: "Q2", criteria: "C", resolveBy: "2026-12-31" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => updateQuestion(team.viewer, { ...binary, id, title: "Hijack", criteria: "C", resolveBy: "2026-12-31" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => resolveQuestion(team.viewer, { id, outcome: "yes", comment: "" }))).code).toBe("FORBIDDEN");
    for (const run of [
      () => getQuestion(team.stranger, id),
      () => recordForecast(team.stranger, { questionId: id, probability: 0.5 }),
      () => resolveQuestion(team.stranger, { id, outcome: "no", comment: "" }),
      () => reopenQuestion(team.stranger, id),
      () => updateQuestion(team.stranger, { ...binary, id, title: "x", criteria: "C", resolveBy: "2026-12-31" }),
      () => listQuestions(team.stranger, { notebookId: team.notebookId }),
      () => myCalibration(team.stranger, { notebookId: team.notebookId }),
    ]) {
      expect((await trpcError(run)).code).toBe("NOT_FOUND");
    }
    expect(await listQuestions(team.stranger)).toEqual([]);
    expect(await dbSnapshot()).toEqual(before);
  });
});
