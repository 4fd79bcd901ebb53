// Comments: threads on a note's passage, a question or one forecast, with replies, edits, soft deletes and resolving; every member reads and writes them (viewers included).
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type Column, type SQL } from "drizzle-orm";
import { getDb, prepared, transaction, type Tx } from "@/db/client";
import { comments, forecasts, notes, questions, users, type CommentAnchor, type CommentTarget } from "@/db/schema";
import { anchorAt, locateQuote, reanchor } from "@/lib/comments/anchor";
import { newId } from "@/lib/ids";
import { assertAccessToRowIn, assertNoteAccess, qualified, type Actor } from "./access";
import { recordEvent } from "./audit";
import { type DomainError, badRequest, forbidden, notFound } from "./errors";
import { forgetMentions, recordMentions } from "./mentions";
import { questionFor } from "./questions";

export type CommentPerson = { id: string; name: string };

export type Comment = { id: string; author: CommentPerson | null; body: string; createdAt: Date; editedAt: Date | null; deleted: boolean; mine: boolean };

export type Thread = {
  id: string;
  targetType: CommentTarget;
  targetId: string;
  anchor: CommentAnchor | null;
  detached: boolean;
  resolvedAt: Date | null;
  resolvedBy: CommentPerson | null;
  comments: Comment[];
};

type CommentRow = typeof comments.$inferSelect;

/** The same NOT_FOUND for a comment that does not exist as for one in a notebook the actor cannot read. */
function notFoundComment(): DomainError {
  return notFound("comment");
}

/** What a thread is on, once the actor's access to it is checked: its notebook, where it is in the app, and a note's text. */
type Target = { notebookId: string; href: string; note?: { body: string; trashed: boolean }; questionId?: string };

const MAX_FORECAST_ID = 2_147_483_647;

/** The forecast's question and notebook, or undefined when the id names no forecast. */
async function forecastRow(targetId: string): Promise<{ questionId: string; notebookId: string } | undefined> {
  const id = /^\d{1,10}$/.test(targetId) ? Number(targetId) : NaN;
  if (!(id > 0 && id <= MAX_FORECAST_ID)) return undefined;
  const [row] = await getDb()
    .select({ questionId: forecasts.questionId, notebookId: questions.notebookId })
    .from(forecasts)
    .innerJoin(questions, eq(questions.id, forecasts.questionId))
    .where(eq(forecasts.id, id));
  return row;
}

/** The target, if the actor may read it (NOT_FOUND otherwise, as for one that does not exist). */
async function targetFor(actor: Actor, targetType: CommentTarget, targetId: string): Promise<Target> {
  if (targetType === "note") {
    const { notebookId, deletedAt } = await assertNoteAccess(actor, targetId, "read");
    const [row] = await getDb().select({ body: notes.body }).from(notes).where(eq(notes.id, targetId));
    return { notebookId, href: `/notes/${targetId}`, note: { body: row?.body ?? "", trashed: deletedAt !== null } };
  }
  if (targetType === "question") {
    const q = await questionFor(actor, targetId, "read");
    return { notebookId: q.notebookId, href: `/questions/${q.id}`, questionId: q.id };
  }
  const f = await forecastRow(targetId);
  await assertAccessToRowIn(actor, f?.notebookId, "read", () => notFound("forecast"));
  return { notebookId: f!.notebookId, href: `/questions/${f!.questionId}`, questionId: f!.questionId };
}

/** Where a thread's target is in the app (for a mention's link), without access checks: the caller has checked the thread. */
async function hrefOf(targetType: CommentTarget, targetId: string): Promise<string> {
  if (targetType === "note") return `/notes/${targetId}`;
  if (targetType === "question") return `/questions/${targetId}`;
  const f = await forecastRow(targetId);
  return f ? `/questions/${f.questionId}` : "/questions";
}

/** A comment the actor may read (NOT_FOUND otherwise), with the actor's role in its notebook. */
async function commentFor(actor: Actor, id: string) {
  const [row] = await getDb().select().from(comments).where(eq(comments.id, id));
  const role = await assertAccessToRowIn(actor, row?.notebookId, "read", notFoundComment);
  return { row: row!, role };
}

/** A thread's first comment, if the actor may read it; an id of a reply is no thread. */
async function threadFor(actor: Actor, threadId: string): Promise<CommentRow> {
  const [row] = await getDb()
    .select()
    .from(comments)
    .where(and(eq(comments.id, threadId), isNull(comments.threadId)));
  await assertAccessToRowIn(actor, row?.notebookId, "read", () => notFound("comment thread"));
  return row!;
}

const eventData = (row: { targetType: CommentTarget; targetId: string }, threadId: string) => ({ targetType: row.targetType, targetId: row.targetId, threadId });

/**
 * The threads on a note, a question (with those on its forecasts, each naming its own target) or a forecast, oldest
 * first, each with its comments oldest first. A deleted comment keeps its place (empty) when later comments follow it;
 * a thread whose comments are all deleted is left out. A note's anchors are checked against its current text: a
 * passage that moved is followed, one that is gone marks the thread detached (with the text it was on).
 */
export async function listComments(actor: Actor, input: { targetType: CommentTarget; targetId: string }): Promise<{ threads: Thread[] }> {
  const target = await targetFor(actor, input.targetType, input.targetId);
  const db = getDb();
  const on = [and(eq(comments.targetType, input.targetType), eq(comments.targetId, input.targetId))];
  if (input.targetType === "question") {
    const ids = (await db.select({ id: forecasts.id }).from(forecasts).where(eq(forecasts.questionId, input.targetId))).map((f) => String(f.id));
    if (ids.length > 0) on.push(and(eq(comments.targetType, "forecast"), inArray(comments.targetId, ids)));
  }
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.notebookId, target.notebookId), or(...on)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const people = [...new Set(rows.flatMap((r) => [r.authorId, r.resolvedBy]).filter((id): id is string => id !== null))];
  const names = new Map(people.length === 0 ? [] : (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.name]));
  const person = (id: string | null): CommentPerson | null => (id !== null && names.has(id) ? { id, name: names.get(id)! } : null);
  const replies = new Map<string, CommentRow[]>();
  for (const r of rows) if (r.threadId !== null) replies.set(r.threadId, [...(replies.get(r.threadId) ?? []), r]);
  const threads: Thread[] = [];
  for (const root of rows) {
    if (root.threadId !== null) continue;
    const all = [root, ...(replies.get(root.id) ?? [])];
    const last = all.findLastIndex((c) => c.deletedAt === null);
    if (last === -1) continue;
    let anchor = root.anchor ?? null;
    let detached = root.detached;
    if (anchor && target.note && root.targetType === "note" && !detached && target.note.body.slice(anchor.start, anchor.end) !== anchor.quote) {
      const moved = reanchor(anchor, target.note.body);
      if (moved) anchor = moved;
      else detached = true;
    }
    threads.push({
      id: root.id,
      targetType: root.targetType,
      targetId: root.targetId,
      anchor,
      detached,
      resolvedAt: root.resolvedAt,
      resolvedBy: person(root.resolvedBy),
      comments: all.slice(0, last + 1).map((c) => ({
        id: c.id,
        author: person(c.authorId),
        body: c.deletedAt === null ? c.body : "",
        createdAt: c.createdAt,
        editedAt: c.deletedAt === null ? c.editedAt : null,
        deleted: c.deletedAt !== null,
        mine: c.authorId === actor.id,
      })),
    });
  }
  return { threads };
}

/** Where a new thread's quoted passage is in the note: at the offset given when it matches there exactly (an editor's selection), else found as the reading view shows it. */
function anchorFor(body: string, quote: { quote: string; prefix?: string; suffix?: string; start?: number }): CommentAnchor {
  if (quote.start !== undefined && body.slice(quote.start, quote.start + quote.quote.length) === quote.quote) return anchorAt(body, quote.start, quote.start + quote.quote.length);
  const found = locateQuote(body, quote.quote, quote);
  if (!found) throw badRequest("That passage is no longer in the note: select it again.");
  return found;
}

/**
 * Starts a thread on a note (optionally on a passage of it), a question or a forecast, in a notebook the actor reads;
 * members it mentions get an inbox item. Returns the comment's id, which is also the thread's.
 */
export async function createComment(
  actor: Actor,
  input: { targetType: CommentTarget; targetId: string; body: string; anchor?: { quote: string; prefix?: string; suffix?: string; start?: number } },
): Promise<{ id: string; threadId: string }> {
  const target = await targetFor(actor, input.targetType, input.targetId);
  if (target.note?.trashed) throw badRequest("This note is in the trash. Restore it before commenting on it.");
  let anchor: CommentAnchor | null = null;
  if (input.anchor) {
    if (!target.note) throw badRequest("Only a note's passage can be quoted; comment on the question or the forecast as a whole.");
    anchor = anchorFor(target.note.body, input.anchor);
  }
  const id = newId();
  const now = new Date();
  await transaction(async (tx) => {
    await tx.insert(comments).values({ id, notebookId: target.notebookId, targetType: input.targetType, targetId: input.targetId, threadId: null, authorId: actor.id, body: input.body, anchor, createdAt: now });
    await recordEvent(tx, { actorId: actor.id, action: "comment.create", targetType: "comment", targetId: id, notebookId: target.notebookId, data: eventData(input, id) });
    await recordMentions(tx, actor, { notebookId: target.notebookId, sourceType: "comment", sourceId: id, href: `${target.href}#comment-${id}` }, input.body, "", now);
  });
  return { id, threadId: id };
}

/** Replies in a thread the actor reads; members it mentions get an inbox item. */
export async function replyToComment(actor: Actor, input: { threadId: string; body: string }): Promise<{ id: string; threadId: string }> {
  const root = await threadFor(actor, input.threadId);
  const href = await hrefOf(root.targetType, root.targetId);
  const id = newId();
  await transaction(async (tx) => {
    // After every comment already in the thread, even within the same millisecond, so the order reads as written.
    const [latest] = await tx.select({ at: comments.createdAt }).from(comments).where(eq(comments.threadId, root.id)).orderBy(desc(comments.createdAt)).limit(1);
    const after = Math.max(root.createdAt.getTime(), latest?.at.getTime() ?? 0) + 1;
    const now = new Date(Math.max(Date.now(), after));
    await tx.insert(comments).values({ id, notebookId: root.notebookId, targetType: root.targetType, targetId: root.targetId, threadId: root.id, authorId: actor.id, body: input.body, createdAt: now });
    await recordEvent(tx, { actorId: actor.id, action: "comment.reply", targetType: "comment", targetId: id, notebookId: root.notebookId, data: eventData(root, root.id) });
    await recordMentions(tx, actor, { notebookId: root.notebookId, sourceType: "comment", sourceId: id, href: `${href}#comment-${root.id}` }, input.body, "", now);
  });
  return { id, threadId: root.id };
}

/** Changes the text of the actor's own comment (FORBIDDEN for anyone else's); members newly mentioned get an inbox item. */
export async function editComment(actor: Actor, input: { id: string; body: string }): Promise<{ id: string; editedAt: Date }> {
  const { row } = await commentFor(actor, input.id);
  if (row.deletedAt) throw notFoundComment();
  if (row.authorId !== actor.id) throw forbidden("Only its author can edit a comment.");
  const threadId = row.threadId ?? row.id;
  const href = await hrefOf(row.targetType, row.targetId);
  const now = new Date();
  await transaction(async (tx) => {
    await tx.update(comments).set({ body: input.body, editedAt: now }).where(eq(comments.id, row.id));
    await recordEvent(tx, { actorId: actor.id, action: "comment.edit", targetType: "comment", targetId: row.id, notebookId: row.notebookId, data: eventData(row, threadId) });
    await recordMentions(tx, actor, { notebookId: row.notebookId, sourceType: "comment", sourceId: row.id, href: `${href}#comment-${threadId}` }, input.body, row.body, now);
  });
  return { id: row.id, editedAt: now };
}

/** Deletes a comment (softly: its place in the thread stays): the actor's own, or any in a notebook the actor owns. */
export async function removeComment(actor: Actor, input: { id: string }): Promise<{ removed: true }> {
  const { row, role } = await commentFor(actor, input.id);
  if (row.authorId !== actor.id && role !== "owner") throw forbidden("Only its author or the notebook's owner can delete a comment.");
  if (row.deletedAt) return { removed: true };
  await transaction(async (tx) => {
    const gone = await tx
      .update(comments)
      .set({ deletedAt: new Date() })
      .where(and(eq(comments.id, row.id), isNull(comments.deletedAt)))
      .returning({ id: comments.id });
    if (gone.length === 0) return;
    await forgetMentions(tx, "comment", row.id);
    await recordEvent(tx, { actorId: actor.id, action: "comment.delete", targetType: "comment", targetId: row.id, notebookId: row.notebookId, data: eventData(row, row.threadId ?? row.id) });
  });
  return { removed: true };
}

async function setResolved(actor: Actor, threadId: string, resolved: boolean): Promise<{ threadId: string; resolvedAt: Date | null }> {
  const root = await threadFor(actor, threadId);
  if ((root.resolvedAt !== null) === resolved) return { threadId: root.id, resolvedAt: root.resolvedAt };
  const resolvedAt = resolved ? new Date() : null;
  return await transaction(async (tx) => {
    const changed = await tx
      .update(comments)
      .set({ resolvedAt, resolvedBy: resolved ? actor.id : null })
      .where(and(eq(comments.id, root.id), resolved ? isNull(comments.resolvedAt) : isNotNull(comments.resolvedAt)))
      .returning({ resolvedAt: comments.resolvedAt });
    if (changed.length === 0) {
      const [now] = await tx.select({ resolvedAt: comments.resolvedAt }).from(comments).where(eq(comments.id, root.id));
      return { threadId: root.id, resolvedAt: now?.resolvedAt ?? null };
    }
    await recordEvent(tx, { actorId: actor.id, action: resolved ? "comment.resolve" : "comment.reopen", targetType: "comment", targetId: root.id, notebookId: root.notebookId, data: eventData(root, root.id) });
    return { threadId: root.id, resolvedAt };
  });
}

/** Marks a thread resolved (any member, viewers included); an already resolved thread is left as it is. */
export async function resolveThread(actor: Actor, input: { threadId: string }): Promise<{ threadId: string; resolvedAt: Date | null }> {
  return await setResolved(actor, input.threadId, true);
}

/** Opens a resolved thread again (any member); an open thread is left as it is. */
export async function reopenThread(actor: Actor, input: { threadId: string }): Promise<{ threadId: string; resolvedAt: Date | null }> {
  return await setResolved(actor, input.threadId, false);
}

/**
 * True when the note in `noteIdColumn` has open threads anchored to its text (what noteSavedForComments re-anchors), as
 * a column: a save asks in the statement that writes the note, and skips the threads' read when there are none.
 */
export function hasAnchoredThreads(noteIdColumn: Column): SQL<boolean> {
  const c = sql`${comments}`;
  return sql`exists (select 1 from ${c} where ${c}.target_type = 'note' and ${c}.target_id = ${qualified(noteIdColumn)} and ${c}.thread_id is null and ${c}.resolved_at is null and ${c}.anchor is not null)`.mapWith(Boolean);
}

// Prepared once: it runs in every save that changes a note's text (autosave included).
const anchoredThreadsQuery = prepared("comments_anchored_threads", (db) =>
  db
    .select({ id: comments.id, anchor: comments.anchor, detached: comments.detached })
    .from(comments)
    .where(and(eq(comments.targetType, "note"), eq(comments.targetId, sql.placeholder("noteId")), isNull(comments.threadId), isNull(comments.resolvedAt), isNotNull(comments.anchor))),
);

/**
 * What a note's save means for its comments and mentions; call inside the saving transaction. Members newly mentioned
 * in the body get an inbox item. The note's open anchored threads are re-anchored: one indexed read, and a write only
 * for a thread whose passage moved, changed or went (detached, keeping the text it was on) or came back. With
 * `opts.anchoredThreads` false (the save saw none, through hasAnchoredThreads), nothing is read for them.
 */
export async function noteSavedForComments(
  tx: Tx,
  actor: Actor,
  note: { id: string; notebookId: string },
  body: string,
  previousBody?: string,
  at = new Date(),
  opts: { anchoredThreads?: boolean } = {},
): Promise<void> {
  await recordMentions(tx, actor, { notebookId: note.notebookId, sourceType: "note", sourceId: note.id, href: `/notes/${note.id}` }, body, previousBody ?? "", at);
  if (previousBody === undefined || previousBody === body || opts.anchoredThreads === false) return;
  const threads = await anchoredThreadsQuery().execute({ noteId: note.id });
  for (const t of threads) {
    if (!t.anchor) continue;
    const moved = reanchor(t.anchor, body);
    if (moved === null) {
      if (!t.detached) await tx.update(comments).set({ detached: true }).where(eq(comments.id, t.id));
      continue;
    }
    const same = !t.detached && moved.start === t.anchor.start && moved.end === t.anchor.end && moved.quote === t.anchor.quote && moved.prefix === t.anchor.prefix && moved.suffix === t.anchor.suffix;
    if (!same) await tx.update(comments).set({ anchor: moved, detached: false }).where(eq(comments.id, t.id));
  }
}
