// Note revisions: edits coalesced per author and time window, checkpoints, history, and restore.
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { getDb, preparedWrite, transaction, type Tx } from "@/db/client";
import { noteRevisions, notebooks, notes, users, noteColumns } from "@/db/schema";
import { assertNoteAccess, type Actor } from "./access";
import { recordEvent } from "./audit";
import { notFound } from "./errors";
import { noteSavedForComments } from "./comments";
import { writeNoteFigures } from "./note-figures";
import { writeNoteLinks } from "./note-links";

/** Edits by one author within this window fold into one revision. */
export const REVISION_WINDOW_MS = 5 * 60 * 1000;

/**
 * Records an edit: folds it into the note's latest revision when that one is still open for the author (an edit by
 * them, started within the window), in one statement with no read first; else starts a new revision.
 */
export async function recordEditRevision(tx: Tx, edit: { noteId: string; noteVersion: number; title: string; body: string; authorId: string; at: Date }): Promise<void> {
  const folded = await foldIntoLatest().execute({
    noteId: edit.noteId,
    noteVersion: edit.noteVersion,
    title: edit.title,
    body: edit.body,
    authorId: edit.authorId,
    at: noteRevisions.updatedAt.mapToDriverValue(edit.at),
    openSince: noteRevisions.createdAt.mapToDriverValue(new Date(edit.at.getTime() - REVISION_WINDOW_MS)),
  });
  if (folded.length > 0) return;
  await tx
    .insert(noteRevisions)
    .values({ noteId: edit.noteId, noteVersion: edit.noteVersion, title: edit.title, body: edit.body, kind: "edit", authorId: edit.authorId, createdAt: edit.at, updatedAt: edit.at });
}

// The fold, prepared (it runs on every autosave): the note's latest revision takes the edit when it is an edit by the
// same author opened within the window.
const foldIntoLatest = preparedWrite("note_revisions_fold", (db) => {
  const value = (key: string) => sql`${sql.placeholder(key)}`;
  const latest = db
    .select({ id: noteRevisions.id })
    .from(noteRevisions)
    .where(eq(noteRevisions.noteId, sql.placeholder("noteId")))
    .orderBy(desc(noteRevisions.id))
    .limit(1);
  return db
    .update(noteRevisions)
    .set({ noteVersion: value("noteVersion"), title: value("title"), body: value("body"), updatedAt: value("at") })
    .where(
      and(
        eq(noteRevisions.id, sql`(${latest})`),
        eq(noteRevisions.kind, "edit"),
        eq(noteRevisions.authorId, sql.placeholder("authorId")),
        gt(noteRevisions.createdAt, sql.placeholder("openSince")),
      ),
    )
    .returning({ id: noteRevisions.id });
});

export type RevisionSummary = { id: number; noteVersion: number; kind: string; title: string; authorName: string | null; createdAt: Date; updatedAt: Date };

/** A note's revisions, newest first. */
export async function listRevisions(actor: Actor, noteId: string): Promise<RevisionSummary[]> {
  await assertNoteAccess(actor, noteId, "read");
  return await getDb()
    .select({
      id: noteRevisions.id,
      noteVersion: noteRevisions.noteVersion,
      kind: noteRevisions.kind,
      title: noteRevisions.title,
      authorName: users.name,
      createdAt: noteRevisions.createdAt,
      updatedAt: noteRevisions.updatedAt,
    })
    .from(noteRevisions)
    .leftJoin(users, eq(users.id, noteRevisions.authorId))
    .where(eq(noteRevisions.noteId, noteId))
    .orderBy(desc(noteRevisions.id))
    .limit(500);
}

/** One revision's full text. */
export async function getRevision(actor: Actor, input: { noteId: string; revisionId: number }) {
  await assertNoteAccess(actor, input.noteId, "read");
  const [row] = await getDb()
    .select({ id: noteRevisions.id, noteVersion: noteRevisions.noteVersion, kind: noteRevisions.kind, title: noteRevisions.title, body: noteRevisions.body, authorName: users.name, createdAt: noteRevisions.createdAt, updatedAt: noteRevisions.updatedAt })
    .from(noteRevisions)
    .leftJoin(users, eq(users.id, noteRevisions.authorId))
    .where(and(eq(noteRevisions.id, input.revisionId), eq(noteRevisions.noteId, input.noteId)));
  if (!row) throw notFound("revision");
  return row;
}

/**
 * Keeps the note's current text as a checkpoint (and closes the open edit window). When the latest revision already
 * holds the current version, that revision is the checkpoint (an edit becomes one), so one version is listed once.
 */
export async function checkpoint(actor: Actor, noteId: string): Promise<{ revisionId: number }> {
  await assertNoteAccess(actor, noteId, "write");
  return await transaction(async (tx) => {
    const [note] = await tx.select(noteColumns).from(notes).where(eq(notes.id, noteId));
    if (!note || note.deletedAt) throw notFound("note");
    const now = new Date();
    const [latest] = await tx.select({ id: noteRevisions.id, noteVersion: noteRevisions.noteVersion, kind: noteRevisions.kind }).from(noteRevisions).where(eq(noteRevisions.noteId, noteId)).orderBy(desc(noteRevisions.id)).limit(1);
    if (latest && latest.noteVersion === note.version) {
      if (latest.kind === "edit") await tx.update(noteRevisions).set({ kind: "checkpoint", updatedAt: now }).where(eq(noteRevisions.id, latest.id));
      return { revisionId: latest.id };
    }
    const [row] = await tx
      .insert(noteRevisions)
      .values({ noteId, noteVersion: note.version, title: note.title, body: note.body, kind: "checkpoint", authorId: actor.id, createdAt: now, updatedAt: now })
      .returning({ id: noteRevisions.id });
    return { revisionId: row!.id };
  });
}

/** Makes an old revision's text current again, as a new version and a new revision; nothing is lost. */
export async function restoreRevision(actor: Actor, input: { noteId: string; revisionId: number }): Promise<{ version: number }> {
  const { notebookId } = await assertNoteAccess(actor, input.noteId, "write");
  return await transaction(async (tx) => {
    const [revision] = await tx.select().from(noteRevisions).where(and(eq(noteRevisions.id, input.revisionId), eq(noteRevisions.noteId, input.noteId)));
    const [note] = await tx.select(noteColumns).from(notes).where(eq(notes.id, input.noteId));
    if (!revision || !note || note.deletedAt) throw notFound("revision");
    const now = new Date();
    const version = note.version + 1;
    await tx.update(notes).set({ title: revision.title, body: revision.body, version, updatedBy: actor.id, updatedAt: now }).where(eq(notes.id, input.noteId));
    await tx.insert(noteRevisions)
      .values({ noteId: input.noteId, noteVersion: version, title: revision.title, body: revision.body, kind: "restore", authorId: actor.id, createdAt: now, updatedAt: now });
    await writeNoteLinks(tx, input.noteId, revision.body);
    await writeNoteFigures(tx, { id: input.noteId, notebookId }, revision.body, note.body, now);
    await noteSavedForComments(tx, actor, { id: input.noteId, notebookId }, revision.body, note.body, now);
    await tx.update(notebooks).set({ updatedAt: now }).where(eq(notebooks.id, notebookId));
    await recordEvent(tx, { actorId: actor.id, action: "note.revision_restored", targetType: "note", targetId: input.noteId, notebookId, data: { revisionId: input.revisionId } });
    return { version };
  });
}
