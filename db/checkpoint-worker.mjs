// WAL checkpoints off the request path: server.mjs runs this in a worker thread with its own connection,
// and the serving connection turns automatic checkpoints off (QUIRE_BACKGROUND_CHECKPOINTS, db/client.ts),
// so no request waits for a checkpoint's copying and fsyncs.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, synchronous, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
db.pragma(`synchronous = ${synchronous}`);
db.pragma("busy_timeout = 5000");

/** Copies what it can from the WAL into the database without waiting for anyone (PASSIVE); returns SQLite's counts. */
function checkpoint() {
  try {
    return db.pragma("wal_checkpoint(PASSIVE)")[0];
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort?.on("message", (message) => {
  if (message === "stop") {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort?.close();
  }
});
