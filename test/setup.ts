// Per test file: a fresh database of the store under test (QUIRE_TEST_STORE=postgres: a new PostgreSQL database, migrated;
// else a temporary SQLite file), which holds the sign-in and registration limits too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

process.env.QUIRE_LOG_LEVEL = "silent";
const g = globalThis as { quireDecodedSessions?: unknown };
g.quireDecodedSessions = undefined;

let dropDatabase: () => Promise<void> = async () => {};
if (process.env.QUIRE_TEST_STORE === "postgres") {
  const { createTestDatabase, ensurePostgres } = await import("@/db/pg-test-server.mjs");
  const database = await createTestDatabase(await ensurePostgres(), "quire_test");
  process.env.DATABASE_URL = database.url;
  dropDatabase = database.drop;
} else {
  delete process.env.DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-"));
  process.env.QUIRE_DB_PATH = path.join(dir, "quire.db");
  dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
}
const { closeDatabase, prepareDatabase } = await import("@/db/client");
await closeDatabase();
await prepareDatabase();

afterAll(async () => {
  await closeDatabase();
  await dropDatabase();
});
