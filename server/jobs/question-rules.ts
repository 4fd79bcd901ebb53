// Data rules resolve questions on their own: after every series change in a notebook, and once a minute for the calendar.
import { logger } from "@/server/logger";
import { seriesChanges } from "@/server/services/live";
import { resolveByRules } from "@/server/services/question-resolution";

const TICK_MS = 60_000;
const globalForJobs = globalThis as unknown as { quireRuleTimer?: NodeJS.Timeout };

function run(notebookId?: string): void {
  try {
    const resolved = resolveByRules({ notebookId });
    if (resolved.length > 0) logger.info({ resolved }, "questions resolved by their data rules");
  } catch (err) {
    logger.error({ err: { message: (err as Error)?.message } }, "question rules failed");
  }
}

/** Starts the rule checks once per process. */
export function startQuestionRules(): void {
  if (globalForJobs.quireRuleTimer) return;
  globalForJobs.quireRuleTimer = setInterval(() => run(), TICK_MS);
  globalForJobs.quireRuleTimer.unref();
  void (async () => {
    for await (const change of seriesChanges()) run(change.notebookId);
  })();
  run();
}
