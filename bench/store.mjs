// Which store the bench runs Quire on: the SQLite file (default), the PostgreSQL database at DATABASE_URL, or a fresh one (BENCH_STORE=postgres).
import pg from "pg";
import { createTestDatabase, ensurePostgres } from "../db/pg-test-server.mjs";

const STORES = ["sqlite", "postgres"];

/** A URL with its password hidden, for printing. */
export function redact(url) {
  return url.replace(/:[^:@/]*@/, ":***@");
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The server's version ("15.20"), and the count of tables outside PostgreSQL's own schemas. */
async function inspect(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT current_setting('server_version') AS version,
              (SELECT count(*)::int FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')) AS tables`,
    );
    return { version: rows[0].version.split(" ")[0], tables: rows[0].tables };
  });
}

/**
 * The store for this run, from BENCH_STORE (sqlite or postgres) and DATABASE_URL:
 * - BENCH_STORE=postgres: a fresh database on the PostgreSQL of the tests (db/pg-test-server.mjs), dropped by release();
 * - DATABASE_URL=postgres://… (BENCH_STORE unset): that database, which must be empty, since the bench fills it;
 * - otherwise (or BENCH_STORE=sqlite, which ignores DATABASE_URL): SQLite in a fresh data directory.
 * Sets process.env.DATABASE_URL for the servers the bench starts. Returns { name, url, database, release }.
 */
export async function chooseStore() {
  const asked = (process.env.BENCH_STORE ?? "").trim().toLowerCase();
  if (asked && !STORES.includes(asked)) throw new Error(`BENCH_STORE must be one of ${STORES.join(", ")}, not "${process.env.BENCH_STORE}"`);
  const given = process.env.DATABASE_URL?.trim();
  if (asked === "sqlite" || (!asked && !given)) {
    delete process.env.DATABASE_URL;
    return { name: "sqlite", url: null, database: "SQLite, a fresh data directory", release: async () => {} };
  }
  if (asked === "postgres") {
    const fresh = await createTestDatabase(await ensurePostgres(), "quire_bench");
    try {
      const { version } = await inspect(fresh.url);
      process.env.DATABASE_URL = fresh.url;
      return { name: "postgres", url: fresh.url, database: `PostgreSQL ${version}, a fresh database (${redact(fresh.url)}), dropped at the end`, release: () => fresh.drop() };
    } catch (error) {
      await fresh.drop().catch(() => {});
      throw error;
    }
  }
  if (!/^postgres(ql)?:\/\//.test(given)) throw new Error(`DATABASE_URL must be a PostgreSQL URL (postgres://…) or unset for SQLite; it is "${redact(given)}".`);
  const { version, tables } = await inspect(given);
  if (tables > 0) {
    throw new Error(
      `DATABASE_URL (${redact(given)}) names a database that already holds ${tables} tables. The bench fills its database with a demo ` +
        "account, generated notes and series: point DATABASE_URL at an empty database (createdb quire_bench), or run " +
        "BENCH_STORE=postgres npm run bench for a fresh one that is dropped at the end.",
    );
  }
  return { name: "postgres", url: given, database: `PostgreSQL ${version} at DATABASE_URL (${redact(given)}), kept`, release: async () => {} };
}

/** Runs `fn(client)` on one connection to the bench's database (for what the bench writes itself: generated notes, raw inserts). */
export function withDatabase(url, fn) {
  return withClient(url, fn);
}
