// When a connector series refreshes next: its interval with jitter, or an exponential backoff after failures.
const DAY_MS = 24 * 60 * 60 * 1000;
const JITTER = 0.1;

/**
 * The time (ms since the epoch) of the next refresh. With no failures: `now + intervalMs`, ±10% jitter so that series
 * set up together do not all refresh at once. After `consecutiveFailures` failures: `intervalMs / 8`, doubling with
 * each further failure, capped at 24 hours before the same ±10% jitter. `random` returns a number in [0, 1).
 */
export function nextRefreshAt(now: number, intervalMs: number, consecutiveFailures: number, random: () => number = Math.random): number {
  const interval = Math.max(0, intervalMs);
  const failures = Math.max(0, Math.floor(consecutiveFailures));
  const base = failures === 0 ? interval : Math.min((interval / 8) * 2 ** Math.min(failures - 1, 40), DAY_MS);
  const jitter = 1 + (random() * 2 - 1) * JITTER;
  return now + Math.round(base * jitter);
}
