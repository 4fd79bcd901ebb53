// Share links: read-only links to a note for people without an account (create shown once, list, revoke, resolve by token hash).
import { createHash, randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, noteRevisions, notebooks, notes, shareLinks } from "@/db/schema";
import { newId } from "@/lib/ids";
import { findEmbeds } from "@/lib/notes/directives";
import { SHARE_TOKEN_PATTERN } from "@/lib/validation/share";
import { assertNoteAccess, assertNotebookAccess, roleIn, type Actor } from "./access";
import { recordEvent } from "./audit";
import { chartForSharedNote } from "./charts";

export type ShareMode = "live" | "snapshot";

export type ShareLinkSummary = {
  id: string;
  targetType: "note" | "question" | "notebook";
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
  status: "active" | "expired" | "revoked";
};

export type SharedChart = { title: string; description: string; svg: string };

/** What a valid share token shows: a note's title and body (live or as pinned), with its charts drawn. */
export type SharedNote = {
  targetType: "note";
  mode: ShareMode;
  title: string;
  body: string;
  notebookName: string;
  /** When the text shown was last edited. */
  editedAt: Date;
  /** For a snapshot: the moment its text and data are pinned to. */
  asOf: Date | null;
  charts: Map<string, SharedChart>;
};

function notFoundLink(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "That share link does not exist, or you have no access to it." });
}

/** The SHA-256 of a share token, hex: the only form in which tokens are stored. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function statusOf(row: { revokedAt: Date | null; expiresAt: Date | null }, now = Date.now()): ShareLinkSummary["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now) return "expired";
  return "active";
}

/**
 * Creates a share link to a note in a notebook where the actor is an owner or an editor; the token is returned this
 * once only. A snapshot pins a revision holding the note's current text (a checkpoint is written when the latest
 * revision is an open edit, which later edits would fold into) and the moment its charts are drawn as of.
 */
export function createShareLink(
  actor: Actor,
  input: { noteId: string; label: string; mode: ShareMode; expiresAt?: Date },
): { id: string; token: string; path: string } {
  const { notebookId, deletedAt } = assertNoteAccess(actor, input.noteId, "write");
  if (deletedAt) throw new TRPCError({ code: "BAD_REQUEST", message: "This note is in the trash; restore it before sharing it." });
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new TRPCError({ code: "BAD_REQUEST", message: "The expiry must be in the future." });
  const token = randomBytes(32).toString("base64url");
  const id = newId();
  getDb().transaction((tx) => {
    let pinnedRevisionId: number | null = null;
    let asOf: Date | null = null;
    if (input.mode === "snapshot") {
      const note = tx.select().from(notes).where(eq(notes.id, input.noteId)).get()!;
      const latest = tx.select().from(noteRevisions).where(eq(noteRevisions.noteId, input.noteId)).orderBy(desc(noteRevisions.id)).limit(1).get();
      asOf = new Date();
      if (latest && latest.kind !== "edit" && latest.noteVersion === note.version && latest.body === note.body && latest.title === note.title) {
        pinnedRevisionId = latest.id;
      } else {
        pinnedRevisionId = tx
          .insert(noteRevisions)
          .values({ noteId: note.id, noteVersion: note.version, title: note.title, body: note.body, kind: "checkpoint", authorId: actor.id, createdAt: asOf, updatedAt: asOf })
          .returning({ id: noteRevisions.id })
          .get().id;
      }
    }
    tx.insert(shareLinks)
      .values({
        id,
        tokenHash: hashShareToken(token),
        targetType: "note",
        targetId: input.noteId,
        notebookId,
        label: input.label,
        mode: input.mode,
        pinnedRevisionId,
        asOf,
        expiresAt: input.expiresAt ?? null,
        createdBy: actor.id,
      })
      .run();
    recordEvent(tx, { actorId: actor.id, action: "share.create", targetType: "share_link", targetId: id, notebookId, data: { noteId: input.noteId, label: input.label, mode: input.mode } });
  });
  return { id, token, path: `/s/${token}` };
}

function summaries(where: ReturnType<typeof and>): ShareLinkSummary[] {
  const now = Date.now();
  return getDb()
    .select({ link: shareLinks, notebookName: notebooks.name, noteTitle: notes.title })
    .from(shareLinks)
    .innerJoin(notebooks, eq(notebooks.id, shareLinks.notebookId))
    .leftJoin(notes, and(eq(shareLinks.targetType, "note"), eq(notes.id, shareLinks.targetId)))
    .where(where)
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
    .all()
    .map(({ link, notebookName, noteTitle }) => ({
      id: link.id,
      targetType: link.targetType,
      targetId: link.targetId,
      targetTitle: noteTitle ?? "",
      notebookId: link.notebookId,
      notebookName,
      label: link.label,
      mode: link.mode,
      asOf: link.asOf,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      views: link.views,
      lastViewedAt: link.lastViewedAt,
      status: statusOf(link, now),
    }));
}

/** The note's share links, newest first, for its notebook's owners and editors (viewers: FORBIDDEN). Never the tokens. */
export function listShareLinks(actor: Actor, noteId: string): ShareLinkSummary[] {
  assertNoteAccess(actor, noteId, "write");
  return summaries(and(eq(shareLinks.targetType, "note"), eq(shareLinks.targetId, noteId)));
}

/** Every share link the actor made, across the notebooks they still belong to, newest first. */
export function listMyShareLinks(actor: Actor): ShareLinkSummary[] {
  const mine = getDb().select({ id: memberships.notebookId }).from(memberships).where(eq(memberships.userId, actor.id));
  return summaries(and(eq(shareLinks.createdBy, actor.id), inArray(shareLinks.notebookId, mine)));
}

/** Revokes a link at once (owners and editors of its notebook); strangers and missing ids get the same NOT_FOUND. */
export function revokeShareLink(actor: Actor, id: string): { id: string; revokedAt: Date } {
  const db = getDb();
  const row = db.select().from(shareLinks).where(eq(shareLinks.id, id)).get();
  if (!row || roleIn(actor, row.notebookId) === null) throw notFoundLink();
  assertNotebookAccess(actor, row.notebookId, "write");
  if (row.revokedAt) return { id, revokedAt: row.revokedAt };
  const revokedAt = new Date();
  db.transaction((tx) => {
    tx.update(shareLinks).set({ revokedAt }).where(eq(shareLinks.id, id)).run();
    recordEvent(tx, { actorId: actor.id, action: "share.revoke", targetType: "share_link", targetId: id, notebookId: row.notebookId });
  });
  return { id, revokedAt };
}

/**
 * What a share token shows, or null for a malformed, unknown, revoked or expired token, or one whose note is gone
 * (all alike). Counts the view. Live: the note's current text; snapshot: the pinned revision, with charts as of the
 * link's moment. Only charts of the note's own notebook that its text embeds are drawn.
 */
export function resolveShareToken(token: string, opts: { width?: number; now?: Date } = {}): SharedNote | null {
  if (typeof token !== "string" || !SHARE_TOKEN_PATTERN.test(token)) return null;
  const db = getDb();
  const now = opts.now ?? new Date();
  const link = db.select().from(shareLinks).where(eq(shareLinks.tokenHash, hashShareToken(token))).get();
  if (!link || statusOf(link, now.getTime()) !== "active" || link.targetType !== "note") return null;
  const note = db
    .select({ id: notes.id, title: notes.title, body: notes.body, updatedAt: notes.updatedAt, deletedAt: notes.deletedAt, notebookName: notebooks.name })
    .from(notes)
    .innerJoin(notebooks, eq(notebooks.id, notes.notebookId))
    .where(and(eq(notes.id, link.targetId), eq(notes.notebookId, link.notebookId)))
    .get();
  if (!note || note.deletedAt) return null;
  let shown: { title: string; body: string; editedAt: Date };
  if (link.mode === "snapshot") {
    if (link.pinnedRevisionId === null) return null;
    const revision = db
      .select({ title: noteRevisions.title, body: noteRevisions.body, updatedAt: noteRevisions.updatedAt })
      .from(noteRevisions)
      .where(and(eq(noteRevisions.id, link.pinnedRevisionId), eq(noteRevisions.noteId, note.id)))
      .get();
    if (!revision) return null;
    shown = { title: revision.title, body: revision.body, editedAt: revision.updatedAt };
  } else {
    shown = { title: note.title, body: note.body, editedAt: note.updatedAt };
  }
  db.update(shareLinks).set({ views: link.views + 1, lastViewedAt: now }).where(eq(shareLinks.id, link.id)).run();
  const asOf = link.mode === "snapshot" ? link.asOf : null;
  const charts = new Map<string, SharedChart>();
  for (const embed of findEmbeds(shown.body)) {
    if (embed.kind !== "chart") continue;
    const chart = chartForSharedNote(link.notebookId, embed.id, { asOf: asOf ?? undefined, width: opts.width });
    if (chart) charts.set(embed.id, chart);
  }
  return { targetType: "note", mode: link.mode, title: shown.title, body: shown.body, notebookName: note.notebookName, editedAt: shown.editedAt, asOf, charts };
}
