// Runs once when the server starts: migrate the database, create the demo unless turned off, and start the connector schedule and the question rules.
const startUp = globalThis as { quireReady?: boolean; quireStartError?: Error };

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { databaseLocation, dialect, prepareDatabase } = await import("./db/client");
    const { demoEnabled, ensureDemo } = await import("./server/services/demo");
    const { logger } = await import("./server/logger");
    await prepareDatabase();
    logger.info({ store: dialect(), database: databaseLocation() }, "database ready");
    if (demoEnabled() && (await ensureDemo())) logger.info("demo notebook created");
    const { startRefreshScheduler } = await import("./server/jobs/refresh-scheduler");
    startRefreshScheduler();
    const { startQuestionRules } = await import("./server/jobs/question-rules");
    await startQuestionRules();
    // Start-up is done: /api/health answers 200 from now on (server/http/edge.ts), and server.mjs prints the address.
    startUp.quireReady = true;
  } catch (error) {
    startUp.quireStartError = error instanceof Error ? error : new Error(String(error));
    throw error;
  }
}
