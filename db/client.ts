// The SQLite connection: one per process, pragmas set explicitly, migrations applied on first use.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databaseFile } from "./location.mjs";
import * as schema from "./schema";
import { sqliteObservations } from "./stores/observations-sqlite";
import type { ObservationStore } from "./stores/observations";
import type { SearchStore } from "./stores/search";
import { sqliteSearch } from "./stores/search-sqlite";
import { currentTransaction, Mutex, withCurrentTransaction } from "./transaction";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The handle a `transaction(...)` callback receives: inside it, getDb() is the same handle. */
export type Tx = Db;

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

const globalForDb = globalThis as unknown as { quireDb?: Db; quireWriteLocks?: WeakMap<object, Mutex> };
let ownWrapper: Db | undefined;

/**
 * The database handle: the calling context's open transaction if there is one, else the process-wide
 * connection, opened on first use.
 */
export function getDb(): Db {
  return currentTransaction<Db>() ?? baseDb();
}

/**
 * The process-wide connection. server.mjs loads a second bundle of this module (the request edge)
 * beside Next's: both share the one connection on globalThis, each through a drizzle wrapper of its
 * own copy of drizzle-orm.
 */
function baseDb(): Db {
  globalForDb.quireDb ??= openDb(databasePath());
  const shared: Db = globalForDb.quireDb;
  if ((shared as unknown) instanceof BetterSQLite3Database) return shared;
  if (ownWrapper?.$client !== shared.$client) ownWrapper = drizzle(shared.$client, { schema }) as Db;
  return ownWrapper;
}

/** The one write lock of a SQLite connection, shared by every bundle in the process. */
function writeLock(client: object): Mutex {
  const locks = (globalForDb.quireWriteLocks ??= new WeakMap());
  let lock = locks.get(client);
  if (!lock) locks.set(client, (lock = new Mutex()));
  return lock;
}

/**
 * Runs `fn` in one transaction: all of it commits, or nothing does (a thrown error rolls back and is
 * thrown on). Every write goes through here. Inside, getDb() is the transaction, and a nested call
 * joins the open one. On SQLite the one connection's write lock is held throughout, so another
 * request's statements never land inside this transaction while it awaits.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const open = currentTransaction<Tx>();
  if (open) return fn(open);
  const db = baseDb();
  const client = db.$client;
  return writeLock(client).run(async () => {
    client.exec("BEGIN IMMEDIATE");
    try {
      const result = await withCurrentTransaction(db, () => fn(db));
      client.exec("COMMIT");
      return result;
    } catch (error) {
      if (client.inTransaction) client.exec("ROLLBACK");
      throw error;
    }
  });
}

/** The observation store of the current database (raw statements for the hot series reads and writes). */
export function observationStore(): ObservationStore {
  return sqliteObservations(baseDb().$client);
}

/** The note search store of the current database (its own full-text index). */
export function searchStore(): SearchStore {
  return sqliteSearch(baseDb().$client);
}
