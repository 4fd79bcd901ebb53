// Browser sessions on the server: started at sign-in, checked on every request, ended by sign-out, sign out everywhere and password change.
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, transaction, type Tx } from "@/db/client";
import { sessions, users } from "@/db/schema";

/** How long a session lasts without signing in again (the session cookie's lifetime too). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export type SessionOwner = { id: string; email: string; name: string };

/** Starts a session for the user and returns its id (256 random bits, base64url). */
export async function startSession(userId: string, now = Date.now()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await transaction((tx) => tx.insert(sessions).values({ id, userId, createdAt: new Date(now), expiresAt: new Date(now + SESSION_MAX_AGE_S * 1000) }));
  return id;
}

/**
 * The owner of a session that is still live (exists, belongs to the user, not ended, not expired, and issued
 * under the user's current session version), or null. One indexed read, made on every request.
 */
export async function liveSessionOwner(sessionId: string, userId: string, sessionVersion: number, now = Date.now()): Promise<SessionOwner | null> {
  const [owner] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, new Date(now)),
        eq(users.sessionVersion, sessionVersion),
      ),
    );
  return owner ?? null;
}

/** Ends one session (sign-out); ending an unknown or already ended session changes nothing. */
export async function endSession(sessionId: string, now = Date.now()): Promise<void> {
  await transaction((tx) =>
    tx
      .update(sessions)
      .set({ endedAt: new Date(now) })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))),
  );
}

/** Ends every live session of the user, inside the caller's transaction. */
export async function endAllSessions(tx: Tx, userId: string, now = Date.now()): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: new Date(now) })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}
