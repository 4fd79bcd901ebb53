// WAL checkpoints off the request path: server.mjs runs this in a worker thread with its own connection,
// often enough that the serving connection's automatic checkpoints (every 1000 WAL pages) rarely come due,
// so a save seldom waits for a checkpoint's copying and fsyncs.
import fs from "node:fs";
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

/** The WAL file's modification time and size, to checkpoint only after writes: a checkpoint call, even one
 * with nothing to copy, made the server's FTS queries markedly slower (measured 6 -> 9-11 ms). */
function walStamp() {
  try {
    const stat = fs.statSync(`${file}-wal`);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return null;
  }
}

let checkpointedAt = walStamp();
const timer = setInterval(() => {
  const stamp = walStamp();
  if (stamp === null || stamp === checkpointedAt) return;
  checkpoint();
  checkpointedAt = walStamp();
}, intervalMs);
parentPort?.on("message", (message) => {
  if (message === "stop") {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort?.close();
  }
});
