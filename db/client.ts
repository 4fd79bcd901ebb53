// The SQLite connection: one per process, pragmas set explicitly, migrations applied on first use.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databaseFile } from "./location.mjs";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The handle a `db.transaction(...)` callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const SYNCHRONOUS_MODES = ["NORMAL", "FULL", "EXTRA"] as const;

/** The database file (db/location.mjs decides where). */
export function databasePath(): string {
  return databaseFile();
}

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
export function openDb(file: string): Db {
  ownerOnly(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronousMode()}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
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

const globalForDb = globalThis as unknown as { quireDb?: Db };
let ownWrapper: Db | undefined;

/**
 * The process-wide connection, opened on first use. server.mjs loads a second bundle of this module
 * (the direct tRPC handler) beside Next's: both share the one connection on globalThis, each through
 * a drizzle wrapper of its own copy of drizzle-orm.
 */
export function getDb(): Db {
  globalForDb.quireDb ??= openDb(databasePath());
  const shared: Db = globalForDb.quireDb;
  if ((shared as unknown) instanceof BetterSQLite3Database) return shared;
  if (ownWrapper?.$client !== shared.$client) ownWrapper = drizzle(shared.$client, { schema }) as Db;
  return ownWrapper;
}
