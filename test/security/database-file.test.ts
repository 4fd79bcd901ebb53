// The SQLite file holds password hashes and connector keys: it and its -wal/-shm are readable by their owner only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSqlite } from "@/db/sqlite";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("the database file", () => {
  it("is created 0600, and so are its -wal and -shm, whatever the umask", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-perm-"));
    const file = path.join(dir, "data", "quire.db");
    const umask = process.umask(0o022);
    try {
      const db = openSqlite(file);
      db.$client.prepare("create table t (x)").run();
      expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      expect(modeOf(path.dirname(file))).toBe(0o700);
      db.$client.close();
    } finally {
      process.umask(umask);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is narrowed to 0600 when an older install left it readable by everyone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-perm-"));
    const file = path.join(dir, "quire.db");
    try {
      fs.writeFileSync(file, "", { mode: 0o644 });
      fs.chmodSync(file, 0o644);
      const db = openSqlite(file);
      expect(modeOf(file)).toBe(0o600);
      db.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
