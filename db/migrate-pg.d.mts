// Types for db/migrate-pg.mjs (plain JavaScript so that scripts such as scripts/db-copy.mjs migrate without a build).
import type pg from "pg";

/** The advisory lock key every Quire server takes to migrate: the bytes of "quiremig" as a signed 64-bit integer. */
export const MIGRATION_LOCK_KEY: string;
/** Brings the database up to date with db/migrations-pg (or `migrationsFolder`), under MIGRATION_LOCK_KEY. */
export function migratePostgres(pool: pg.Pool, migrationsFolder?: string): Promise<void>;
