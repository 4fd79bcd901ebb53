// The PostgreSQL connection pool: bounded, with timeouts so an outage answers quickly, migrated under an advisory lock.
import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { migratePostgres } from "./migrate-pg.mjs";
import * as schema from "./schema-pg";

export type PostgresDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** Connections per server (QUIRE_PG_POOL_MAX, default 10): several servers share one database's max_connections. */
function poolSize(): number {
  const n = Number(process.env.QUIRE_PG_POOL_MAX ?? 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`QUIRE_PG_POOL_MAX must be a whole number of connections, at least 1; it is "${process.env.QUIRE_PG_POOL_MAX}".`);
  return n;
}

/** A pool over the database at `url`: a request waits at most 5 s for a connection, a statement runs at most 30 s. */
export function openPostgres(url: string): PostgresDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    application_name: "quire",
  });
  // An idle client that loses its server emits 'error' on the pool; the next checkout gets a fresh one.
  pool.on("error", () => {});
  return drizzle(pool, { schema }) as PostgresDb;
}

/** Brings the database's schema up to date (once across servers starting together). */
export async function migrate(db: PostgresDb): Promise<void> {
  await migratePostgres(db.$client);
  // Statistics for the small tables every readable-notes query joins: autovacuum may never analyze a table of a few
  // dozen rows, and without statistics the planner skipped the notes' search index (430 ms against 89 ms measured).
  await db.$client.query("ANALYZE memberships, notebooks");
}

/** A drizzle handle over an already open pool (each bundle in the process wraps the one pool with its own drizzle-orm). */
export function wrapPostgres(pool: pg.Pool): PostgresDb {
  return drizzle(pool, { schema }) as PostgresDb;
}
