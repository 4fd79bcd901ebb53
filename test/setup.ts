// Per test file: a fresh temporary SQLite database (which holds the sign-in and registration limits too).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-test-"));
process.env.QUIRE_DB_PATH = path.join(dir, "quire.db");
process.env.QUIRE_LOG_LEVEL = "silent";
const g = globalThis as { quireDb?: { $client: { close(): void } }; quireDecodedSessions?: unknown };
g.quireDb = undefined;
g.quireDecodedSessions = undefined;

afterAll(() => {
  g.quireDb?.$client.close();
  g.quireDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});
