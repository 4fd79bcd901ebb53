// Applies the PostgreSQL migrations (db/migrations-pg) under a session advisory lock, so servers starting together migrate once.
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

/** The advisory lock key every Quire server takes to migrate: the bytes of "quiremig" as a signed 64-bit integer. */
export const MIGRATION_LOCK_KEY = "8175556638609860967";

/**
 * Brings the database up to date with db/migrations-pg (or `migrationsFolder`). One dedicated client holds
 * pg_advisory_lock for the whole run, and the migrator runs on that client, so a second server waits for the first
 * and then finds nothing left to apply. The lock goes with the session if the process dies mid-way.
 * @param {import("pg").Pool} pool
 * @param {string} [migrationsFolder]
 * @returns {Promise<void>}
 */
export async function migratePostgres(pool, migrationsFolder = path.resolve(process.cwd(), "db/migrations-pg")) {
  const client = await pool.connect();
  /** @type {Error | undefined} */
  let broken;
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      try {
        await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]);
      } catch (error) {
        // The session is unusable: the server released the lock with it; discard the client rather than pool it.
        broken = error instanceof Error ? error : new Error(String(error));
      }
    }
  } catch (error) {
    broken ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
