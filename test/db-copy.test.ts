// npm run db:copy (scripts/db-copy.mjs): the demo database, a share link and an API token copied from SQLite into a fresh PostgreSQL database, verified, and the refusals.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTestDatabase, ensurePostgres } from "@/db/pg-test-server.mjs";
import { series } from "@/db/schema";
import { createToken } from "@/server/services/api-tokens";
import { writeObservations } from "@/server/services/series";
import { createShareLink } from "@/server/services/share-links";
import { seedDemo, withPg } from "./demo-database";

type TableReport = { table: string; sqliteRows: number; postgresRows: number; sqliteChecksum: string; postgresChecksum: string; ok: boolean };
type CopyReport = { ok: boolean; committed: boolean; analyzed: boolean; from: string; to: string; elapsedMs: number; tables: TableReport[] };
type DbCopy = {
  copyDatabase(options: { from?: string; to: string; log?: (line: string) => void }): Promise<CopyReport>;
  formatReport(report: CopyReport): string;
};

const SCRIPT = path.resolve(import.meta.dirname, "../scripts/db-copy.mjs");
// Plain JavaScript without a declaration file (tsconfig has allowJs off): imported by path, typed by DbCopy above.
const { copyDatabase, formatReport } = (await import(/* @vite-ignore */ SCRIPT)) as DbCopy;

/** Tables whose counts the copy must carry over, each non-zero in the seeded database. */
const COUNTED = ["notes", "note_revisions", "observations", "forecasts", "share_links", "api_tokens"];

const drops: Array<() => Promise<void>> = [];
const roles: string[] = [];
let baseUrl = "";

async function freshTarget(prefix: string): Promise<string> {
  const database = await createTestDatabase(baseUrl, prefix);
  drops.push(database.drop);
  return database.url;
}

function sqliteFile(): string {
  return process.env.QUIRE_DB_PATH!;
}

/** Row counts of the SQLite test database, read through a connection of its own. */
function sqliteCount(sql: string): number {
  const db = new Database(sqliteFile(), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Everything a copy could change in the target: each table's rows (hashed), the identity sequences and the migration record. */
async function targetState(url: string): Promise<Record<string, string>> {
  return withPg(url, async (client) => {
    const state: Record<string, string> = {};
    const tables = (await client.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")).rows;
    for (const { t } of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x`);
      state[t] = `${rows[0].n} ${rows[0].h}`;
    }
    for (const { s, v } of (await client.query("SELECT sequencename AS s, last_value::text AS v FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")).rows) state[`seq ${s}`] = String(v);
    const migrated = (await client.query("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok")).rows[0].ok;
    state.migrations = migrated ? String((await client.query("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations")).rows[0].n) : "none";
    return state;
  });
}

// The source is SQLite: vitest.config.mts runs this file in the sqlite project only.
describe("db:copy from SQLite to PostgreSQL", () => {
  let target = "";
  let report: CopyReport;
  const log: string[] = [];

  beforeAll(async () => {
    baseUrl = await ensurePostgres();
    const { owner, notebookId, noteId } = await seedDemo();
    await createShareLink(owner, { targetType: "notebook", targetId: notebookId, label: "Client: Acme", mode: "snapshot" });
    await createShareLink(owner, { targetType: "note", targetId: noteId, label: "Client: Beta", mode: "live", expiresAt: new Date(Date.now() + 86_400_000) });
    await createToken(owner, { notebookId, name: "loader" });
    // A revised figure: its first vintage closes (known_until set), as a data refresh would.
    const [reported] = await getDb().select().from(series).where(and(eq(series.notebookId, notebookId), eq(series.key, "RUT-YTD-2026")));
    await writeObservations(reported!, [{ date: "2026-01-30", value: 7.25 }], owner.id, "manual");

    target = await freshTarget("quire_copy");
    report = await copyDatabase({ from: sqliteFile(), to: target, log: (line) => log.push(line) });
    console.info(`${formatReport(report)}\ncopied the demo database in ${report.elapsedMs} ms`);
  });

  afterAll(async () => {
    for (const drop of drops.splice(0)) await drop();
    if (roles.length > 0) await withPg(baseUrl, async (client) => {
      for (const role of roles.splice(0)) await client.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  });

  it("copies every application table, and each table's rows and checksum match", async () => {
    expect(report.ok).toBe(true);
    expect(report.committed).toBe(true);
    const db = new Database(sqliteFile(), { readonly: true });
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'notes_fts%'").all() as Array<{ name: string }>).map((r) => r.name);
    db.close();
    expect(report.tables.map((t) => t.table).sort()).toEqual(names.sort());
    for (const t of report.tables) {
      expect(t, t.table).toMatchObject({ ok: true, postgresRows: t.sqliteRows, postgresChecksum: t.sqliteChecksum });
    }
    expect(log.join("\n")).not.toMatch(/password/i);
  });

  it("carries notes, revisions, observations (closed vintages too), forecasts, share links and API tokens over, none of them empty", async () => {
    const counts = await withPg(target, async (client) => {
      const out: Record<string, number> = {};
      for (const t of COUNTED) out[t] = (await client.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
      out.closed = (await client.query("SELECT count(*)::int AS n FROM observations WHERE known_until IS NOT NULL")).rows[0].n;
      return out;
    });
    for (const t of COUNTED) {
      expect(counts[t], t).toBeGreaterThan(0);
      expect(counts[t], t).toBe(sqliteCount(`SELECT count(*) AS n FROM "${t}"`));
    }
    expect(counts.closed).toBeGreaterThan(0);
    expect(counts.closed).toBe(sqliteCount("SELECT count(*) AS n FROM observations WHERE known_until IS NOT NULL"));
  });

  it("leaves trigger-kept columns as they were, fills the search vector, and moves the identity sequences past the copied ids", async () => {
    const source = new Database(sqliteFile(), { readonly: true });
    const sqliteNotebooks = source.prepare("SELECT id, content_version AS v FROM notebooks ORDER BY id").all();
    const sqliteTags = source.prepare("SELECT id, tags_text AS t FROM notes ORDER BY id").all();
    const maxEvent = (source.prepare("SELECT max(id) AS n FROM events").get() as { n: number }).n;
    source.close();
    await withPg(target, async (client) => {
      expect((await client.query('SELECT id, content_version AS v FROM notebooks ORDER BY id COLLATE "C"')).rows).toEqual(sqliteNotebooks);
      expect((await client.query('SELECT id, tags_text AS t FROM notes ORDER BY id COLLATE "C"')).rows).toEqual(sqliteTags);
      expect((await client.query("SELECT count(*)::int AS n FROM notes WHERE search IS NULL OR search = ''::tsvector")).rows[0].n).toBe(0);
      // The search index's vocabulary holds every lexeme of the copied notes (its triggers were off during the copy).
      const missing = await client.query("SELECT count(*)::int AS n FROM (SELECT DISTINCT unnest(tsvector_to_array(search)) AS l FROM notes) w WHERE NOT EXISTS (SELECT 1 FROM search_lexemes s WHERE s.lexeme = w.l)");
      expect(missing.rows[0].n).toBe(0);
      expect((await client.query("SELECT count(*)::int AS n FROM search_lexemes")).rows[0].n).toBeGreaterThan(100);
      // A new row takes the next id instead of colliding with a copied one (rolled back: the sequence moves, the rows stay).
      await client.query("BEGIN");
      const { rows } = await client.query("INSERT INTO events (action, target_type, target_id) VALUES ('test', 'test', 'x') RETURNING id");
      await client.query("ROLLBACK");
      expect(rows[0].id).toBeGreaterThan(maxEvent);
    });
  });

  it("gathers the planner's statistics for the copied tables once they are committed", async () => {
    expect(report.analyzed).toBe(true);
    expect(log).toContain("Gathering the planner's statistics (ANALYZE)…");
    await withPg(target, async (client) => {
      const notesCount = (await client.query("SELECT count(*)::float8 AS n FROM notes")).rows[0].n;
      // The migrations built notes' indexes while it was empty, so its size is the count only once ANALYZE (or autovacuum) ran.
      const { rows } = await client.query("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'notes'::regclass");
      expect(notesCount).toBeGreaterThan(0);
      expect(rows[0].n).toBe(notesCount);
      // The search vector's lexeme statistics, which the search store reads to choose how it reads a common word.
      const stats = await client.query("SELECT most_common_elems IS NOT NULL AS listed FROM pg_stats WHERE tablename = 'notes' AND attname = 'search'");
      expect(stats.rows).toEqual([{ listed: true }]);
    });
  });

  it("refuses a second copy into the now non-empty target and changes nothing there", async () => {
    const before = await targetState(target);
    await expect(copyDatabase({ from: sqliteFile(), to: target })).rejects.toThrow(/is not empty: .*notes.* already hold rows.*nothing was changed/);
    expect(await targetState(target)).toEqual(before);
  });

  it("says clearly that the target database does not exist, without printing the password in the URL", async () => {
    const missing = `quire_copy_missing_${crypto.randomBytes(4).toString("hex")}`;
    const url = new URL(baseUrl);
    url.username = "postgres";
    url.password = "s3cret-Pw";
    url.pathname = `/${missing}`;
    const error = await copyDatabase({ from: sqliteFile(), to: url.toString() }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(new RegExp(`The database "${missing}" does not exist on postgres://postgres:\\*\\*\\*@.*/${missing}.*Create it first`));
    expect(error?.message).not.toContain("s3cret-Pw");

    // The command line: exit code 1, the same message, the password nowhere in its output.
    const cli = spawnSync(process.execPath, [SCRIPT, "--from", sqliteFile(), "--to", url.toString()], { encoding: "utf8", timeout: 30_000 });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`The database "${missing}" does not exist`);
    expect(`${cli.stdout}${cli.stderr}`).not.toContain("s3cret-Pw");
  });

  it("refuses a missing SQLite file, and one whose migrations are behind, before touching the target", async () => {
    const empty = await freshTarget("quire_copy_refused");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-copy-"));
    try {
      await expect(copyDatabase({ from: path.join(dir, "nothing.db"), to: empty })).rejects.toThrow(/No SQLite database at .*nothing\.db/);
      const behind = path.join(dir, "behind.db");
      const source = new Database(sqliteFile(), { readonly: true });
      source.prepare("VACUUM INTO ?").run(behind);
      source.close();
      const copy = new Database(behind);
      copy.exec("DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)");
      copy.close();
      await expect(copyDatabase({ from: behind, to: empty })).rejects.toThrow(/is behind: (\d+) of this version's \d+ SQLite migrations are applied/);
      expect(await targetState(empty)).toEqual({ migrations: "none" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the right a user lacks to keep triggers off, and copies nothing", async () => {
    const role = `quire_copy_plain_${crypto.randomBytes(4).toString("hex")}`;
    roles.push(role);
    const database = await freshTarget("quire_copy_plain");
    const name = new URL(database).pathname.slice(1);
    await withPg(baseUrl, async (client) => {
      await client.query(`CREATE ROLE "${role}" LOGIN`);
      await client.query(`ALTER DATABASE "${name}" OWNER TO "${role}"`);
    });
    const url = new URL(database);
    url.username = role;
    await expect(copyDatabase({ from: sqliteFile(), to: url.toString() })).rejects.toThrow(
      new RegExp(`user ${role} may not SET session_replication_role.*GRANT SET ON PARAMETER session_replication_role TO "${role}".*Nothing was copied`),
    );
    const state = await targetState(database);
    expect(Object.entries(state).filter(([k, v]) => !k.startsWith("seq ") && k !== "migrations" && !v.startsWith("0 "))).toEqual([]);
  });
});
