// Share links: read-only links to a note, a question or a notebook for people without an account (create shown once, list, revoke, open by token hash).
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, transaction, prepared } from "@/db/client";
import { notebooks, notes, questions, shareLinks, users } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { ShareMode } from "@/lib/share/model";
import { SHARE_TOKEN_PATTERN, type ShareTarget, type ShareTargetType } from "@/lib/validation/share";
import { assertAccessToRowIn, assertNoteAccess, assertNotebookAccess, notebookIdsAllowing, roleIn, userMay, type Actor } from "./access";
import { hashToken } from "./api-tokens";
import { logger } from "@/server/logger";
import { recordEvent } from "./audit";
import { contentVersionOf } from "./notebook-changes";
import { type DomainError, badRequest, notFound } from "./errors";
import { noteAt } from "./note-as-of";
import { questionFor } from "./questions";
import { pinNotebook, pinNoteRevision, pinQuestions, sharedQuestionState, type ShareLinkRow } from "./share-content";

export type ShareLinkSummary = {
  id: string;
  targetType: ShareTargetType;
  targetId: string;
  targetTitle: string;
  notebookId: string;
  notebookName: string;
  label: string;
  mode: ShareMode;
  asOf: Date | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  views: number;
  lastViewedAt: Date | null;
  /** The maker's name, when someone other than the actor made the link. */
  madeBy: string | null;
  /** "paused": its maker's role no longer allows sharing, so it shows nothing until they may again (or it is revoked). */
  status: "active" | "paused" | "expired" | "revoked";
};

function notFoundLink(): DomainError {
  return notFound("share link");
}

function statusOf(row: { revokedAt: Date | null; expiresAt: Date | null }, makerMayShare: boolean, now = Date.now()): ShareLinkSummary["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now) return "expired";
  return makerMayShare ? "active" : "paused";
}

/** A link works only while its maker could still make it: their current role in its notebook allows sharing. */
const makerMayShare = userMay(shareLinks.createdBy, shareLinks.notebookId, "share");

/** The target's notebook, when the actor may share it (owners and editors: the "share" action); a note in the trash cannot be shared. */
async function shareableTarget(actor: Actor, target: ShareTarget, forCreate: boolean): Promise<{ notebookId: string }> {
  if (target.targetType === "note") {
    const { notebookId, deletedAt } = await assertNoteAccess(actor, target.targetId, "share");
    if (forCreate && deletedAt) throw badRequest("This note is in the trash; restore it before sharing it.");
    return { notebookId };
  }
  if (target.targetType === "question") return { notebookId: (await questionFor(actor, target.targetId, "share")).notebookId };
  await assertNotebookAccess(actor, target.targetId, "share");
  return { notebookId: target.targetId };
}

/**
 * Creates a share link to a note, a question or a notebook where the actor is an owner or an editor; the token is
 * returned this once only. A snapshot pins what it shows at this moment: a note's revision (a checkpoint is written
 * when the latest revision is an open edit, which later edits would fold into) and the questions it embeds, a
 * question's state, or the revision of every note of a notebook and their questions; its charts are drawn as of
 * the same moment.
 */
export async function createShareLink(
  actor: Actor,
  input: ShareTarget & { label: string; mode: ShareMode; expiresAt?: Date; asOf?: Date },
): Promise<{ id: string; token: string; path: string }> {
  const { notebookId } = await shareableTarget(actor, input, true);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badRequest("The expiry must be in the future.");
  const token = randomBytes(32).toString("base64url");
  const id = newId();
  await transaction(async (tx) => {
    let pinnedRevisionId: number | null = null;
    let pinned: unknown = null;
    let asOf: Date | null = null;
    if (input.mode === "snapshot") {
      asOf = input.asOf ?? new Date();
      if (input.targetType === "note" && input.asOf) {
        // A past moment: the text that stood then, kept in the link (a revision then may still take in later edits).
        const stood = await noteAt(input.targetId, input.asOf);
        pinned = { ...(await pinQuestions(notebookId, [stood.body], asOf)), note: stood };
      } else if (input.targetType === "note") {
        const pin = await pinNoteRevision(tx, input.targetId, actor.id, asOf);
        pinnedRevisionId = pin.revisionId;
        pinned = await pinQuestions(notebookId, [pin.body], asOf);
      } else if (input.targetType === "question") pinned = await sharedQuestionState(notebookId, input.targetId, asOf);
      else pinned = await pinNotebook(tx, notebookId, actor.id, asOf);
    }
    await tx.insert(shareLinks)
      .values({
        id,
        tokenHash: hashToken(token),
        targetType: input.targetType,
        targetId: input.targetId,
        notebookId,
        label: input.label,
        mode: input.mode,
        pinnedRevisionId,
        pinned,
        asOf,
        expiresAt: input.expiresAt ?? null,
        createdBy: actor.id,
      });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "share.create",
      targetType: "share_link",
      targetId: id,
      notebookId,
      data: { targetType: input.targetType, targetId: input.targetId, label: input.label, mode: input.mode },
    });
  });
  return { id, token, path: `/s/${token}` };
}

async function summaries(actor: Actor, where: SQL | undefined): Promise<ShareLinkSummary[]> {
  const now = Date.now();
  return (await getDb()
    .select({
      link: shareLinks,
      notebookName: notebooks.name,
      noteTitle: notes.title,
      questionTitle: questions.title,
      makerName: users.name,
      makerMayShare: sql<boolean>`${makerMayShare}`.mapWith(Boolean),
    })
    .from(shareLinks)
    .innerJoin(notebooks, eq(notebooks.id, shareLinks.notebookId))
    .innerJoin(users, eq(users.id, shareLinks.createdBy))
    .leftJoin(notes, and(eq(shareLinks.targetType, "note"), eq(notes.id, shareLinks.targetId)))
    .leftJoin(questions, and(eq(shareLinks.targetType, "question"), eq(questions.id, shareLinks.targetId)))
    .where(where)
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id)))
    .map(({ link, notebookName, noteTitle, questionTitle, makerName, makerMayShare }) => ({
      id: link.id,
      targetType: link.targetType,
      targetId: link.targetId,
      targetTitle: (link.targetType === "notebook" ? notebookName : link.targetType === "note" ? noteTitle : questionTitle) ?? "",
      notebookId: link.notebookId,
      notebookName,
      label: link.label,
      mode: link.mode,
      asOf: link.asOf,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      views: link.views + pendingViews(link.id),
      lastViewedAt: pendingLastView(link.id) ?? link.lastViewedAt,
      madeBy: link.createdBy === actor.id ? null : makerName,
      status: statusOf(link, Boolean(makerMayShare), now),
    }));
}

/**
 * The target's share links, whoever made them, newest first, for its notebook's owners and editors (viewers: FORBIDDEN). Never the
 * tokens. Views include those this process counted but has not written yet; another copy of this module (a page
 * Next renders on the server) sees them once written, within a second.
 */
export async function listShareLinks(actor: Actor, target: ShareTarget): Promise<ShareLinkSummary[]> {
  await shareableTarget(actor, target, false);
  return await summaries(actor, and(eq(shareLinks.targetType, target.targetType), eq(shareLinks.targetId, target.targetId)));
}

/**
 * The links of the Shared links page, newest first: those the actor made in notebooks where they may still share,
 * and every link into a notebook they own, whoever made it (so that an owner can revoke a former colleague's link).
 */
export async function listMyShareLinks(actor: Actor): Promise<ShareLinkSummary[]> {
  const made = and(eq(shareLinks.createdBy, actor.id), inArray(shareLinks.notebookId, notebookIdsAllowing(actor, "share")));
  return await summaries(actor, or(made, inArray(shareLinks.notebookId, notebookIdsAllowing(actor, "overseeShares"))));
}

/** Revokes a link at once (owners and editors of its notebook); strangers and missing ids get the same NOT_FOUND. */
export async function revokeShareLink(actor: Actor, id: string): Promise<{ id: string; revokedAt: Date }> {
  const db = getDb();
  const [row] = await db.select().from(shareLinks).where(eq(shareLinks.id, id));
  await assertAccessToRowIn(actor, row?.notebookId, "write", notFoundLink);
  if (!row) throw notFoundLink();
  if (row.revokedAt) return { id, revokedAt: row.revokedAt };
  const revokedAt = new Date();
  await transaction(async (tx) => {
    await tx.update(shareLinks).set({ revokedAt }).where(eq(shareLinks.id, id));
    await recordEvent(tx, { actorId: actor.id, action: "share.revoke", targetType: "share_link", targetId: id, notebookId: row.notebookId });
  });
  return { id, revokedAt };
}

/** An active link found by its token, with its notebook's content version (what the share page cache is keyed by). */
export type OpenShareLink = { link: ShareLinkRow; contentVersion: number };

// Every share page request opens its link: a prepared statement (building the query each time cost most of a cached page's time).
const openLinkQuery = prepared("share_links_open", (db) =>
  db
    .select({ link: shareLinks, contentVersion: contentVersionOf })
    .from(shareLinks)
    .innerJoin(notebooks, eq(notebooks.id, shareLinks.notebookId))
    .where(and(eq(shareLinks.tokenHash, sql.placeholder("tokenHash")), makerMayShare)),
);

/**
 * The active link a token names, or null for a malformed, unknown, revoked or expired token, or one whose maker may no
 * longer share in its notebook (all alike). One indexed read by the token's hash, with its maker's membership; it
 * reads nothing the link does not show.
 */
export async function openShareLink(token: string, now = new Date()): Promise<OpenShareLink | null> {
  if (typeof token !== "string" || !SHARE_TOKEN_PATTERN.test(token)) return null;
  const [row] = await openLinkQuery().execute({ tokenHash: hashToken(token) });
  if (!row || statusOf(row.link, true, now.getTime()) !== "active") return null;
  return { link: row.link, contentVersion: row.contentVersion };
}

// Views are counted in memory and written together once a second (a view is not a user's write: at most a second
// of counts is lost in a crash), so that serving a share page from cache writes nothing on its way.
const VIEW_FLUSH_MS = 1000;
const pending = new Map<string, { views: number; last: Date }>();
let flushTimer: NodeJS.Timeout | null = null;

function pendingViews(id: string): number {
  return pending.get(id)?.views ?? 0;
}

function pendingLastView(id: string): Date | null {
  return pending.get(id)?.last ?? null;
}

/**
 * Counts one view of a link (written within a second, see flushShareViews), unless the visitor is a member of the link's
 * notebook (its own people checking the link are not readers).
 */
export async function recordShareView(linkId: string, at = new Date(), visitor: Actor | null = null, notebookId?: string): Promise<void> {
  if (visitor && notebookId && (await roleIn(visitor, notebookId)) !== null) return;
  const entry = pending.get(linkId);
  if (entry) {
    entry.views += 1;
    entry.last = at;
  } else {
    pending.set(linkId, { views: 1, last: at });
  }
  if (!flushTimer) {
    flushTimer = setTimeout(() => void flushShareViews().catch((err: unknown) => logger.warn({ err: { message: (err as Error)?.message } }, "share views not written yet")), VIEW_FLUSH_MS);
    flushTimer.unref();
  }
}

/** Writes the counted views in one transaction; when the database does not take them, they wait for the next write. */
export async function flushShareViews(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (pending.size === 0) return;
  const counts = [...pending];
  pending.clear();
  try {
    await transaction(async (tx) => {
      for (const [id, { views, last }] of counts) {
        await tx
          .update(shareLinks)
          .set({ views: sql`${shareLinks.views} + ${views}`, lastViewedAt: last })
          .where(eq(shareLinks.id, id));
      }
    });
  } catch (error) {
    for (const [id, { views, last }] of counts) {
      const entry = pending.get(id);
      pending.set(id, entry ? { views: entry.views + views, last: entry.last > last ? entry.last : last } : { views, last });
    }
    throw error;
  }
}
