// The inbox: stale figures for the notes a member can edit, questions the data now argues against one's forecast, resolve-by dates, resolutions; dismissals that hold until something changes again.
import { describe, expect, it } from "vitest";
import { questionInputSchema } from "@/lib/questions/spec";
import { callerFor, trpcError } from "@/test/helpers";
import { makeTeam } from "@/test/procedures";
import { inboxFor } from "./inbox";
import { applyObservations } from "./observations";
import { createNote } from "./notes";
import { recordForecast } from "./question-forecasts";
import { resolveByRules, resolveQuestion } from "./question-resolution";
import { createQuestion } from "./questions";
import { createSeries } from "./series";

const base = { unit: "index points", frequency: "daily" as const, source: "upload" as const, sourceRef: "", notes: "", refreshIntervalMinutes: null };
const NOW = new Date("2026-12-04T12:00:00Z");

async function setUp(label: string) {
  const team = await makeTeam(label);
  const rut = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "RUT", name: "Russell 2000" });
  const spx = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "SPX", name: "S&P 500" });
  await applyObservations(rut.id, [{ date: "2025-12-31", value: 100 }, { date: "2026-06-30", value: 110 }], 1_000);
  await applyObservations(spx.id, [{ date: "2025-12-31", value: 100 }, { date: "2026-06-30", value: 105 }], 1_000);
  return { team, rutId: rut.id, spxId: spx.id };
}

const question = (title: string, resolveBy: string, rule?: unknown) =>
  questionInputSchema.parse({ title, details: "", criteria: "As the rule says.", resolveBy, tags: [], kind: "binary", ...(rule ? { rule } : {}) });

describe("inbox", () => {
  it("lists a note's changed figures to its editors only, and a dismissal holds until the figure moves again", async () => {
    const { team, rutId } = await setUp("inboxfig");
    const { id: noteId } = await createNote(team.editor, { notebookId: team.notebookId, title: "Small caps", body: "Up :value{series=RUT stat=ytd} this year." });
    expect(await callerFor(team.editor).inbox.list()).toEqual([]);

    await applyObservations(rutId, [{ date: "2026-06-30", value: 112 }], 2_000);
    const [item] = await callerFor(team.editor).inbox.list();
    expect(item).toMatchObject({ kind: "stale-figures", title: "Small caps", href: `/notes/${noteId}`, detail: expect.stringContaining("10.0% → 12.0%") });
    expect(await callerFor(team.owner).inbox.list()).toHaveLength(1);
    expect(await callerFor(team.viewer).inbox.list()).toEqual([]);
    expect(await callerFor(team.stranger).inbox.list()).toEqual([]);

    await callerFor(team.editor).inbox.dismiss({ key: item!.key });
    expect(await callerFor(team.editor).inbox.list()).toEqual([]);
    expect(await callerFor(team.owner).inbox.list()).toHaveLength(1); // a dismissal is one user's
    await applyObservations(rutId, [{ date: "2026-06-30", value: 115 }], 3_000);
    expect((await callerFor(team.editor).inbox.list()).map((i) => i.detail)).toEqual([expect.stringContaining("10.0% → 15.0%")]);
    expect((await trpcError(() => callerFor(team.editor).inbox.dismiss({ key: "nonsense" }))).code).toBe("BAD_REQUEST");
  });

  it("lists questions due within a week or overdue, the data against one's forecast, and recent resolutions", async () => {
    const { team } = await setUp("inboxq");
    const beat = await createQuestion(team.owner, { ...question("Small caps beat the S&P 500 in 2026?", "2026-12-31", { type: "return-compare", a: "RUT", b: "SPX", from: "2025-12-31", to: "2026-12-31", op: ">" }), notebookId: team.notebookId });
    const due = await createQuestion(team.owner, { ...question("Due next week?", "2026-12-09"), notebookId: team.notebookId });
    const late = await createQuestion(team.owner, { ...question("Overdue?", "2026-11-30"), notebookId: team.notebookId });
    await createQuestion(team.owner, { ...question("Far off?", "2027-06-30"), notebookId: team.notebookId });
    const settled = await createQuestion(team.owner, { ...question("Settled?", "2027-03-31"), notebookId: team.notebookId });
    await resolveQuestion(team.owner, { id: settled.id, outcome: "yes", comment: "" });

    // RUT is up 10% against 5% so far: the rule would say yes. The viewer says 20% yes, the editor 80%.
    await recordForecast(team.viewer, { questionId: beat.id, probability: 0.2 });
    await recordForecast(team.editor, { questionId: beat.id, probability: 0.8 });

    // The day is fixed (resolve-by dates are counted from it); the resolution happened just now, within 30 days of it.
    const viewerItems = await inboxFor(team.viewer, NOW);
    const byKind = (kind: string) => viewerItems.filter((i) => i.kind === kind).map((i) => i.title).sort();
    expect(byKind("resolve-by")).toEqual(["Due next week?", "Overdue?"].sort());
    expect(viewerItems.find((i) => i.href === `/questions/${late.id}`)?.detail).toContain("has passed");
    expect(viewerItems.find((i) => i.href === `/questions/${due.id}`)?.detail).toBe("Resolves by 2026-12-09.");
    expect(viewerItems.filter((i) => i.kind === "against-forecast").map((i) => i.detail)).toEqual([
      "Your forecast is 20% yes, but with the data up to 2026-06-30 the rule would resolve yes.",
    ]);
    expect(byKind("resolved")).toEqual(["Settled?"]);
    expect((await inboxFor(team.editor, NOW)).filter((i) => i.kind === "against-forecast")).toEqual([]);
    expect(await inboxFor(team.stranger, NOW)).toEqual([]);
  });
});

describe("forecast reminders", () => {
  it("remind a member whose forecast is older than the notebook's period, until they forecast again; 0 turns them off", async () => {
    const { team } = await setUp("inboxremind");
    const q = await createQuestion(team.owner, { ...question("Two cuts by June?", "2027-06-30"), notebookId: team.notebookId });
    const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
    await recordForecast(team.viewer, { questionId: q.id, probability: 0.4 }, days(45));
    await recordForecast(team.editor, { questionId: q.id, probability: 0.6 }, days(10));
    const reminders = async (who: typeof team.viewer) => (await inboxFor(who, NOW)).filter((i) => i.kind === "forecast-reminder");

    // The default period is 30 days: the viewer's 45-day-old forecast is due, the editor's 10-day-old one is not.
    expect((await reminders(team.viewer)).map((i) => i.detail)).toEqual(["Your forecast of 40% is 45 days old; this notebook asks for a fresh look every 30 days."]);
    expect(await reminders(team.editor)).toEqual([]);
    expect(await reminders(team.owner)).toEqual([]); // no forecast, no reminder

    await callerFor(team.editor).notebooks.setReminderDays({ id: team.notebookId, days: 7 });
    expect((await reminders(team.editor)).map((i) => i.href)).toEqual([`/questions/${q.id}`]);
    expect((await trpcError(() => callerFor(team.viewer).notebooks.setReminderDays({ id: team.notebookId, days: 3 }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => callerFor(team.editor).notebooks.setReminderDays({ id: team.notebookId, days: 400 }))).message).toContain("at most 365 days");

    // A fresh forecast clears it; no reminders at all with 0.
    await recordForecast(team.viewer, { questionId: q.id, probability: 0.5 }, days(1));
    expect(await reminders(team.viewer)).toEqual([]);
    await callerFor(team.owner).notebooks.setReminderDays({ id: team.notebookId, days: 0 });
    expect(await reminders(team.editor)).toEqual([]);
    expect((await callerFor(team.owner).notebooks.get({ id: team.notebookId })).reminderDays).toBe(0);
  });
});

describe("rules that know about revisions", () => {
  it("resolve on the values their vintage names, record it, and a later revision is flagged in the inbox, never re-resolved", async () => {
    const { team, rutId } = await setUp("inboxrev");
    const rule = (vintage?: unknown) => ({ type: "value-threshold", a: "RUT", date: "2026-06-30", op: ">", threshold: 108, ...(vintage ? { vintage } : {}) });
    // RUT on 2026-06-30 was published as 110, then revised to 107 (below the threshold) before any rule ran.
    await applyObservations(rutId, [{ date: "2026-06-30", value: 107 }], 1_500);
    const first = await createQuestion(team.owner, { ...question("Above 108, first published?", "2026-06-30", rule("first")), notebookId: team.notebookId });
    const latest = await createQuestion(team.owner, { ...question("Above 108, as known?", "2026-06-30", rule()), notebookId: team.notebookId });
    const pinned = await createQuestion(team.owner, { ...question("Above 108, as known at 1970?", "2026-06-30", rule({ asOf: "1970-01-01T00:00:01.200Z" })), notebookId: team.notebookId });
    await resolveByRules({ notebookId: team.notebookId, now: NOW }); // (creating them may have resolved them already)

    const get = (id: string) => callerFor(team.owner).questions.get({ id });
    expect(await get(first.id)).toMatchObject({ status: "resolved", outcome: 1, evidence: { values: { "RUT.value": 110, vintage: "values as first published" } } });
    expect(await get(latest.id)).toMatchObject({ status: "resolved", outcome: 0, evidence: { values: { "RUT.value": 107, vintage: expect.stringMatching(/^values as known at \d{4}-\d\d-\d\dT[\d:.]+Z$/) } } });
    expect(await get(pinned.id)).toMatchObject({ status: "resolved", outcome: 1, evidence: { values: { "RUT.value": 110, vintage: "values as known at 1970-01-01T00:00:01.200Z" } } });
    expect((await inboxFor(team.owner, NOW)).filter((i) => i.kind === "revised-resolution")).toEqual([]);

    // A revision after the resolutions: only the question that reads values as known is flagged; none is re-resolved.
    await applyObservations(rutId, [{ date: "2026-06-30", value: 109 }], Date.now() + 1000);
    const flagged = (await inboxFor(team.owner, new Date(Date.now() + 2000))).filter((i) => i.kind === "revised-resolution");
    expect(flagged.map((i) => [i.title, i.detail])).toEqual([
      ["Above 108, as known?", "A value it resolved on was revised since: RUT.value 107 → 109. Read again, the rule would now resolve differently; the resolution stands until an owner reopens it."],
    ]);
    await resolveByRules({ notebookId: team.notebookId });
    expect(await get(latest.id)).toMatchObject({ status: "resolved", outcome: 0 });
  });
});
