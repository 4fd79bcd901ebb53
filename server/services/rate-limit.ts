// Sign-in throttling: failures counted per account and per client address in a sliding window.
const WINDOW_MS = 15 * 60 * 1000;

export const SIGN_IN_LIMITS = {
  perAccount: Number(process.env.QUIRE_SIGNIN_MAX_PER_ACCOUNT ?? 5),
  perAddress: Number(process.env.QUIRE_SIGNIN_MAX_PER_ADDRESS ?? 20),
  windowMs: WINDOW_MS,
};

type Buckets = Map<string, number[]>;
const globalForLimits = globalThis as unknown as { quireSignInFailures?: Buckets };
const failures: Buckets = (globalForLimits.quireSignInFailures ??= new Map());

function recent(key: string, now: number): number[] {
  const kept = (failures.get(key) ?? []).filter((t) => now - t < SIGN_IN_LIMITS.windowMs);
  if (kept.length === 0) failures.delete(key);
  else failures.set(key, kept);
  return kept;
}

/** Milliseconds until sign-in may be tried again for this account and address, or 0 when allowed now. */
export function signInBlockedFor(email: string, address: string, now = Date.now()): number {
  const checks: Array<[string, number]> = [
    [`account:${email}`, SIGN_IN_LIMITS.perAccount],
    [`address:${address}`, SIGN_IN_LIMITS.perAddress],
  ];
  let wait = 0;
  for (const [key, limit] of checks) {
    const times = recent(key, now);
    if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + SIGN_IN_LIMITS.windowMs - now);
  }
  return wait;
}

/** Counts one failed sign-in against the account and the address. */
export function recordSignInFailure(email: string, address: string, now = Date.now()): void {
  if (failures.size > 50_000) for (const key of [...failures.keys()]) recent(key, now);
  for (const key of [`account:${email}`, `address:${address}`]) {
    failures.set(key, [...recent(key, now), now]);
  }
}

/** Forgets the account's failures after a successful sign-in. */
export function clearAccountFailures(email: string): void {
  failures.delete(`account:${email}`);
}
