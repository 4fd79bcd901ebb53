// Where Quire keeps its data: the data directory and the SQLite file, worked out here only (server.mjs, scripts, db/client.ts, drizzle.config.ts).
import path from "node:path";

/** The data directory: QUIRE_DATA_DIR, else ./data (resolved against the working directory). */
export function dataDirectory() {
  return path.resolve(process.env.QUIRE_DATA_DIR ?? "data");
}

/** The SQLite database file: QUIRE_DB_PATH, else quire.db inside the data directory. */
export function databaseFile() {
  if (process.env.QUIRE_DB_PATH) return path.resolve(process.env.QUIRE_DB_PATH);
  return path.join(dataDirectory(), "quire.db");
}
