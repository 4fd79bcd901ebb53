// The author's answers to stale figures: list them for a note, take a figure's new value, or pin it to the data as known when it was written.
import { and, eq } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { noteFigures, notes } from "@/db/schema";
import { findFigures } from "@/lib/figures/find";
import { figureDirective, figureKey, figureSpecOfKey } from "@/lib/figures/spec";
import { assertNoteAccess, type Actor } from "./access";
import { recordEvent } from "./audit";
import { badRequest } from "./errors";
import { computeFigures } from "./figures";
import { changedFiguresOf, recordOf, type FigureChange } from "./note-figures";
import { updateNote } from "./notes";

const GONE = "This figure is not in the note (it may have been edited away): reload the note.";

async function readableNote(actor: Actor, noteId: string, action: "read" | "write") {
  await assertNoteAccess(actor, noteId, action);
  const [note] = await getDb().select({ id: notes.id, notebookId: notes.notebookId, body: notes.body, version: notes.version }).from(notes).where(eq(notes.id, noteId));
  return note!;
}

/** The note's figures that have changed since they were written (for a reader of the note). */
export async function noteFigureChanges(actor: Actor, noteId: string): Promise<FigureChange[]> {
  const note = await readableNote(actor, noteId, "read");
  return (await changedFiguresOf([note])).get(noteId) ?? [];
}

/** Takes the figure's value now as what the note says (an editor of the note): it is no longer listed as changed. */
export async function acceptFigure(actor: Actor, input: { noteId: string; key: string }): Promise<{ key: string; text: string }> {
  const note = await readableNote(actor, input.noteId, "write");
  const [row] = await getDb().select().from(noteFigures).where(and(eq(noteFigures.noteId, note.id), eq(noteFigures.figureKey, input.key)));
  if (!row) throw badRequest(GONE);
  const [now] = await computeFigures(note.notebookId, [input.key]);
  const record = recordOf(note.id, now!, new Date());
  await transaction(async (tx) => {
    await tx.update(noteFigures).set(record).where(and(eq(noteFigures.noteId, note.id), eq(noteFigures.figureKey, input.key)));
    await recordEvent(tx, { actorId: actor.id, action: "figure.accepted", targetType: "note", targetId: note.id, notebookId: note.notebookId, data: { key: input.key, was: row.shown, now: record.shown } });
  });
  return { key: input.key, text: record.shown };
}

/**
 * Pins the figure to the data as known when it was written: every directive for it in the text gains that `asOf`, so
 * it shows what it showed then, for good. A save of the note (CONFLICT when the note moved on from `baseVersion`).
 */
export async function pinFigure(actor: Actor, input: { noteId: string; key: string; baseVersion: number }): Promise<{ version: number; key: string }> {
  const note = await readableNote(actor, input.noteId, "write");
  const [row] = await getDb().select().from(noteFigures).where(and(eq(noteFigures.noteId, note.id), eq(noteFigures.figureKey, input.key)));
  const read = figureSpecOfKey(input.key);
  if (!row || !read.ok) throw badRequest(GONE);
  const pinned = { ...read.spec, asOf: read.spec.asOf ?? row.recordedAt.getTime() };
  const places = findFigures(note.body).filter((f) => f.ok && f.key === input.key);
  if (places.length === 0) throw badRequest(GONE);
  let body = note.body;
  for (const place of [...places].reverse()) body = body.slice(0, place.start) + figureDirective(pinned) + body.slice(place.end);
  const saved = await updateNote(actor, { id: note.id, baseVersion: input.baseVersion, body });
  return { version: saved.version, key: figureKey(pinned) };
}
