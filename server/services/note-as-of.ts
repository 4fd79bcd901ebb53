// Any note as of any moment: the revision that stood then, and what its figures and its charts' series showed then against now.
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { charts, noteRevisions, notes } from "@/db/schema";
import { figureKeysOf } from "@/lib/figures/find";
import { findEmbeds } from "@/lib/notes/directives";
import { assertNoteAccess, type Actor } from "./access";
import { badRequest } from "./errors";
import { computeFigures, MAX_FIGURES_PER_CALL } from "./figures";
import type { SeriesMove } from "@/lib/share/model";
import { seriesMoves } from "./series-moves";

/** A figure then and now (null where it could not be computed). */
export type FigureMove = { key: string; then: string | null; now: string | null };

/** A note as it stood at `at`: the revision's text, and what moved since in its figures and its charts' series. */
export type NoteAsOf = {
  id: string;
  notebookId: string;
  at: Date;
  title: string;
  body: string;
  revision: { id: number; noteVersion: number; editedAt: Date };
  figuresSince: FigureMove[];
  seriesSince: SeriesMove[];
};

/** The revision of the note that stood at `at`: the last one saved by then (the first one when `at` falls inside it). */
async function revisionAt(noteId: string, at: Date) {
  const [saved] = await getDb().select().from(noteRevisions).where(and(eq(noteRevisions.noteId, noteId), lte(noteRevisions.updatedAt, at))).orderBy(desc(noteRevisions.updatedAt), desc(noteRevisions.id)).limit(1);
  if (saved) return saved;
  const [first] = await getDb().select().from(noteRevisions).where(and(eq(noteRevisions.noteId, noteId), lte(noteRevisions.createdAt, at))).orderBy(asc(noteRevisions.id)).limit(1);
  return first ?? null;
}

/** The error for a moment before the note existed, saying when it was created. */
async function notCreatedYet(noteId: string) {
  const [note] = await getDb().select({ createdAt: notes.createdAt }).from(notes).where(eq(notes.id, noteId));
  return badRequest(`This note did not exist yet at that moment: it was created on ${note!.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`);
}

/** The note's title and text as they stood at `at` (a past moment), and when that text was last edited; BAD_REQUEST before the note existed. */
export async function noteAt(noteId: string, at: Date): Promise<{ title: string; body: string; editedAt: Date }> {
  const revision = await revisionAt(noteId, at);
  if (!revision) throw await notCreatedYet(noteId);
  return { title: revision.title, body: revision.body, editedAt: revision.updatedAt };
}

/** The note as a reader of it saw it at `at` (a moment still to come means now), with its figures and charts' series then against now. */
export async function noteAsOf(actor: Actor, input: { id: string; at: Date }, now = new Date()): Promise<NoteAsOf> {
  const { notebookId } = await assertNoteAccess(actor, input.id, "read");
  // A moment still to come shows the note as it stands now.
  const at = input.at.getTime() > now.getTime() ? now : input.at;
  const revision = await revisionAt(input.id, at);
  if (!revision) throw await notCreatedYet(input.id);
  const keys = figureKeysOf(revision.body).slice(0, MAX_FIGURES_PER_CALL);
  const [then, current] = await Promise.all([computeFigures(notebookId, keys, at), computeFigures(notebookId, keys)]);
  const figuresSince = keys.map((key, i) => ({ key, then: then[i]!.ok ? then[i]!.text : null, now: current[i]!.ok ? current[i]!.text : null })).filter((m) => m.then !== m.now);
  const chartIds = findEmbeds(revision.body).flatMap((e) => (e.kind === "chart" ? [e.id] : []));
  const seriesKeys = new Set<string>();
  const embedded = chartIds.length === 0 ? [] : await getDb().select({ spec: charts.spec }).from(charts).where(and(inArray(charts.id, chartIds), eq(charts.notebookId, notebookId)));
  for (const chart of embedded) for (const key of (chart.spec as { series?: string[] }).series ?? []) seriesKeys.add(key);
  const seriesSince = seriesKeys.size > 0 ? (await seriesMoves(notebookId, [...seriesKeys], at, now)).filter((m) => m.then?.date !== m.now?.date || m.then?.value !== m.now?.value) : [];
  return {
    id: input.id,
    notebookId,
    at,
    title: revision.title,
    body: revision.body,
    revision: { id: revision.id, noteVersion: revision.noteVersion, editedAt: revision.updatedAt },
    figuresSince,
    seriesSince,
  };
}
