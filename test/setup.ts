// Per test file: a fresh temporary SQLite database and fresh in-memory limits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-"));
process.env.QUIRE_DB_PATH = path.join(dir, "quire.db");
process.env.QUIRE_LOG_LEVEL = "silent";
const g = globalThis as { quireDb?: { $client: { close(): void } }; quireSignInFailures?: unknown };
g.quireDb = undefined;
g.quireSignInFailures = undefined;

afterAll(() => {
  g.quireDb?.$client.close();
  g.quireDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});
