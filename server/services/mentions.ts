// Mentions: a member called in by `@` in a comment or a note gets one inbox item linking to the place; a non-member mentioned gets nothing, and nobody is told.
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { comments, forecasts, mentions, notebooks, notes, questions, users } from "@/db/schema";
import { excerptAround, MENTION_PATTERN, mentionsIn } from "@/lib/comments/mentions";
import { userMay, type Actor } from "./access";
import type { InboxItem } from "./inbox-item";

export type MentionSource = { notebookId: string; sourceType: "comment" | "note"; sourceId: string; href: string };

/** The people `text` mentions that `previousText` did not, other than the writer (whom recordMentions looks up). */
export function freshMentions(by: Actor, text: string, previousText = ""): Array<{ userId: string }> {
  if (!text.includes("](mention:")) return [];
  const before = new Set(mentionsIn(previousText).map((m) => m.userId));
  return mentionsIn(text).filter((m) => !before.has(m.userId) && m.userId !== by.id);
}

/**
 * Records a mention for each member of the notebook newly mentioned in `text` (not in `previousText`, not the writer);
 * call inside the writing transaction. Mentions of people who are not members are ignored. Nothing is read or written
 * when the text mentions nobody new.
 */
export async function recordMentions(tx: Tx, by: Actor, source: MentionSource, text: string, previousText = "", at = new Date()): Promise<void> {
  const fresh = freshMentions(by, text, previousText);
  if (fresh.length === 0) return;
  const members = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(notebooks, eq(notebooks.id, source.notebookId))
    .where(and(inArray(users.id, fresh.map((m) => m.userId)), userMay(users.id, notebooks.id, "read")));
  if (members.length === 0) return;
  const firstAt = new Map<string, number>();
  for (const m of text.matchAll(MENTION_PATTERN)) if (!firstAt.has(m[2]!)) firstAt.set(m[2]!, m.index);
  await tx
    .insert(mentions)
    .values(members.map((m) => ({ ...source, userId: m.id, byUserId: by.id, excerpt: excerptAround(text, firstAt.get(m.id) ?? 0), at })))
    .onConflictDoNothing();
}

/** Forgets the mentions a comment made (it was deleted). */
export async function forgetMentions(tx: Tx, sourceType: "comment" | "note", sourceId: string): Promise<void> {
  await tx.delete(mentions).where(and(eq(mentions.sourceType, sourceType), eq(mentions.sourceId, sourceId)));
}

/** How many of the latest mentions the inbox lists. */
const MENTIONS_LISTED = 100;

/**
 * The user's mentions as inbox items, newest first, in the notebooks they still read (`readable`), each saying who
 * mentioned them where, with a line around the mention. A mention whose comment was deleted, or whose note is in the
 * trash or gone, is not listed.
 */
export async function mentionItems(actor: Actor, readable: string[], names: Map<string, string>): Promise<InboxItem[]> {
  if (readable.length === 0) return [];
  const db = getDb();
  const rows = await db
    .select({ id: mentions.id, notebookId: mentions.notebookId, sourceType: mentions.sourceType, sourceId: mentions.sourceId, href: mentions.href, excerpt: mentions.excerpt, at: mentions.at, byName: users.name })
    .from(mentions)
    .leftJoin(users, eq(users.id, mentions.byUserId))
    .where(and(eq(mentions.userId, actor.id), inArray(mentions.notebookId, readable)))
    .orderBy(desc(mentions.at), desc(mentions.id))
    .limit(MENTIONS_LISTED);
  if (rows.length === 0) return [];
  const commentIds = rows.filter((r) => r.sourceType === "comment").map((r) => r.sourceId);
  const commentRows = commentIds.length === 0 ? [] : await db.select({ id: comments.id, targetType: comments.targetType, targetId: comments.targetId, deletedAt: comments.deletedAt }).from(comments).where(inArray(comments.id, commentIds));
  const byComment = new Map(commentRows.map((c) => [c.id, c]));
  const forecastIds = commentRows.filter((c) => c.targetType === "forecast").map((c) => Number(c.targetId)).filter((n) => Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647);
  const forecastRows = forecastIds.length === 0 ? [] : await db.select({ id: forecasts.id, questionId: forecasts.questionId }).from(forecasts).where(inArray(forecasts.id, forecastIds));
  const questionOfForecast = new Map(forecastRows.map((f) => [String(f.id), f.questionId]));
  const noteIds = new Set<string>();
  const questionIds = new Set<string>();
  for (const r of rows) {
    if (r.sourceType === "note") noteIds.add(r.sourceId);
    const c = byComment.get(r.sourceId);
    if (r.sourceType !== "comment" || !c) continue;
    if (c.targetType === "note") noteIds.add(c.targetId);
    else if (c.targetType === "question") questionIds.add(c.targetId);
    else if (questionOfForecast.has(c.targetId)) questionIds.add(questionOfForecast.get(c.targetId)!);
  }
  const noteRows = noteIds.size === 0 ? [] : await db.select({ id: notes.id, title: notes.title, deletedAt: notes.deletedAt }).from(notes).where(inArray(notes.id, [...noteIds]));
  const questionRows = questionIds.size === 0 ? [] : await db.select({ id: questions.id, title: questions.title }).from(questions).where(inArray(questions.id, [...questionIds]));
  const noteTitle = new Map(noteRows.filter((n) => !n.deletedAt).map((n) => [n.id, n.title || "Untitled"]));
  const questionTitle = new Map(questionRows.map((q) => [q.id, q.title]));
  return rows.flatMap((r): InboxItem[] => {
    let title: string | undefined;
    let where: string;
    if (r.sourceType === "note") {
      title = noteTitle.get(r.sourceId);
      where = `in “${title}”`;
    } else {
      const c = byComment.get(r.sourceId);
      if (!c || c.deletedAt) return [];
      if (c.targetType === "note") title = noteTitle.get(c.targetId);
      else if (c.targetType === "question") title = questionTitle.get(c.targetId);
      else title = questionTitle.get(questionOfForecast.get(c.targetId) ?? "");
      where = c.targetType === "forecast" ? `in a comment on a forecast on “${title}”` : `in a comment on “${title}”`;
    }
    if (title === undefined) return [];
    return [
      {
        key: `mention:${r.id}`,
        kind: "mention",
        notebookName: names.get(r.notebookId) ?? "",
        title,
        detail: `${r.byName ?? "Someone"} mentioned you ${where}${r.excerpt ? `: ${r.excerpt}` : ""}`,
        href: r.href,
        at: r.at,
      },
    ];
  });
}
