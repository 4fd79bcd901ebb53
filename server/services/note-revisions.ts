// Note revisions: edits coalesced per author and time window, checkpoints, history, and restore.
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { noteRevisions, notebooks, notes, users } from "@/db/schema";
import { assertNoteAccess, type Actor } from "./access";
import { recordEvent } from "./audit";
import { notFound } from "./errors";
import { writeNoteLinks } from "./note-links";
import { prepared } from "./prepared";

/** Edits by one author within this window fold into one revision. */
export const REVISION_WINDOW_MS = 5 * 60 * 1000;

// Folds an edit into the note's latest revision when that one is still open for the author: an edit by
// them, started within the window. One statement (no read first); 0 changes means start a new revision.
// Dates are passed as epoch milliseconds: placeholders inside sql`` skip the column's Date mapping.
const foldIntoOpenRevision = prepared((db) =>
  db
    .update(noteRevisions)
    .set({
      noteVersion: sql`${sql.placeholder("noteVersion")}`,
      title: sql`${sql.placeholder("title")}`,
      body: sql`${sql.placeholder("body")}`,
      updatedAt: sql`${sql.placeholder("updatedAt")}`,
    })
    .where(
      and(
        eq(
          noteRevisions.id,
          sql`(select ${noteRevisions.id} from ${noteRevisions} where ${noteRevisions.noteId} = ${sql.placeholder("noteId")} order by ${noteRevisions.id} desc limit 1)`,
        ),
        eq(noteRevisions.kind, "edit"),
        eq(noteRevisions.authorId, sql.placeholder("authorId")),
        gt(noteRevisions.createdAt, sql`${sql.placeholder("openSince")}`),
      ),
    )
    .prepare(),
);

/** Records an edit: folds it into the author's open revision if it is recent enough, else starts a new one. */
export function recordEditRevision(tx: Db | Tx, edit: { noteId: string; noteVersion: number; title: string; body: string; authorId: string; at: Date }): void {
  const at = edit.at.getTime();
  const folded = foldIntoOpenRevision().run({
    noteId: edit.noteId,
    authorId: edit.authorId,
    openSince: at - REVISION_WINDOW_MS,
    noteVersion: edit.noteVersion,
    title: edit.title,
    body: edit.body,
    updatedAt: at,
  });
  if (folded.changes > 0) return;
  tx.insert(noteRevisions)
    .values({ noteId: edit.noteId, noteVersion: edit.noteVersion, title: edit.title, body: edit.body, kind: "edit", authorId: edit.authorId, createdAt: edit.at, updatedAt: edit.at })
    .run();
}

export type RevisionSummary = { id: number; noteVersion: number; kind: string; title: string; authorName: string | null; createdAt: Date; updatedAt: Date };

/** A note's revisions, newest first. */
export function listRevisions(actor: Actor, noteId: string): RevisionSummary[] {
  assertNoteAccess(actor, noteId, "read");
  return getDb()
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
    .limit(500)
    .all();
}

/** One revision's full text. */
export function getRevision(actor: Actor, input: { noteId: string; revisionId: number }) {
  assertNoteAccess(actor, input.noteId, "read");
  const row = getDb()
    .select({ id: noteRevisions.id, noteVersion: noteRevisions.noteVersion, kind: noteRevisions.kind, title: noteRevisions.title, body: noteRevisions.body, authorName: users.name, createdAt: noteRevisions.createdAt, updatedAt: noteRevisions.updatedAt })
    .from(noteRevisions)
    .leftJoin(users, eq(users.id, noteRevisions.authorId))
    .where(and(eq(noteRevisions.id, input.revisionId), eq(noteRevisions.noteId, input.noteId)))
    .get();
  if (!row) throw notFound("revision");
  return row;
}

/**
 * Keeps the note's current text as a checkpoint (and closes the open edit window). When the latest revision already
 * holds the current version, that revision is the checkpoint (an edit becomes one), so one version is listed once.
 */
export function checkpoint(actor: Actor, noteId: string): { revisionId: number } {
  assertNoteAccess(actor, noteId, "write");
  const db = getDb();
  return db.transaction((tx) => {
    const note = tx.select().from(notes).where(eq(notes.id, noteId)).get();
    if (!note || note.deletedAt) throw notFound("note");
    const now = new Date();
    const latest = tx.select({ id: noteRevisions.id, noteVersion: noteRevisions.noteVersion, kind: noteRevisions.kind }).from(noteRevisions).where(eq(noteRevisions.noteId, noteId)).orderBy(desc(noteRevisions.id)).limit(1).get();
    if (latest && latest.noteVersion === note.version) {
      if (latest.kind === "edit") tx.update(noteRevisions).set({ kind: "checkpoint", updatedAt: now }).where(eq(noteRevisions.id, latest.id)).run();
      return { revisionId: latest.id };
    }
    const row = tx
      .insert(noteRevisions)
      .values({ noteId, noteVersion: note.version, title: note.title, body: note.body, kind: "checkpoint", authorId: actor.id, createdAt: now, updatedAt: now })
      .returning({ id: noteRevisions.id })
      .get();
    return { revisionId: row.id };
  });
}

/** Makes an old revision's text current again, as a new version and a new revision; nothing is lost. */
export function restoreRevision(actor: Actor, input: { noteId: string; revisionId: number }): { version: number } {
  const { notebookId } = assertNoteAccess(actor, input.noteId, "write");
  const db = getDb();
  return db.transaction((tx) => {
    const revision = tx.select().from(noteRevisions).where(and(eq(noteRevisions.id, input.revisionId), eq(noteRevisions.noteId, input.noteId))).get();
    const note = tx.select().from(notes).where(eq(notes.id, input.noteId)).get();
    if (!revision || !note || note.deletedAt) throw notFound("revision");
    const now = new Date();
    const version = note.version + 1;
    tx.update(notes).set({ title: revision.title, body: revision.body, version, updatedBy: actor.id, updatedAt: now }).where(eq(notes.id, input.noteId)).run();
    tx.insert(noteRevisions)
      .values({ noteId: input.noteId, noteVersion: version, title: revision.title, body: revision.body, kind: "restore", authorId: actor.id, createdAt: now, updatedAt: now })
      .run();
    writeNoteLinks(tx, input.noteId, revision.body);
    tx.update(notebooks).set({ updatedAt: now }).where(eq(notebooks.id, notebookId)).run();
    recordEvent(tx, { actorId: actor.id, action: "note.revision_restored", targetType: "note", targetId: input.noteId, notebookId, data: { revisionId: input.revisionId } });
    return { version };
  });
}
