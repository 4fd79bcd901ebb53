// Notes: create, read, autosave with optimistic concurrency, trash; each call checks access first.
import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { noteLinks, noteRevisions, noteTags, notebooks, notes, users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { excerptOf } from "@/lib/notes/plain-text";
import { assertNoteAccess, assertNotebookAccess, readableBy, roleIn, type Actor } from "./access";
import { recordEvent } from "./audit";
import { badRequest, conflict, notFound } from "./errors";
import { writeNoteLinks } from "./note-links";
import { recordEditRevision } from "./note-revisions";
import { prepared } from "./prepared";

export type NoteSummary = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  excerpt: string;
  tags: string[];
  updatedAt: Date;
};

function tagsByNote(noteIds: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (noteIds.length === 0) return map;
  const rows = getDb().select().from(noteTags).where(inArray(noteTags.noteId, noteIds)).orderBy(noteTags.tag).all();
  for (const row of rows) map.set(row.noteId, [...(map.get(row.noteId) ?? []), row.tag]);
  return map;
}

function listWhere(actor: Actor, opts: { notebookId?: string; tag?: string; trashed: boolean }) {
  const scope = opts.notebookId
    ? eq(notes.notebookId, opts.notebookId)
    : readableBy(notes.notebookId, actor);
  const tagFilter = opts.tag
    ? inArray(notes.id, getDb().select({ id: noteTags.noteId }).from(noteTags).where(eq(noteTags.tag, opts.tag)))
    : undefined;
  return and(scope, opts.trashed ? isNotNull(notes.deletedAt) : isNull(notes.deletedAt), tagFilter);
}

function summaries(actor: Actor, opts: { notebookId?: string; tag?: string; trashed: boolean }): NoteSummary[] {
  if (opts.notebookId) assertNotebookAccess(actor, opts.notebookId, "read");
  const rows = getDb()
    .select({
      id: notes.id,
      notebookId: notes.notebookId,
      notebookName: notebooks.name,
      title: notes.title,
      body: notes.body,
      updatedAt: notes.updatedAt,
    })
    .from(notes)
    .innerJoin(notebooks, eq(notebooks.id, notes.notebookId))
    .where(listWhere(actor, opts))
    .orderBy(desc(notes.updatedAt))
    .limit(200)
    .all();
  const tags = tagsByNote(rows.map((r) => r.id));
  return rows.map(({ body, ...n }) => ({ ...n, excerpt: excerptOf(body), tags: tags.get(n.id) ?? [] }));
}

/**
 * The live notes of one notebook, or of every notebook the actor belongs to when none is given,
 * optionally with one tag, most recently changed first.
 */
export function listNotes(actor: Actor, opts: { notebookId?: string; tag?: string } = {}): NoteSummary[] {
  return summaries(actor, { ...opts, trashed: false });
}

/** The notes in a notebook's trash, most recently changed first. */
export function listTrash(actor: Actor, notebookId: string): NoteSummary[] {
  return summaries(actor, { notebookId, trashed: true });
}

export type NoteDetail = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  body: string;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  deletedAt: Date | null;
  tags: string[];
  links: Array<{ kind: "chart" | "question"; id: string }>;
  canEdit: boolean;
};

/** One note the actor may read (trashed notes too, marked by deletedAt), with its tags and embeds. */
export function getNote(actor: Actor, id: string): NoteDetail {
  assertNoteAccess(actor, id, "read");
  const db = getDb();
  const row = db
    .select({
      id: notes.id,
      notebookId: notes.notebookId,
      notebookName: notebooks.name,
      title: notes.title,
      body: notes.body,
      version: notes.version,
      updatedAt: notes.updatedAt,
      updatedByName: users.name,
      deletedAt: notes.deletedAt,
    })
    .from(notes)
    .innerJoin(notebooks, eq(notebooks.id, notes.notebookId))
    .leftJoin(users, eq(users.id, notes.updatedBy))
    .where(eq(notes.id, id))
    .get();
  if (!row) throw notFound("note");
  const links = db
    .select({ kind: noteLinks.targetType, id: noteLinks.targetId })
    .from(noteLinks)
    .where(eq(noteLinks.noteId, id))
    .all();
  const role = roleIn(actor, row.notebookId);
  return { ...row, tags: tagsByNote([id]).get(id) ?? [], links, canEdit: role === "owner" || role === "editor" };
}

function touchNotebook(_tx: Tx, notebookId: string, at: Date): void {
  touchNotebookStatement().run({ notebookId, updatedAt: at.getTime() });
}

// Hot statements of an autosave, prepared once per connection. Dates go in as epoch milliseconds:
// placeholders inside sql`` skip the column's Date mapping.
const touchNotebookStatement = prepared((db) =>
  db
    .update(notebooks)
    .set({ updatedAt: sql`${sql.placeholder("updatedAt")}` })
    .where(eq(notebooks.id, sql.placeholder("notebookId")))
    .prepare(),
);

const noteRow = prepared((db) => db.select().from(notes).where(eq(notes.id, sql.placeholder("id"))).prepare());

const saveNoteStatement = prepared((db) =>
  db
    .update(notes)
    .set({
      title: sql`${sql.placeholder("title")}`,
      body: sql`${sql.placeholder("body")}`,
      version: sql`${sql.placeholder("version")}`,
      updatedBy: sql`${sql.placeholder("updatedBy")}`,
      updatedAt: sql`${sql.placeholder("updatedAt")}`,
    })
    .where(eq(notes.id, sql.placeholder("id")))
    .prepare(),
);

/** Creates a note in a notebook the actor may write to. */
export function createNote(actor: Actor, input: { notebookId: string; title: string; body?: string; tags?: string[] }): { id: string; version: number } {
  assertNotebookAccess(actor, input.notebookId, "write");
  const id = newId();
  const body = input.body ?? "";
  const now = new Date();
  getDb().transaction((tx) => {
    tx.insert(notes)
      .values({ id, notebookId: input.notebookId, title: input.title, body, createdBy: actor.id, updatedBy: actor.id, createdAt: now, updatedAt: now })
      .run();
    const tags = [...new Set(input.tags ?? [])];
    if (tags.length > 0) tx.insert(noteTags).values(tags.map((tag) => ({ noteId: id, tag }))).run();
    writeNoteLinks(tx, id, body);
    tx.insert(noteRevisions).values({ noteId: id, noteVersion: 1, title: input.title, body, kind: "created", authorId: actor.id, createdAt: now, updatedAt: now }).run();
    touchNotebook(tx, input.notebookId, now);
    recordEvent(tx, { actorId: actor.id, action: "note.created", targetType: "note", targetId: id, notebookId: input.notebookId });
  });
  return { id, version: 1 };
}

// A save that changes neither title nor body (a retried or repeated autosave) moves the version on
// without touching title/body, so the search index's trigger does not re-index the same text.
const bumpNoteStatement = prepared((db) =>
  db
    .update(notes)
    .set({
      version: sql`${sql.placeholder("version")}`,
      updatedBy: sql`${sql.placeholder("updatedBy")}`,
      updatedAt: sql`${sql.placeholder("updatedAt")}`,
    })
    .where(eq(notes.id, sql.placeholder("id")))
    .prepare(),
);

type SaveInput = { actor: Actor; notebookId: string; input: { id: string; baseVersion: number; title?: string; body?: string }; now: Date };
type Saved = { id: string; version: number; updatedAt: Date };

// The save as one native better-sqlite3 transaction function, made once per connection: drizzle's
// db.transaction() builds a transaction object (a query builder per table) on every call.
const saveTransaction = prepared((db) =>
  db.$client.transaction(({ actor, notebookId, input, now }: SaveInput): Saved => {
    const current = noteRow().get({ id: input.id });
    if (!current) throw notFound("note");
    if (current.deletedAt) throw badRequest("This note is in the trash. Restore it before editing.");
    if (current.version !== input.baseVersion) {
      const editor = current.updatedBy ? db.select({ name: users.name }).from(users).where(eq(users.id, current.updatedBy)).get() : undefined;
      throw conflict(`This note was changed elsewhere (now version ${current.version}, your edit started from ${input.baseVersion}).`, {
        current: { version: current.version, title: current.title, body: current.body, updatedAt: current.updatedAt, updatedByName: editor?.name ?? null },
      });
    }
    const title = input.title ?? current.title;
    const body = input.body ?? current.body;
    const version = current.version + 1;
    const row = { id: input.id, version, updatedBy: actor.id, updatedAt: now.getTime() };
    if (title === current.title && body === current.body) bumpNoteStatement().run(row);
    else saveNoteStatement().run({ ...row, title, body });
    if (body !== current.body) writeNoteLinks(db, input.id, body);
    recordEditRevision(db, { noteId: input.id, noteVersion: version, title, body, authorId: actor.id, at: now });
    touchNotebookStatement().run({ notebookId, updatedAt: now.getTime() });
    return { id: input.id, version, updatedAt: now };
  }),
);

/**
 * Saves a new title and/or body, if the note is still at `baseVersion`; otherwise CONFLICT with the
 * current text, so nothing is overwritten silently. Edits are kept as revisions, coalesced per author.
 */
export function updateNote(
  actor: Actor,
  input: { id: string; baseVersion: number; title?: string; body?: string },
): { id: string; version: number; updatedAt: Date } {
  const { notebookId } = assertNoteAccess(actor, input.id, "write");
  return saveTransaction()({ actor, notebookId, input, now: new Date() });
}

function setDeleted(actor: Actor, id: string, deleted: boolean): { id: string } {
  const { notebookId } = assertNoteAccess(actor, id, "write");
  const now = new Date();
  getDb().transaction((tx) => {
    const changed = tx
      .update(notes)
      .set({ deletedAt: deleted ? now : null, updatedAt: now, version: sql`${notes.version} + 1` })
      .where(and(eq(notes.id, id), deleted ? isNull(notes.deletedAt) : isNotNull(notes.deletedAt)))
      .run().changes;
    if (changed === 0) return;
    recordEvent(tx, { actorId: actor.id, action: deleted ? "note.trashed" : "note.restored", targetType: "note", targetId: id, notebookId });
  });
  return { id };
}

/** Moves a note to its notebook's trash (it can be restored); one already there is left as it is. */
export function trashNote(actor: Actor, id: string): { id: string } {
  return setDeleted(actor, id, true);
}

/** Brings a note back from the trash; a live note is left as it is. */
export function restoreNote(actor: Actor, id: string): { id: string } {
  return setDeleted(actor, id, false);
}

/** Deletes every note in a notebook's trash for good; returns how many. */
export function emptyTrash(actor: Actor, notebookId: string): { deleted: number } {
  assertNotebookAccess(actor, notebookId, "write");
  return getDb().transaction((tx) => {
    const result = tx.delete(notes).where(and(eq(notes.notebookId, notebookId), isNotNull(notes.deletedAt))).run();
    recordEvent(tx, { actorId: actor.id, action: "note.trash_emptied", targetType: "notebook", targetId: notebookId, notebookId, data: { deleted: result.changes } });
    return { deleted: result.changes };
  });
}
