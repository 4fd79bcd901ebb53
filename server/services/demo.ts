// First-run demo: a demo user and a notebook with real market data, charts and notes (tagged, with revisions), created once, never overwritten.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { memberships, noteRevisions, noteTags, notebooks, notes, users } from "@/db/schema";
import { DEMO_NOTEBOOK, DEMO_NOTES, DEMO_USER, type DemoNote } from "@/db/seed/demo-content";
import { DEMO_2026_CHART, DEMO_CHARTS, DEMO_SERIES, dotcomNote, rotationChartSection } from "@/db/seed/demo-data";
import { DEMO_QUESTIONS, rotationQuestionsSection, type DemoQuestion } from "@/db/seed/demo-questions";
import { COLLEAGUE_FORECASTS, DEMO_COLLEAGUE, ROTATION_THREAD, SMALL_CAPS_COMMENT } from "@/db/seed/demo-team";
import { mentionMarkdown } from "@/lib/comments/mentions";
import { ROTATION_NOTE } from "@/db/seed/demo-content";
import { newId } from "@/lib/ids";
import { recordEvent } from "./audit";
import { createChart } from "./charts";
import { createComment, replyToComment } from "./comments";
import { importIntoSeries } from "./series-import";
import { createSeries, seriesByKey, writeObservations } from "./series";
import { recordForecast } from "./question-forecasts";
import { resolveByRules } from "./question-resolution";
import { createQuestion } from "./questions";
import { writeNoteFigures } from "./note-figures";
import { writeNoteLinks } from "./note-links";
import { hashPassword } from "./passwords";

/** True unless QUIRE_DEMO is set to 0, false or off. */
export function demoEnabled(): boolean {
  return !["0", "false", "off", "no"].includes((process.env.QUIRE_DEMO ?? "1").toLowerCase());
}

/** The demo sign-in to show on the sign-in page, or null when the demo is off. */
export function demoSignIn(): { email: string; password: string } | null {
  return demoEnabled() ? { email: DEMO_USER.email, password: DEMO_USER.password } : null;
}

/** Creates the demo user and notebook when the demo user does not exist yet; returns whether it did. */
export async function ensureDemo(): Promise<boolean> {
  const db = getDb();
  if ((await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER.email)))[0]) return false;
  const passwordHash = await hashPassword(DEMO_USER.password);
  const userId = newId();
  const notebookId = newId();
  // Two servers starting at once both find no demo user; the unique email lets one create it, and the other stops.
  try {
    return await transaction(async (tx) => {
      if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER.email)))[0]) return false;
      await tx.insert(users).values({ id: userId, email: DEMO_USER.email, name: DEMO_USER.name, passwordHash });
      await tx.insert(notebooks).values({ id: notebookId, ...DEMO_NOTEBOOK, createdBy: userId });
      await tx.insert(memberships).values({ notebookId, userId, role: "owner" });
      const chartIds = await seedDemoData({ id: userId }, notebookId);
      const rotationChartId = (await createChart({ id: userId }, { notebookId, spec: DEMO_2026_CHART })).id;
      const questionIds = await seedDemoQuestions({ id: userId }, notebookId);
      const rotation = { ...ROTATION_NOTE, body: ROTATION_NOTE.body + rotationChartSection(rotationChartId) + rotationQuestionsSection(questionIds) };
      const demoNotes: DemoNote[] = [dotcomNote(chartIds), ...DEMO_NOTES.map((n) => (n === ROTATION_NOTE ? rotation : n))];
      let rotationNoteId = "";
      for (const [i, note] of demoNotes.entries()) {
        const id = newId();
        if (note === rotation) rotationNoteId = id;
        const at = new Date(Date.now() - (demoNotes.length - i) * 60_000);
        await tx.insert(notes).values({ id, notebookId, title: note.title, body: note.body, createdBy: userId, updatedBy: userId, createdAt: at, updatedAt: at });
        await tx.insert(noteRevisions).values({ noteId: id, noteVersion: 1, title: note.title, body: note.body, kind: "created", authorId: userId, createdAt: at, updatedAt: at });
        if (note.tags.length > 0) await tx.insert(noteTags).values(note.tags.map((tag) => ({ noteId: id, tag })));
        await writeNoteLinks(tx, id, note.body);
        await writeNoteFigures(tx, { id, notebookId }, note.body, undefined, at);
      }
      await correctDemoData({ id: userId }, notebookId);
      await seedDemoForecasts({ id: userId }, questionIds, rotationNoteId);
      await seedDemoColleague({ id: userId }, notebookId, questionIds, rotationNoteId, passwordHash);
      await resolveByRules({ notebookId });
      await recordEvent(tx, { actorId: userId, action: "demo.seeded", targetType: "notebook", targetId: notebookId, notebookId });
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The folder of vega-datasets' data files in node_modules (the app runs from the project folder). */
export function vegaDataDir(): string {
  return path.resolve(process.cwd(), "node_modules/vega-datasets/data");
}

/**
 * Imports the demo series through the same code as a user's upload (reported figures are entered by hand)
 * and saves the demo charts; returns the charts' ids for the notes that embed them.
 */
async function seedDemoData(owner: { id: string }, notebookId: string): Promise<Record<keyof typeof DEMO_CHARTS, string>> {
  const dataDir = vegaDataDir();
  for (const s of DEMO_SERIES) {
    const source = "file" in s.from ? "upload" : "manual";
    const { id } = await createSeries(owner, { notebookId, key: s.key, name: s.name, unit: s.unit, frequency: s.frequency, source, sourceRef: "", notes: s.notes, refreshIntervalMinutes: null });
    if ("file" in s.from) {
      const { file, ...mapping } = s.from;
      await importIntoSeries(owner, { seriesId: id, text: fs.readFileSync(path.join(dataDir, file), "utf8"), mapping });
    } else {
      await writeObservations({ id, notebookId, key: s.key }, s.from.reported, owner.id, "manual");
    }
  }
  const ids = {} as Record<keyof typeof DEMO_CHARTS, string>;
  for (const [name, spec] of Object.entries(DEMO_CHARTS) as Array<[keyof typeof DEMO_CHARTS, (typeof DEMO_CHARTS)[keyof typeof DEMO_CHARTS]]>) {
    ids[name] = (await createChart(owner, { notebookId, spec })).id;
  }
  return ids;
}

/** The corrections that come after the demo's notes: revisions of reported values, which leave a figure in a note stale. */
async function correctDemoData(owner: { id: string }, notebookId: string): Promise<void> {
  for (const s of DEMO_SERIES) {
    if (!s.correctedLater) continue;
    const row = await seriesByKey(notebookId, s.key);
    if (row) await writeObservations(row, s.correctedLater, owner.id, "manual");
  }
}

/** The demo questions (their rules read the series seeded before); returns their ids by key. */
async function seedDemoQuestions(owner: { id: string }, notebookId: string): Promise<Record<DemoQuestion["key"], string>> {
  const ids = {} as Record<DemoQuestion["key"], string>;
  for (const q of DEMO_QUESTIONS) {
    ids[q.key] = (await createQuestion(owner, {
      notebookId,
      title: q.title,
      kind: q.kind,
      criteria: q.criteria,
      details: q.details,
      resolveBy: q.resolveBy,
      tags: q.tags,
      unit: q.unit ?? "",
      rangeMin: q.rangeMin,
      rangeMax: q.rangeMax,
      rule: q.rule,
    }, { at: new Date(new Date(q.forecasts[0]!.at).getTime() - 86_400_000), checkRule: false })).id;
  }
  return ids;
}

/**
 * A colleague in the demo notebook (an editor, signing in with the demo password): their forecasts, a thread on the
 * rotation note that mentions the demo analyst (so the analyst's inbox has a mention), the analyst's reply, and a
 * comment on the small-caps question. Skipped if an account already has the colleague's email.
 */
async function seedDemoColleague(analyst: { id: string }, notebookId: string, ids: Record<DemoQuestion["key"], string>, rotationNoteId: string, passwordHash: string): Promise<void> {
  if ((await getDb().select({ id: users.id }).from(users).where(eq(users.email, DEMO_COLLEAGUE.email)))[0]) return;
  const colleague = { id: newId() };
  await transaction(async (tx) => {
    await tx.insert(users).values({ id: colleague.id, email: DEMO_COLLEAGUE.email, name: DEMO_COLLEAGUE.name, passwordHash });
    await tx.insert(memberships).values({ notebookId, userId: colleague.id, role: "editor" });
  });
  for (const q of DEMO_QUESTIONS) {
    for (const { at, citesRotationNote: _cites, ...values } of COLLEAGUE_FORECASTS[q.key]) await recordForecast(colleague, { questionId: ids[q.key], ...values }, new Date(at));
  }
  const mention = mentionMarkdown({ id: analyst.id, name: DEMO_USER.name });
  const thread = await createComment(colleague, { targetType: "note", targetId: rotationNoteId, body: ROTATION_THREAD.comment(mention), anchor: { quote: ROTATION_THREAD.quote } });
  await replyToComment(analyst, { threadId: thread.threadId, body: ROTATION_THREAD.reply });
  await createComment(colleague, { targetType: "question", targetId: ids.smallCaps, body: SMALL_CAPS_COMMENT });
}

/** Each demo question's forecast history; forecasts marked so cite the rotation note as their evidence. */
async function seedDemoForecasts(owner: { id: string }, ids: Record<DemoQuestion["key"], string>, rotationNoteId: string): Promise<void> {
  for (const q of DEMO_QUESTIONS) {
    for (const f of q.forecasts) {
      const { at, citesRotationNote, ...values } = f;
      await recordForecast(owner, { questionId: ids[q.key], ...values, noteId: citesRotationNote ? rotationNoteId : undefined }, new Date(at));
    }
  }
}
