// The database handle services use, on whichever store this process runs (db/dialect.mjs): transactions, stores, start and stop.
import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { dialect, postgresUrl } from "./dialect.mjs";
import { databaseFile } from "./location.mjs";
import { migrate, openPostgres, wrapPostgres, type PostgresDb } from "./postgres";
import { endSearchPool } from "./search-pool";
import { serverSettings } from "./schema";
import type * as pgSchema from "./schema-pg";
import { isOwnSqliteHandle, openSqlite, sqliteTransaction, wrapSqlite, type SqliteDb } from "./sqlite";
import type { ObservationStore } from "./stores/observations";
import { postgresObservations } from "./stores/observations-pg";
import { sqliteObservations } from "./stores/observations-sqlite";
import type { NoteSaveStore } from "./stores/note-save";
import { postgresNoteSave } from "./stores/note-save-pg";
import type { SearchStore } from "./stores/search";
import { postgresSearch } from "./stores/search-pg";
import { sqliteSearch } from "./stores/search-sqlite";
import { closeLiveBus, publish } from "./live-bus";
import { preparedOn } from "./prepared";
import { afterCommit, currentTransaction, withCurrentTransaction } from "./transaction";

export { afterCommit };
export { liveBusReady, localBus } from "./live-bus";

/**
 * The database handle, typed as PostgreSQL's (the stricter API: no synchronous .all()/.get()/.run()); on SQLite the
 * SQLite handle stands behind it. Both stores serve every query the services write, proven by running every test on both.
 */
export type Db = NodePgDatabase<typeof pgSchema>;

/** The handle a `transaction(...)` callback receives: inside it, getDb() is the same handle. */
export type Tx = Db;

export { dialect };

/** Where the data lives, for the console and logs: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseLocation(): string {
  const url = postgresUrl();
  return url ? url.replace(/:[^:@/]*@/, ":***@") : databaseFile();
}

// One connection (SQLite) or pool (PostgreSQL) per process, on globalThis: server.mjs loads a second bundle of this
// module (the request edge) beside Next's, and both share it, each through a drizzle wrapper of its own drizzle-orm.
const shared = globalThis as unknown as { quireDb?: SqliteDb; quirePg?: pg.Pool };
let ownSqlite: SqliteDb | undefined;
let ownPostgres: PostgresDb | undefined;

function sqliteDb(): SqliteDb {
  shared.quireDb ??= openSqlite(databaseFile());
  const db = shared.quireDb;
  if (isOwnSqliteHandle(db)) return db;
  if (ownSqlite?.$client !== db.$client) ownSqlite = wrapSqlite(db.$client);
  return ownSqlite;
}

function postgresDb(): PostgresDb {
  if (!shared.quirePg) shared.quirePg = openPostgres(postgresUrl()!).$client;
  if (ownPostgres?.$client !== shared.quirePg) ownPostgres = wrapPostgres(shared.quirePg);
  return ownPostgres;
}

function baseDb(): Db {
  return dialect() === "postgres" ? postgresDb() : (sqliteDb() as unknown as Db);
}

/** The database handle: the calling context's open transaction if there is one, else the process-wide connection. */
export function getDb(): Db {
  return currentTransaction<Db>() ?? baseDb();
}

/**
 * A getter for the prepared form of the query `build` makes, built once per process: for queries on every request.
 * The statement runs in the caller's transaction when there is one (db/prepared.ts).
 */
export function prepared<P extends object>(name: string, build: (db: Db) => { prepare(name: string): P }): () => P {
  return preparedOn(baseDb, name, build);
}

/**
 * `prepared` for a write (insert, update, delete): the getter throws unless a transaction is open, since every write
 * runs inside transaction() (on SQLite that holds the connection's write lock).
 */
export function preparedWrite<P extends object>(name: string, build: (db: Db) => { prepare(name: string): P }): () => P {
  const statement = preparedOn(baseDb, name, build);
  return () => {
    if (currentTransaction() === undefined) throw new Error(`The prepared write "${name}" runs only inside transaction().`);
    return statement();
  };
}

/**
 * Runs `fn` in one transaction: all of it commits, or nothing does (a thrown error rolls back and is thrown on).
 * Every write goes through here. Inside, getDb() is the transaction, and a nested call joins the open one. On SQLite
 * the one connection's write lock is held throughout, so another request's statements never land inside it.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const open = currentTransaction<Tx>();
  if (open) return fn(open);
  if (dialect() === "postgres") return withCurrentTransaction(fn, (run) => postgresDb().transaction((tx) => run(tx as unknown as Tx)));
  const db = sqliteDb();
  return withCurrentTransaction(fn, (run) => sqliteTransaction(db, () => run(db as unknown as Tx)));
}

/**
 * A fingerprint of the database's state, as a query column: equal in two statements only when no change was committed
 * between them (PostgreSQL: the statement's snapshot; SQLite: the connection's own row changes and the file's data
 * version, which moves when another connection commits). For per-server caches: a value read with its stamp is current
 * while a later read of the stamp gives the same text.
 */
export function stateStamp(): SQL<string> {
  return dialect() === "postgres" ? sql<string>`pg_current_snapshot()::text` : sql<string>`(total_changes() || '.' || (select data_version from pragma_data_version))`;
}

const stampStatements = new WeakMap<object, { get(): unknown }>();

/**
 * The state stamp now, where reading it costs next to nothing (SQLite: a statement in-process), when nothing
 * uncommitted is visible; undefined on PostgreSQL (a round trip, as dear as the read it would spare) and on SQLite while
 * a transaction is open on the connection.
 */
export function localStateStamp(): string | undefined {
  if (dialect() === "postgres" || currentTransaction() !== undefined) return undefined;
  const client = sqliteDb().$client;
  if (client.inTransaction) return undefined;
  let statement = stampStatements.get(client);
  if (!statement) stampStatements.set(client, (statement = client.prepare("SELECT total_changes() || '.' || (SELECT data_version FROM pragma_data_version) AS stamp")));
  return (statement.get() as { stamp: string }).stamp;
}

/**
 * True when a read made now sees only committed data, so that its result may be cached under its stateStamp(): outside
 * a transaction, and on SQLite also while no other request's transaction is open on the one connection (its reads see
 * that transaction's changes, which may yet roll back).
 */
export function readsSeeOnlyCommitted(): boolean {
  if (currentTransaction() !== undefined) return false;
  return dialect() === "postgres" || !sqliteDb().$client.inTransaction;
}

/**
 * Opens the database and brings its schema up to date; call (and await) once at start before serving. On PostgreSQL
 * this connects, so a wrong or unreachable DATABASE_URL fails here with the driver's reason.
 */
export async function prepareDatabase(): Promise<void> {
  if (dialect() === "postgres") await migrate(postgresDb());
  else sqliteDb();
}

/** Closes the connection or pool (graceful shutdown, end of a test file). */
export async function closeDatabase(): Promise<void> {
  await closeLiveBus();
  if (shared.quirePg) {
    const pool = shared.quirePg;
    shared.quirePg = undefined;
    await endSearchPool(pool);
    await pool.end();
  }
  if (shared.quireDb) {
    shared.quireDb.$client.close();
    shared.quireDb = undefined;
  }
}

/** True when the database answers a trivial query within `timeoutMs` (for /api/health). */
export async function databaseAnswers(timeoutMs = 2_000): Promise<boolean> {
  const probe = dialect() === "postgres" ? postgresDb().$client.query("SELECT 1") : Promise.resolve(sqliteDb().$client.prepare("SELECT 1").get());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([probe.then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The observation store of the current database (raw statements for the hot series reads and writes). */
export function observationStore(): ObservationStore {
  return dialect() === "postgres" ? postgresObservations(getDb()) : sqliteObservations(sqliteDb().$client);
}

/** The note search store of the current database (its own full-text index). */
export function searchStore(): SearchStore {
  return dialect() === "postgres" ? postgresSearch(getDb()) : sqliteSearch(sqliteDb().$client);
}

/**
 * The note save store: a plain autosave (the note and its revision only) as one statement on PostgreSQL; none on
 * SQLite, where the general save's transaction is in-process. Outside any transaction only: the statement commits itself.
 */
export function noteSaveStore(): NoteSaveStore {
  return dialect() === "postgres" && currentTransaction() === undefined ? postgresNoteSave(postgresDb().$client) : { savePlain: null };
}

/** The application's tables (not the migrator's), by name: for snapshots in tests and for copying a database. */
export async function tableNames(): Promise<string[]> {
  const rows =
    dialect() === "postgres"
      ? (await postgresDb().$client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")).rows
      : (sqliteDb().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'notes_fts%' ORDER BY name").all() as Array<{ name: string }>);
  return rows.map((r) => r.name);
}

/** Every row of one application table (named by tableNames()), as the driver returns them. */
export async function tableRows(table: string): Promise<Record<string, unknown>[]> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  return dialect() === "postgres"
    ? (await postgresDb().$client.query(`SELECT * FROM "${table}"`)).rows
    : (sqliteDb().$client.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]);
}

/** Tells every server's listeners about a change (topic and a small JSON payload), once the open transaction commits. */
export async function announce(topic: string, payload: unknown): Promise<void> {
  await afterCommit(() => publish(topic, payload, dialect() === "postgres" ? postgresDb().$client : undefined));
}

/** A setting shared by every server: the stored value, or the one `make` gives, stored by whichever server asks first. */
export async function sharedSetting(key: string, make: () => string): Promise<string> {
  return transaction(async (tx) => {
    await tx.insert(serverSettings).values({ key, value: make() }).onConflictDoNothing();
    const [row] = await tx.select({ value: serverSettings.value }).from(serverSettings).where(eq(serverSettings.key, key));
    return row!.value;
  });
}
