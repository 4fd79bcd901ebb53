// The connector schedule: every minute, refresh the FRED and Yahoo series that are due (one at a time, never overlapping).
import { logger } from "@/server/logger";
import { refreshDue } from "@/server/services/series-refresh";

const TICK_MS = 60_000;
const globalForJobs = globalThis as unknown as { quireRefreshTimer?: NodeJS.Timeout };

/** Starts the refresh loop once per process; QUIRE_CONNECTORS=0 turns it off. */
export function startRefreshScheduler(): void {
  if (process.env.QUIRE_CONNECTORS === "0" || globalForJobs.quireRefreshTimer) return;
  let running = false;
  globalForJobs.quireRefreshTimer = setInterval(() => {
    if (running) return;
    running = true;
    refreshDue()
      .then((count) => {
        if (count > 0) logger.info({ count }, "connector refreshes ran");
      })
      .catch((err: unknown) => logger.error({ err: { message: (err as Error)?.message } }, "connector schedule failed"))
      .finally(() => {
        running = false;
      });
  }, TICK_MS);
  globalForJobs.quireRefreshTimer.unref();
}
