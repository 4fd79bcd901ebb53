// Moving a team to PostgreSQL: the e2e server's SQLite database, copied with db:copy into an empty PostgreSQL database,
// serves the same share links (a live one and a snapshot) from a server on PostgreSQL as from the server on SQLite.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestDatabase, ensurePostgres } from "../db/pg-test-server.mjs";
import { baseURL } from "../playwright.config";
import { registerAccount, signIn, trpcMutation } from "./helpers/http";
import { freePort, startQuire, waitForHealth, type QuireServer } from "./support/quire-cluster";

type CopyReport = { ok: boolean; tables: Array<{ table: string; sqliteRows: number; postgresRows: number; ok: boolean }> };
type DbCopy = { copyDatabase(options: { from?: string; to: string; log?: (line: string) => void }): Promise<CopyReport> };

let database: { url: string; drop(): Promise<void> } | undefined;
let onPostgres: QuireServer | undefined;
let logDir = "";

test.afterAll(async () => {
  await onPostgres?.stop();
  await database?.drop();
  if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
});

async function mutate<T>(procedure: string, input: unknown, cookie: string): Promise<T> {
  const reply = await trpcMutation(baseURL, procedure, input, { cookie, headers: { origin: baseURL } });
  expect(reply.status, `${procedure}: ${reply.body.slice(0, 300)}`).toBe(200);
  return reply.data as T;
}

test("a copied database serves the same share links on PostgreSQL as on SQLite", async ({ page }) => {
  test.setTimeout(120_000);
  const user = await registerAccount(baseURL, "copy");
  const { cookie } = await signIn(baseURL, user.email, user.password);
  const { id: notebookId } = await mutate<{ id: string }>("notebooks.create", { name: "Desk moving to PostgreSQL" }, cookie);
  const note = await mutate<{ id: string; version: number }>("notes.create", { notebookId, title: "Before the move" }, cookie);
  const first = await mutate<{ version: number }>("notes.update", { id: note.id, baseVersion: note.version, body: "Written on SQLite: small caps lead by **seven points**." }, cookie);
  const snapshot = await mutate<{ path: string }>("share.create", { targetType: "note", targetId: note.id, label: "Snapshot", mode: "snapshot" }, cookie);
  await mutate("notes.update", { id: note.id, baseVersion: first.version, body: "Edited after the snapshot: the lead held." }, cookie);
  const live = await mutate<{ path: string }>("share.create", { targetType: "note", targetId: note.id, label: "Live", mode: "live" }, cookie);

  // Plain JavaScript without a declaration file (tsconfig has allowJs off): imported by path, typed above.
  const { copyDatabase } = (await import(path.resolve("scripts/db-copy.mjs"))) as DbCopy;
  database = await createTestDatabase(await ensurePostgres(), "quire_e2e_copy");
  const report = await copyDatabase({ from: path.join(process.env.E2E_DATA_DIR ?? "data/e2e", "quire.db"), to: database.url });
  expect(report.ok).toBe(true);
  expect(report.tables.filter((t) => !t.ok)).toEqual([]);
  expect(report.tables.find((t) => t.table === "share_links")?.postgresRows).toBeGreaterThanOrEqual(2);

  logDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-copy-logs-"));
  onPostgres = startQuire("copied", { port: await freePort(), databaseUrl: database.url, logDir, env: { QUIRE_DEMO: "0", QUIRE_CONNECTORS: "0" } });
  await waitForHealth(onPostgres);

  for (const [link, text, gone] of [
    [snapshot.path, "Written on SQLite: small caps lead by seven points.", "Edited after the snapshot"],
    [live.path, "Edited after the snapshot: the lead held.", "Written on SQLite"],
  ] as const) {
    const shown: string[] = [];
    for (const base of [baseURL, onPostgres.url]) {
      const response = await page.goto(base + link);
      expect(response?.status(), `${base}${link}`).toBe(200);
      await expect(page.locator("main")).toContainText(text);
      await expect(page.locator("main")).not.toContainText(gone);
      shown.push(await page.locator("main").innerText());
    }
    expect(shown[1], "the page on PostgreSQL reads as on SQLite").toBe(shown[0]);
  }
});
