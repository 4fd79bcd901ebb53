// Throttling kept in the database: attempts counted per key in a fixed window, atomically, before the work they guard.
import { eq, lte, sql } from "drizzle-orm";
import { transaction, type Tx } from "@/db/client";
import { rateLimits } from "@/db/schema";

const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
const REGISTER_WINDOW_MS = 60 * 60 * 1000;

export const SIGN_IN_LIMITS = {
  perAccount: Number(process.env.QUIRE_SIGNIN_MAX_PER_ACCOUNT ?? 5),
  perAddress: Number(process.env.QUIRE_SIGNIN_MAX_PER_ADDRESS ?? 20),
  windowMs: SIGN_IN_WINDOW_MS,
};

/** Registrations allowed per client address per hour (QUIRE_REGISTER_MAX_PER_ADDRESS, default 10). */
export function registerLimits(): { perAddress: number; windowMs: number } {
  return { perAddress: Number(process.env.QUIRE_REGISTER_MAX_PER_ADDRESS ?? 10), windowMs: REGISTER_WINDOW_MS };
}

type Hit = { count: number; resetAt: number };

const PRUNE_EVERY = 1_000;
let hitsSincePrune = 0;

/** Counts one attempt against the key and returns the count in the current window (one atomic upsert). */
async function hit(tx: Tx, key: string, windowMs: number, now: number): Promise<Hit> {
  if (++hitsSincePrune >= PRUNE_EVERY) {
    hitsSincePrune = 0;
    await pruneRateLimits(now);
  }
  const expired = sql`${rateLimits.resetAt} <= ${now}`;
  const [row] = await tx
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: now + windowMs })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        resetAt: sql`CASE WHEN ${expired} THEN ${now + windowMs} ELSE ${rateLimits.resetAt} END`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
  return { count: Number(row!.count), resetAt: Number(row!.resetAt) };
}

function waitFor(h: Hit, limit: number, now: number): number {
  return h.count > limit ? Math.max(1, h.resetAt - now) : 0;
}

/**
 * Counts a sign-in attempt against the account and the address before the password is checked, and returns
 * milliseconds to wait (0 when this attempt may go on). Each count is one atomic statement in the database, so
 * concurrent attempts, on this server or another, cannot all slip under the limit.
 */
export async function takeSignInAttempt(email: string, address: string, now = Date.now()): Promise<number> {
  return transaction(async (tx) => {
    const account = await hit(tx, `signin:account:${email}`, SIGN_IN_LIMITS.windowMs, now);
    const byAddress = await hit(tx, `signin:address:${address}`, SIGN_IN_LIMITS.windowMs, now);
    return Math.max(waitFor(account, SIGN_IN_LIMITS.perAccount, now), waitFor(byAddress, SIGN_IN_LIMITS.perAddress, now));
  });
}

/** After a right password: forgets the account's attempts and gives the address back the attempt it spent. */
export async function signInSucceeded(email: string, address: string): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(rateLimits).where(eq(rateLimits.key, `signin:account:${email}`));
    await tx
      .update(rateLimits)
      .set({ count: sql`CASE WHEN ${rateLimits.count} > 0 THEN ${rateLimits.count} - 1 ELSE 0 END` })
      .where(eq(rateLimits.key, `signin:address:${address}`));
  });
}

/** Counts a registration attempt from the address; milliseconds to wait, or 0 when it may go on. */
export async function takeRegistrationAttempt(address: string, now = Date.now()): Promise<number> {
  const limits = registerLimits();
  return waitFor(await transaction((tx) => hit(tx, `register:address:${address}`, limits.windowMs, now)), limits.perAddress, now);
}

/** Drops counters whose window has passed (called now and then, so the table stays small). */
export async function pruneRateLimits(now = Date.now()): Promise<number> {
  const dropped = await transaction((tx) => tx.delete(rateLimits).where(lte(rateLimits.resetAt, now)).returning({ key: rateLimits.key }));
  return dropped.length;
}
