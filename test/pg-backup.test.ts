// docs/deploy.md's backup and restore, run as written: pg_dump of a Quire database in use (the demo, a share link, an API token), pg_restore into an empty database, vacuumdb --analyze-only; every table, sequence and trigger comes back, and the share link opens on the restored database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, prepareDatabase } from "@/db/client";
import { createTestDatabase, ensurePostgres } from "@/db/pg-test-server.mjs";
import { createToken } from "@/server/services/api-tokens";
import { createShareLink, openShareLink } from "@/server/services/share-links";
import { seedDemo, withPg } from "./demo-database";

/** Runs one of PostgreSQL's client programs; fails the test with its own words when it fails. */
function run(program: string, args: string[]): void {
  const result = spawnSync(program, args, { encoding: "utf8", timeout: 60_000 });
  if (result.error) throw new Error(`${program} could not run: ${result.error.message} (it comes with Debian's postgresql-client)`);
  expect(result.status, `${program} ${args.join(" ")}\n${result.stderr}`).toBe(0);
}

/** Every table of every schema but the catalogs (Quire's and the migrations' record), each with its row count and a hash of its rows. */
async function tableSums(url: string): Promise<Record<string, { rows: number; sum: string }>> {
  return withPg(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const sums: Record<string, { rows: number; sum: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; sum: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS sum FROM ${name} t`,
      );
      sums[name] = rows[0]!;
    }
    return sums;
  });
}

/** The triggers on Quire's tables and each sequence's position. */
async function machinery(url: string): Promise<{ triggers: string[]; sequences: Array<{ name: string; last: string | null }> }> {
  return withPg(url, async (client) => ({
    triggers: (await client.query<{ t: string }>("SELECT tgrelid::regclass::text || '.' || tgname AS t FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")).rows.map((r) => r.t),
    sequences: (await client.query<{ name: string; last: string | null }>("SELECT schemaname || '.' || sequencename AS name, last_value::text AS last FROM pg_sequences ORDER BY 1")).rows,
  }));
}

describe("backup with pg_dump, restore with pg_restore (docs/deploy.md)", () => {
  const source = process.env.DATABASE_URL!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-backup-"));
  const dump = path.join(dir, "quire.dump");
  let restored: { url: string; drop: () => Promise<void> };
  let shareToken = "";
  let shareId = "";

  beforeAll(async () => {
    const { owner, notebookId, noteId } = await seedDemo();
    ({ token: shareToken, id: shareId } = await createShareLink(owner, { targetType: "note", targetId: noteId, label: "Client: Acme", mode: "live" }));
    await createToken(owner, { notebookId, name: "loader" });

    // As the guide says: the dump is taken while the server's pool is open; the restore goes into an empty database.
    run("pg_dump", ["--format=custom", `--file=${dump}`, source]);
    restored = await createTestDatabase(await ensurePostgres(), "quire_restored");
    run("pg_restore", ["--no-owner", `--dbname=${restored.url}`, dump]);
    run("vacuumdb", ["--analyze-only", "--quiet", `--dbname=${restored.url}`]);
  });

  afterAll(async () => {
    await closeDatabase();
    process.env.DATABASE_URL = source;
    await restored?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("brings every table back with the same rows, the migrations' record included", async () => {
    const before = await tableSums(source);
    const after = await tableSums(restored.url);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    for (const table of ["public.notes", "public.note_revisions", "public.observations", "public.share_links", "public.api_tokens"]) {
      expect(before[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(Object.keys(before).some((name) => name.includes("__drizzle_migrations"))).toBe(true);
  });

  it("brings the triggers and the sequences' positions back, and the triggers work", async () => {
    const before = await machinery(source);
    expect(before.triggers.length).toBeGreaterThan(0);
    expect(await machinery(restored.url)).toEqual(before);
    await withPg(restored.url, async (client) => {
      const [note] = (await client.query<{ id: string; notebook_id: string }>("SELECT id, notebook_id FROM notes ORDER BY id LIMIT 1")).rows;
      // A notebook's content version: its own plus its notes' change shards (migration 0010).
      const version = async () =>
        (await client.query<{ v: string }>("SELECT (nb.content_version + coalesce((SELECT sum(c.version) FROM notebook_changes c WHERE c.notebook_id = nb.id), 0))::text AS v FROM notebooks nb WHERE nb.id = $1", [note!.notebook_id])).rows[0]!.v;
      const was = await version();
      await client.query("UPDATE notes SET title = title || ' (restored)' WHERE id = $1", [note!.id]);
      expect(Number(await version())).toBeGreaterThan(Number(was));
    });
  });

  it("leaves the restored database analysed, so the planner knows its tables from the first request", async () => {
    await withPg(restored.url, async (client) => {
      // pg_restore's index builds set each table's size, but only ANALYZE gathers column statistics, such as the
      // search vector's common lexemes, from which the search chooses how it reads a common word.
      const stats = await client.query("SELECT most_common_elems IS NOT NULL AS listed FROM pg_stats WHERE tablename = 'notes' AND attname = 'search'");
      expect(stats.rows).toEqual([{ listed: true }]);
    });
  });

  it("serves from the restored database: it starts without a migration to apply, and the share link opens", async () => {
    const applied = async () => withPg(restored.url, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle."__drizzle_migrations"')).rows[0]!.n);
    const migrations = await applied();
    await closeDatabase();
    process.env.DATABASE_URL = restored.url;
    await prepareDatabase();
    expect(await applied()).toBe(migrations);
    const opened = await openShareLink(shareToken);
    expect(opened?.link.id).toBe(shareId);
    expect(await openShareLink(`${shareToken.slice(0, -1)}${shareToken.endsWith("A") ? "B" : "A"}`)).toBeNull();
  });
});
