// Notes: create, read, autosave with optimistic concurrency, trash; each call checks access first.
import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, noteSaveStore, transaction, prepared, preparedWrite } from "@/db/client";
import { noteLinks, noteRevisions, noteTags, notebooks, notes, users, noteColumns } from "@/db/schema";
import { newId } from "@/lib/ids";
import { excerptOf } from "@/lib/notes/plain-text";
import { assertNoteAccess, assertNotebookAccess, assertRowRole, readableBy, roleColumn, roleIn, type Actor } from "./access";
import { recordEvent } from "./audit";
import { badRequest, conflict, notFound } from "./errors";
import { hasAnchoredThreads, noteSavedForComments } from "./comments";
import { freshMentions } from "./mentions";
import { figuresChange, writeNoteFigures } from "./note-figures";
import { embedsChange, writeNoteLinks } from "./note-links";
import { recordEditRevision, REVISION_WINDOW_MS } from "./note-revisions";

export type NoteSummary = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  excerpt: string;
  tags: string[];
  updatedAt: Date;
};

async function tagsByNote(noteIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (noteIds.length === 0) return map;
  const rows = await getDb().select().from(noteTags).where(inArray(noteTags.noteId, noteIds)).orderBy(noteTags.tag);
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

async function summaries(actor: Actor, opts: { notebookId?: string; tag?: string; trashed: boolean }): Promise<NoteSummary[]> {
  if (opts.notebookId) await assertNotebookAccess(actor, opts.notebookId, "read");
  const rows = await getDb()
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
    .limit(200);
  const tags = await tagsByNote(rows.map((r) => r.id));
  return rows.map(({ body, ...n }) => ({ ...n, excerpt: excerptOf(body), tags: tags.get(n.id) ?? [] }));
}

/**
 * The live notes of one notebook, or of every notebook the actor belongs to when none is given,
 * optionally with one tag, most recently changed first.
 */
export async function listNotes(actor: Actor, opts: { notebookId?: string; tag?: string } = {}): Promise<NoteSummary[]> {
  return await summaries(actor, { ...opts, trashed: false });
}

/** The notes in a notebook's trash, most recently changed first. */
export async function listTrash(actor: Actor, notebookId: string): Promise<NoteSummary[]> {
  return await summaries(actor, { notebookId, trashed: true });
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
export async function getNote(actor: Actor, id: string): Promise<NoteDetail> {
  await assertNoteAccess(actor, id, "read");
  const db = getDb();
  const [row] = await db
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
    .where(eq(notes.id, id));
  if (!row) throw notFound("note");
  const links = await db
    .select({ kind: noteLinks.targetType, id: noteLinks.targetId })
    .from(noteLinks)
    .where(eq(noteLinks.noteId, id));
  const role = await roleIn(actor, row.notebookId);
  return { ...row, tags: (await tagsByNote([id])).get(id) ?? [], links, canEdit: role === "owner" || role === "editor" };
}

/** Creates a note in a notebook the actor may write to. */
export async function createNote(actor: Actor, input: { notebookId: string; title: string; body?: string; tags?: string[] }): Promise<{ id: string; version: number }> {
  await assertNotebookAccess(actor, input.notebookId, "write");
  const id = newId();
  const body = input.body ?? "";
  const now = new Date();
  await transaction(async (tx) => {
    await tx.insert(notes).values({ id, notebookId: input.notebookId, title: input.title, body, createdBy: actor.id, updatedBy: actor.id, createdAt: now, updatedAt: now });
    const tags = [...new Set(input.tags ?? [])];
    if (tags.length > 0) await tx.insert(noteTags).values(tags.map((tag) => ({ noteId: id, tag })));
    await writeNoteLinks(tx, id, body);
    await writeNoteFigures(tx, { id, notebookId: input.notebookId }, body, undefined, now);
    await noteSavedForComments(tx, actor, { id, notebookId: input.notebookId }, body, undefined, now);
    await tx.insert(noteRevisions).values({ noteId: id, noteVersion: 1, title: input.title, body, kind: "created", authorId: actor.id, createdAt: now, updatedAt: now });
    await recordEvent(tx, { actorId: actor.id, action: "note.created", targetType: "note", targetId: id, notebookId: input.notebookId });
  });
  return { id, version: 1 };
}

const noteRow = prepared("notes_row", (db) => db.select(noteColumns).from(notes).where(eq(notes.id, sql.placeholder("id"))));

// An autosave's first read: the note and the actor's role in its notebook, in one statement (the access check too).
const noteForSave = prepared("notes_for_save", (db) =>
  db
    .select({ ...noteColumns, role: roleColumn(notes.notebookId, { id: sql.placeholder("userId") }) })
    .from(notes)
    .where(eq(notes.id, sql.placeholder("id"))),
);

/**
 * An autosave's write, prepared: only when the note is still at the version the save started from and not in the trash.
 * It also says whether the note has threads anchored to its text, so a save without any reads nothing more for them.
 */
function saveStatement(name: string, withText: boolean) {
  const value = (key: string) => sql`${sql.placeholder(key)}`;
  return preparedWrite(name, (db) =>
    db
      .update(notes)
      .set({
        ...(withText ? { title: value("title"), body: value("body") } : {}),
        version: value("version"),
        updatedBy: value("updatedBy"),
        updatedAt: value("updatedAt"),
      })
      .where(and(eq(notes.id, sql.placeholder("id")), eq(notes.version, sql.placeholder("baseVersion")), isNull(notes.deletedAt)))
      .returning({ id: notes.id, anchoredThreads: hasAnchoredThreads(notes.id) }),
  );
}
const saveWithText = saveStatement("notes_save_text", true);
// A save that changes neither title nor body (a retried autosave) leaves them alone, so the search index is not rebuilt.
const saveWithoutText = saveStatement("notes_save_version", false);

/** Why a save at `baseVersion` did not land: the note is gone, in the trash, or moved on (CONFLICT with its current text). */
async function refusedSave(id: string, baseVersion: number): Promise<never> {
  const [current] = await noteRow().execute({ id });
  if (!current) throw notFound("note");
  if (current.deletedAt) throw badRequest("This note is in the trash. Restore it before editing.");
  const [editor] = current.updatedBy ? await getDb().select({ name: users.name }).from(users).where(eq(users.id, current.updatedBy)) : [];
  throw conflict(`This note was changed elsewhere (now version ${current.version}, your edit started from ${baseVersion}).`, {
    current: { version: current.version, title: current.title, body: current.body, updatedAt: current.updatedAt, updatedByName: editor?.name ?? null },
  });
}

/**
 * Saves a new title and/or body, if the note is still at `baseVersion`; otherwise CONFLICT with the
 * current text, so nothing is overwritten silently. Edits are kept as revisions, coalesced per author.
 * The version check is part of the UPDATE, so of two concurrent saves from one version exactly one lands. The note is
 * read before the transaction (with the access check, in one statement): the text it compares against is the text at
 * `baseVersion`, which the UPDATE replaces only if the note is still at that version (every change of it moves the version).
 */
export async function updateNote(
  actor: Actor,
  input: { id: string; baseVersion: number; title?: string; body?: string },
): Promise<{ id: string; version: number; updatedAt: Date }> {
  const [row] = await noteForSave().execute({ id: input.id, userId: actor.id });
  const current = assertRowRole(row, "write", () => notFound("note"));
  if (current.deletedAt || current.version !== input.baseVersion) return refusedSave(input.id, input.baseVersion);
  const now = new Date();
  const title = input.title ?? current.title;
  const body = input.body ?? current.body;
  const version = current.version + 1;
  const textChanged = title !== current.title || body !== current.body;
  // Most autosaves change only the text: no embeds, figures or mentions to record. On PostgreSQL that save is one
  // statement (db/stores/note-save-pg.ts); when it does not land (a stale version, the trash, anchored threads), the
  // general save below decides.
  const plain = textChanged && (body === current.body || (!embedsChange(body, current.body) && !figuresChange(body, current.body) && freshMentions(actor, body, current.body).length === 0));
  const savePlain = plain ? noteSaveStore().savePlain : null;
  if (savePlain && (await savePlain({ id: input.id, baseVersion: input.baseVersion, title, body, version, authorId: actor.id, at: now, openSince: new Date(now.getTime() - REVISION_WINDOW_MS) }))) {
    return { id: input.id, version, updatedAt: now };
  }
  return transaction(async (tx) => {
    const [saved] = await (textChanged ? saveWithText : saveWithoutText)().execute({
      id: input.id,
      baseVersion: input.baseVersion,
      title,
      body,
      version,
      updatedBy: actor.id,
      updatedAt: notes.updatedAt.mapToDriverValue(now),
    });
    if (!saved) return refusedSave(input.id, input.baseVersion);
    if (body !== current.body) {
      await writeNoteLinks(tx, input.id, body, current.body);
      await writeNoteFigures(tx, { id: input.id, notebookId: current.notebookId }, body, current.body, now);
      await noteSavedForComments(tx, actor, { id: input.id, notebookId: current.notebookId }, body, current.body, now, { anchoredThreads: saved.anchoredThreads });
    }
    // The notebook's updated_at and content_version move with the note, by trigger (SQLite migration 0013; on
    // PostgreSQL a shard of notebook_changes, migration 0010).
    await recordEditRevision(tx, { noteId: input.id, noteVersion: version, title, body, authorId: actor.id, at: now });
    return { id: input.id, version, updatedAt: now };
  });
}

async function setDeleted(actor: Actor, id: string, deleted: boolean): Promise<{ id: string }> {
  const { notebookId } = await assertNoteAccess(actor, id, "write");
  const now = new Date();
  await transaction(async (tx) => {
    const changed = await tx
      .update(notes)
      .set({ deletedAt: deleted ? now : null, updatedAt: now, version: sql`${notes.version} + 1` })
      .where(and(eq(notes.id, id), deleted ? isNull(notes.deletedAt) : isNotNull(notes.deletedAt)))
      .returning({ id: notes.id });
    if (changed.length === 0) return;
    await recordEvent(tx, { actorId: actor.id, action: deleted ? "note.trashed" : "note.restored", targetType: "note", targetId: id, notebookId });
  });
  return { id };
}

/** Moves a note to its notebook's trash (it can be restored); one already there is left as it is. */
export async function trashNote(actor: Actor, id: string): Promise<{ id: string }> {
  return await setDeleted(actor, id, true);
}

/** Brings a note back from the trash; a live note is left as it is. */
export async function restoreNote(actor: Actor, id: string): Promise<{ id: string }> {
  return await setDeleted(actor, id, false);
}

/** Deletes every note in a notebook's trash for good; returns how many. */
export async function emptyTrash(actor: Actor, notebookId: string): Promise<{ deleted: number }> {
  await assertNotebookAccess(actor, notebookId, "write");
  return await transaction(async (tx) => {
    const deleted = (await tx.delete(notes).where(and(eq(notes.notebookId, notebookId), isNotNull(notes.deletedAt))).returning({ id: notes.id })).length;
    await recordEvent(tx, { actorId: actor.id, action: "note.trash_emptied", targetType: "notebook", targetId: notebookId, notebookId, data: { deleted } });
    return { deleted };
  });
}
