// Data rules resolve questions on their own: after every series change in a notebook, and once a minute for the calendar.
import { logger } from "@/server/logger";
import { seriesChanges } from "@/server/services/live";
import { resolveByRules } from "@/server/services/question-resolution";

const TICK_MS = 60_000;
const globalForJobs = globalThis as unknown as { quireRuleTimer?: NodeJS.Timeout };

async function run(notebookId?: string): Promise<void> {
  try {
    const resolved = await resolveByRules({ notebookId });
    if (resolved.length > 0) logger.info({ resolved }, "questions resolved by their data rules");
  } catch (err) {
    logger.error({ err: { message: (err as Error)?.message } }, "question rules failed");
  }
}

/** Starts the rule checks once per process. */
export async function startQuestionRules(): Promise<void> {
  if (globalForJobs.quireRuleTimer) return;
  globalForJobs.quireRuleTimer = setInterval(() => run(), TICK_MS);
  globalForJobs.quireRuleTimer.unref();
  void (async () => {
    for await (const change of seriesChanges()) await run(change.notebookId);
  })();
  await run();
}
