// The SQLite connection: pragmas set explicitly, migrations applied at open, statements reused, one write lock.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema-sqlite";
import { Mutex } from "./transaction";

export type SqliteDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const SYNCHRONOUS_MODES = ["NORMAL", "FULL", "EXTRA"] as const;

/**
 * Creates the database file readable by its owner only (0600) before SQLite opens it, and narrows an
 * older, wider file and its -wal/-shm: they hold password hashes and connector keys. SQLite gives the
 * -wal and -shm it creates the database file's own permissions.
 */
function ownerOnly(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f) && (fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
  }
}

/** The synchronous pragma from QUIRE_SYNCHRONOUS (NORMAL survives a process crash, FULL also power loss). */
export function synchronousMode(): (typeof SYNCHRONOUS_MODES)[number] {
  const wanted = (process.env.QUIRE_SYNCHRONOUS ?? "NORMAL").toUpperCase();
  const mode = SYNCHRONOUS_MODES.find((m) => m === wanted);
  if (!mode) throw new Error(`QUIRE_SYNCHRONOUS must be one of ${SYNCHRONOUS_MODES.join(", ")}, not "${wanted}"`);
  return mode;
}

/** Opens a connection with Quire's pragmas and brings the schema up to date. */
export function openSqlite(file: string): SqliteDb {
  ownerOnly(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronousMode()}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as SqliteDb;
  migrate(db, { migrationsFolder: path.resolve(process.cwd(), "db/migrations") });
  reuseStatements(sqlite);
  return db;
}

const STATEMENT_CACHE_LIMIT = 500;

/**
 * Makes the connection's prepare() hand back an already prepared statement for SQL it has seen, so
 * the query builder does not compile the same SQL on every call (the least recently used are dropped).
 * Statements finish before prepare() is called again (no open iterators), so one may serve every caller;
 * the result mode (raw or objects) is reset each time.
 */
function reuseStatements(sqlite: Database.Database): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as Database.Database["prepare"];
}


/** A drizzle handle over an already open connection (each bundle in the process wraps the one connection with its own drizzle-orm). */
export function wrapSqlite(client: Database.Database): SqliteDb {
  return drizzle(client, { schema }) as SqliteDb;
}

/** True when the handle is one this module's copy of drizzle-orm made. */
export function isOwnSqliteHandle(db: unknown): boolean {
  return db instanceof BetterSQLite3Database;
}

const globalLocks = globalThis as unknown as { quireWriteLocks?: WeakMap<object, Mutex> };

/** The one write lock of a SQLite connection, shared by every bundle in the process. */
export function writeLock(client: object): Mutex {
  const locks = (globalLocks.quireWriteLocks ??= new WeakMap());
  let lock = locks.get(client);
  if (!lock) locks.set(client, (lock = new Mutex()));
  return lock;
}

/**
 * Runs `fn` in one transaction on the connection, holding its write lock throughout, so that another request's
 * statements never land inside this transaction while it awaits.
 */
export async function sqliteTransaction<T>(db: SqliteDb, fn: () => Promise<T>): Promise<T> {
  const client = db.$client;
  return writeLock(client).run(async () => {
    client.exec("BEGIN IMMEDIATE");
    try {
      const result = await fn();
      client.exec("COMMIT");
      return result;
    } catch (error) {
      if (client.inTransaction) client.exec("ROLLBACK");
      throw error;
    }
  });
}
