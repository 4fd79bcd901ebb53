// Browser sessions on the server: started at sign-in, checked on every request, ended by sign-out, sign out everywhere and password change.
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { localStateStamp, stateStamp, transaction, type Db, type Tx, prepared } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { StampedCache, withStamp } from "./read-stamp";

/** How long a session lasts without signing in again (the session cookie's lifetime too). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export type SessionOwner = { id: string; email: string; name: string };

/** Starts a session for the user and returns its id (256 random bits, base64url). */
export async function startSession(userId: string, now = Date.now()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await transaction((tx) => tx.insert(sessions).values({ id, userId, createdAt: new Date(now), expiresAt: new Date(now + SESSION_MAX_AGE_S * 1000) }));
  return id;
}

const sessionById = prepared("session_by_id", (db: Db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionUserId: sessions.userId,
      endedAt: sessions.endedAt,
      expiresAt: sessions.expiresAt,
      sessionVersion: users.sessionVersion,
      stamp: stateStamp(),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("sessionId"))),
);

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionById>["execute"]>>[number];

// Session rows as last read, by session id, with the state they were read under: where the state stamp costs next to
// nothing to read (SQLite), a request in an unchanged database (no commit since: no sign-out, no password change) is
// checked against the row it would read. The conditions below are checked every time.
const sessionRows = new StampedCache<SessionRow | undefined>(5_000);

async function sessionRow(sessionId: string): Promise<SessionRow | undefined> {
  const stamp = localStateStamp();
  if (stamp !== undefined) {
    const kept = sessionRows.get(sessionId, stamp);
    if (kept) return kept;
  }
  const [row] = await sessionById().execute({ sessionId });
  if (stamp !== undefined && row && row.stamp === stamp) sessionRows.set(sessionId, stamp, row, true);
  return row;
}

/**
 * The owner of a session that is still live (exists, belongs to the user, not ended, not expired, and issued
 * under the user's current session version), or null. One prepared, indexed read by primary key, made on every
 * request; the conditions are checked here, so the statement takes only strings on both stores. The owner carries the
 * database's state stamp the read saw (read-stamp.ts), so per-server caches can answer this request without a read.
 */
export async function liveSessionOwner(sessionId: string, userId: string, sessionVersion: number, now = Date.now()): Promise<SessionOwner | null> {
  const row = await sessionRow(sessionId);
  if (!row || row.sessionUserId !== userId || row.endedAt !== null || row.sessionVersion !== sessionVersion) return null;
  if (row.expiresAt.getTime() <= now) return null;
  return withStamp({ id: row.id, email: row.email, name: row.name }, row.stamp);
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
