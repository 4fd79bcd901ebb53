// Throttling kept in the database: attempts counted per key in a fixed window, atomically, before the work they guard.
import { getDb } from "@/db/client";
import { preparedSql } from "./prepared";

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

const HIT_SQL = `
  INSERT INTO rate_limits (key, count, reset_at) VALUES (@key, 1, @now + @windowMs)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN reset_at <= @now THEN 1 ELSE count + 1 END,
    reset_at = CASE WHEN reset_at <= @now THEN @now + @windowMs ELSE reset_at END
  RETURNING count, reset_at AS resetAt`;

type Hit = { count: number; resetAt: number };

const PRUNE_EVERY = 1_000;
let hitsSincePrune = 0;

/** Counts one attempt against the key and returns the count in the current window (one atomic statement). */
function hit(key: string, windowMs: number, now: number): Hit {
  if (++hitsSincePrune >= PRUNE_EVERY) {
    hitsSincePrune = 0;
    pruneRateLimits(now);
  }
  return preparedSql(HIT_SQL).get({ key, now, windowMs }) as Hit;
}

function waitFor(h: Hit, limit: number, now: number): number {
  return h.count > limit ? Math.max(1, h.resetAt - now) : 0;
}

/**
 * Counts a sign-in attempt against the account and the address before the password is checked, and returns
 * milliseconds to wait (0 when this attempt may go on). One transaction: concurrent attempts cannot all slip under the limit.
 */
export function takeSignInAttempt(email: string, address: string, now = Date.now()): number {
  return getDb().$client.transaction(() => {
    const account = hit(`signin:account:${email}`, SIGN_IN_LIMITS.windowMs, now);
    const byAddress = hit(`signin:address:${address}`, SIGN_IN_LIMITS.windowMs, now);
    return Math.max(waitFor(account, SIGN_IN_LIMITS.perAccount, now), waitFor(byAddress, SIGN_IN_LIMITS.perAddress, now));
  })();
}

/** After a right password: forgets the account's attempts and gives the address back the attempt it spent. */
export function signInSucceeded(email: string, address: string): void {
  preparedSql("DELETE FROM rate_limits WHERE key = ?").run(`signin:account:${email}`);
  preparedSql("UPDATE rate_limits SET count = max(count - 1, 0) WHERE key = ?").run(`signin:address:${address}`);
}

/** Counts a registration attempt from the address; milliseconds to wait, or 0 when it may go on. */
export function takeRegistrationAttempt(address: string, now = Date.now()): number {
  const limits = registerLimits();
  return waitFor(hit(`register:address:${address}`, limits.windowMs, now), limits.perAddress, now);
}

/** Drops counters whose window has passed (called now and then, so the table stays small). */
export function pruneRateLimits(now = Date.now()): number {
  return preparedSql("DELETE FROM rate_limits WHERE reset_at <= ?").run(now).changes;
}
