// For the PostgreSQL store tests: a fresh migrated database of their own, or a failure that says how to start PostgreSQL.
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { migratePostgres } from "@/db/migrate-pg.mjs";
import { createTestDatabase, ensurePostgres } from "@/db/pg-test-server.mjs";
import * as pgSchema from "@/db/schema-pg";
import { endSearchPool } from "@/db/search-pool";

export type StoreTestDatabase = { pool: pg.Pool; db: NodePgDatabase<typeof pgSchema>; close(): Promise<void> };

/** A new database on the tests' PostgreSQL, migrated; close() ends the pool and drops it. Fails (never skips) without PostgreSQL. */
export async function openStoreTestDatabase(label: string): Promise<StoreTestDatabase> {
  let baseUrl: string;
  try {
    baseUrl = await ensurePostgres();
  } catch (error) {
    throw new Error(
      `PostgreSQL is unreachable, so the PostgreSQL store tests cannot run (they fail rather than skip). Start it with ` +
        `\`pg_ctlcluster --skip-systemctl-redirect 15 main start\` (127.0.0.1:5432, user postgres, trust) or set QUIRE_TEST_PG_URL. ` +
        `Cause: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const database = await createTestDatabase(baseUrl, label);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  pool.on("error", () => {});
  await migratePostgres(pool);
  return {
    pool,
    db: drizzle(pool, { schema: pgSchema }),
    async close() {
      await endSearchPool(pool);
      await pool.end();
      await database.drop();
    },
  };
}
