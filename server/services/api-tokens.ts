// API tokens for scripts: create (shown once), list, revoke, and authenticate a Bearer token by its SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { apiTokens, notebooks, users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { assertNotebookAccess, readableBy, type Actor } from "./access";
import { recordEvent } from "./audit";
import { DomainError } from "./errors";

const TOKEN_PREFIX = "quire_";
const LAST_USED_GRANULARITY_MS = 60_000;

export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  /** Null when the actor no longer belongs to the token's notebook (the token then reaches nothing). */
  notebookId: string | null;
  notebookName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The SHA-256 of a token, hex: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for a notebook the actor may write to; the token text is returned this once only. */
export async function createToken(actor: Actor, input: { notebookId: string; name: string }): Promise<{ id: string; token: string; prefix: string }> {
  await assertNotebookAccess(actor, input.notebookId, "write");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const id = newId();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  await transaction(async (tx) => {
    await tx.insert(apiTokens).values({ id, userId: actor.id, notebookId: input.notebookId, name: input.name, tokenHash: hashToken(token), prefix });
    await recordEvent(tx, { actorId: actor.id, action: "token.create", targetType: "api_token", targetId: id, notebookId: input.notebookId, data: { name: input.name } });
  });
  return { id, token, prefix };
}

/**
 * The actor's own tokens, newest first, revoked ones included (marked). A token's notebook is named only while the
 * actor still belongs to it; otherwise its id and name are null.
 */
export async function listTokens(actor: Actor): Promise<TokenSummary[]> {
  return await getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      notebookId: notebooks.id,
      notebookName: notebooks.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(notebooks, and(eq(notebooks.id, apiTokens.notebookId), readableBy(notebooks.id, actor)))
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the actor's tokens at once; anyone else's token is NOT_FOUND. */
export async function revokeToken(actor: Actor, id: string): Promise<{ id: string }> {
  const db = getDb();
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id)));
  if (!row) throw new DomainError("NOT_FOUND", "That token does not exist, or it is not yours.");
  if (!row.revokedAt) {
    await transaction(async (tx) => {
      await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
      await recordEvent(tx, { actorId: actor.id, action: "token.revoke", targetType: "api_token", targetId: id, notebookId: row.notebookId });
    });
  }
  return { id };
}

export type TokenPrincipal = { tokenId: string; userId: string; notebookId: string; email: string; name: string };

/** The owner (with email and name) and notebook of a live token, or null for an unknown or revoked one. Notes the last use (per minute). */
export async function authenticateToken(token: string): Promise<TokenPrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDb();
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      notebookId: apiTokens.notebookId,
      lastUsedAt: apiTokens.lastUsedAt,
      email: users.email,
      name: users.name,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await transaction((tx) => tx.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(eq(apiTokens.id, row.id)));
  }
  return { tokenId: row.id, userId: row.userId, notebookId: row.notebookId, email: row.email, name: row.name };
}
