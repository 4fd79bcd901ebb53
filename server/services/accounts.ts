// Accounts: registration, password checks with throttling, session versions, password change.
import { eq, sql } from "drizzle-orm";
import { getDb, transaction, prepared } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { passwordWeakness } from "@/lib/validation/account";
import type { Actor } from "./access";
import { recordEvent } from "./audit";
import { badRequest, conflict, DomainError, unauthorized } from "./errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";
import { signInSucceeded, takeRegistrationAttempt, takeSignInAttempt } from "./rate-limit";
import { endAllSessions } from "./sessions";

export type PublicUser = { id: string; email: string; name: string };

export const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or use another email.";

export const TOO_MANY_REGISTRATIONS = "Too many accounts were created from your network in the last hour. Try again later.";

/**
 * Creates an account; the email must be free and the password strong enough. With `from.address` (a request
 * from a client), registrations from that address are throttled; server-side callers (tests, tools) omit it.
 */
export async function register(input: { name: string; email: string; password: string }, from?: { address: string }): Promise<PublicUser> {
  if (from && (await takeRegistrationAttempt(from.address)) > 0) throw new DomainError("TOO_MANY_REQUESTS", TOO_MANY_REGISTRATIONS);
  const email = input.email.trim().toLowerCase();
  const weakness = passwordWeakness(input.password, { email, name: input.name });
  if (weakness) throw badRequest(weakness);
  const passwordHash = await hashPassword(input.password);
  const user = { id: newId(), email, name: input.name.trim(), passwordHash };
  try {
    await transaction(async (tx) => {
      await tx.insert(users).values(user);
      await recordEvent(tx, { actorId: user.id, action: "user.registered", targetType: "user", targetId: user.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(EMAIL_TAKEN);
    throw error;
  }
  return { id: user.id, email: user.email, name: user.name };
}

export type AuthenticateResult =
  | { kind: "ok"; user: PublicUser & { sessionVersion: number } }
  | { kind: "invalid" }
  | { kind: "rate_limited"; retryAfterMs: number };

/**
 * Checks an email and password from a client address. Unknown email and wrong password look the same (same
 * answer, same time). Each attempt is counted against the account and the address before the password is
 * checked, so concurrent attempts cannot outrun the limit; only a right password clears the account's count.
 */
export async function authenticate(emailInput: string, password: string, address: string): Promise<AuthenticateResult> {
  const email = emailInput.trim().toLowerCase();
  const wait = await takeSignInAttempt(email, address);
  if (wait > 0) return { kind: "rate_limited", retryAfterMs: wait };
  const [user] = await getDb().select().from(users).where(eq(users.email, email));
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!ok || !user) return { kind: "invalid" };
  await signInSucceeded(email, address);
  return { kind: "ok", user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** The user's current session version, or null when the user no longer exists. */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const [row] = await sessionVersionQuery().execute({ userId });
  return row?.v ?? null;
}

const sessionVersionQuery = prepared("accounts_session_version", (db) =>
  db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, sql.placeholder("userId"))),
);

/** The signed-in user's own profile. */
export async function me(actor: Actor): Promise<PublicUser> {
  const [row] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row) throw unauthorized("Your account no longer exists. Sign in again.");
  return row;
}

/** Ends every session of the actor, this one included: each session row ends and the session version moves on. */
export async function signOutEverywhere(actor: Actor): Promise<{ sessionVersion: number }> {
  return await transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) throw unauthorized("Your account no longer exists. Sign in again.");
    await endAllSessions(tx, actor.id);
    await recordEvent(tx, { actorId: actor.id, action: "user.signed_out_everywhere", targetType: "user", targetId: actor.id });
    return row;
  });
}

/** Changes the password after checking the current one; every existing session ends. */
export async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw unauthorized("Your account no longer exists. Sign in again.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw badRequest("Your current password is not right.");
  }
  const weakness = passwordWeakness(input.newPassword, { email: user.email, name: user.name });
  if (weakness) throw badRequest(weakness);
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(async (tx) => {
    await tx.update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
    await endAllSessions(tx, actor.id);
    await recordEvent(tx, { actorId: actor.id, action: "user.password_changed", targetType: "user", targetId: actor.id });
  });
}
