// Browser sessions on the server: started at sign-in, checked on every request, ended by sign-out, sign out everywhere and password change.
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { prepared } from "./prepared";

/** How long a session lasts without signing in again (the session cookie's lifetime too). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export type SessionOwner = { id: string; email: string; name: string };

/** Starts a session for the user and returns its id (256 random bits, base64url). */
export function startSession(userId: string, now = Date.now()): string {
  const id = randomBytes(32).toString("base64url");
  getDb()
    .insert(sessions)
    .values({ id, userId, createdAt: new Date(now), expiresAt: new Date(now + SESSION_MAX_AGE_S * 1000) })
    .run();
  return id;
}

const liveSessionQuery = prepared((db) =>
  db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        eq(sessions.userId, sql.placeholder("userId")),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql.placeholder("now")),
        eq(users.sessionVersion, sql.placeholder("sessionVersion")),
      ),
    )
    .prepare(),
);

/**
 * The owner of a session that is still live (exists, belongs to the user, not ended, not expired, and issued
 * under the user's current session version), or null. One prepared read, made on every request.
 */
export function liveSessionOwner(sessionId: string, userId: string, sessionVersion: number, now = Date.now()): SessionOwner | null {
  return liveSessionQuery().get({ sessionId, userId, now, sessionVersion }) ?? null;
}

/** Ends one session (sign-out); ending an unknown or already ended session changes nothing. */
export function endSession(sessionId: string, now = Date.now()): void {
  getDb()
    .update(sessions)
    .set({ endedAt: new Date(now) })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .run();
}

/** Ends every live session of the user, inside the caller's transaction when given one. */
export function endAllSessions(userId: string, tx: Tx | ReturnType<typeof getDb> = getDb(), now = Date.now()): number {
  return tx
    .update(sessions)
    .set({ endedAt: new Date(now) })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .run().changes;
}
