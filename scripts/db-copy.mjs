// npm run db:copy -- --to postgres://… [--from quire.db]: copies the SQLite store into an empty PostgreSQL database in one transaction, verified table by table before COMMIT.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFile } from "../db/location.mjs";
import { migratePostgres } from "../db/migrate-pg.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SQLITE_JOURNAL = path.join(ROOT, "db/migrations/meta/_journal.json");
const PG_MIGRATIONS = path.join(ROOT, "db/migrations-pg");
/** Rows per multi-row INSERT (fewer for wide tables, to stay under PostgreSQL's 65,535 parameters per statement). */
const BATCH_ROWS = 1_000;
const MAX_PARAMETERS = 65_535;
/** Rows per FETCH when reading the copy back for the checksum. */
const FETCH_ROWS = 5_000;
/** How long to wait for other sessions' locks on the target's tables before giving up. */
const LOCK_TIMEOUT = "10s";

const USAGE = `Usage: npm run db:copy -- --to postgres://USER[:PASSWORD]@HOST:5432/DATABASE [--from path/to/quire.db]

Copies Quire's SQLite database (default: QUIRE_DB_PATH, else QUIRE_DATA_DIR/quire.db, else data/quire.db) into an
empty PostgreSQL database: applies the PostgreSQL migrations, copies every table in one transaction, and checks row
counts and checksums of both sides before it commits, then gathers the planner's statistics (ANALYZE). Stop the
Quire server first: writes made during the copy are not copied. A password may come from PGPASSWORD or ~/.pgpass
instead of the URL.
Exit codes: 0 copied and verified; 1 refused or failed (nothing committed); 2 wrong arguments.`;

/** A refusal or failure with a message meant for the person running the copy (the CLI prints it without a stack). */
export class CopyError extends Error {
  /**
   * @param {string} message
   * @param {{ cause?: unknown }} [options]
   */
  constructor(message, options) {
    super(message, options);
    this.name = "CopyError";
  }
}

/**
 * @typedef {"text" | "number" | "int8" | "boolean" | "moment" | "json" | "bytes"} Kind
 * @typedef {{ name: string, kind: Kind }} Column
 * @typedef {{ name: string, columns: Column[], primaryKey: string[], sequences: Array<{ column: string, sequence: string }>, identity: boolean }} TablePlan
 * @typedef {{ table: string, sqliteRows: number, postgresRows: number, sqliteChecksum: string, postgresChecksum: string, ok: boolean }} TableReport
 * @typedef {{ ok: boolean, committed: boolean, analyzed: boolean, from: string, to: string, elapsedMs: number, tables: TableReport[] }} CopyReport
 */

/** The URL with its password replaced by ***, for messages (an unparseable URL is not echoed: it may hold one). */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(an unparseable URL)";
  }
}

/** `message` with any occurrence of the URL's password (raw or percent-decoded) replaced by ***. */
function scrub(message, url) {
  let out = String(message);
  try {
    const { password } = new URL(url);
    for (const secret of new Set([password, safeDecode(password)])) if (secret) out = out.split(secret).join("***");
  } catch {
    // not a URL: nothing to scrub beyond what redactUrl already refuses to print
  }
  return out;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A double-quoted SQL identifier (SQLite and PostgreSQL alike). */
function q(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------------------
// The SQLite side

/** Opens the SQLite file read-only, refusing a missing file or one whose migrations differ from this checkout's. */
function openSource(file) {
  if (!fs.existsSync(file)) {
    throw new CopyError(`No SQLite database at ${file}. Pass --from path/to/quire.db, or set QUIRE_DB_PATH (or QUIRE_DATA_DIR) as for the server.`);
  }
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    db?.close();
    throw new CopyError(`Could not open ${file} as a SQLite database: ${errorText(error)}`, { cause: error });
  }
  try {
    // One read transaction for everything below: a consistent snapshot even if a server still writes to the file.
    db.exec("BEGIN");
    checkSourceMigrations(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function checkSourceMigrations(db, file) {
  const expected = JSON.parse(fs.readFileSync(SQLITE_JOURNAL, "utf8")).entries.length;
  const recorded = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!recorded) throw new CopyError(`${file} has no migration record (__drizzle_migrations): it is not a Quire database, or no Quire server has opened it.`);
  const applied = /** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get()).n;
  if (applied < expected) {
    throw new CopyError(`${file} is behind: ${applied} of this version's ${expected} SQLite migrations are applied. Start this version of Quire on it once (it migrates at start), stop it, then copy.`);
  }
  if (applied > expected) {
    throw new CopyError(`${file} has ${applied} migrations applied, more than the ${expected} this version of Quire knows: a newer Quire wrote it. Copy with that version.`);
  }
}

/** The application tables: everything but SQLite's own, the migrator's and the notes_fts search index (PostgreSQL has notes.search). */
function sourceTables(db) {
  const rows = /** @type {Array<{ name: string }>} */ (
    db
      .prepare(
        String.raw`SELECT name FROM sqlite_master WHERE type = 'table'
          AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE '\_\_drizzle%' ESCAPE '\' AND name NOT LIKE 'notes\_fts%' ESCAPE '\'
          ORDER BY name`,
      )
      .all()
  );
  return rows.map((r) => r.name);
}

/** The tables with parents before children (foreign keys in SQLite), alphabetical among equals. */
function foreignKeyOrder(db, tables) {
  const parents = new Map(tables.map((t) => [t, new Set()]));
  for (const t of tables) {
    for (const fk of /** @type {Array<{ table: string }>} */ (db.prepare(`PRAGMA foreign_key_list(${q(t)})`).all())) {
      if (fk.table !== t && parents.has(fk.table)) parents.get(t).add(fk.table);
    }
  }
  const order = [];
  const done = new Set();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)].every((p) => done.has(p)));
    // A cycle (none in Quire's schema) is copied in name order: triggers, foreign keys included, are off during the copy.
    const next = ready.length > 0 ? ready : tables.filter((t) => !done.has(t)).slice(0, 1);
    for (const t of next) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

/** Refuses a source whose rows break its own foreign keys: PostgreSQL would hold rows its constraints forbid. */
function checkSourceForeignKeys(db, file) {
  const broken = /** @type {Array<{ table: string, rowid: number, parent: string }>} */ (db.prepare("PRAGMA foreign_key_check").all());
  if (broken.length === 0) return;
  const sample = broken.slice(0, 5).map((b) => `${b.table} rowid ${b.rowid} → missing ${b.parent}`).join("; ");
  throw new CopyError(`${file} has ${broken.length} row(s) whose foreign key names a missing row (${sample}). Fix or remove them first; nothing was copied.`);
}

// ---------------------------------------------------------------------------------------------------------------
// The PostgreSQL side

/** How the copy treats a PostgreSQL column, by its information_schema data_type. */
function kindOf(dataType) {
  switch (dataType) {
    case "text":
    case "character varying":
    case "character":
      return "text";
    case "integer":
    case "smallint":
    case "double precision":
    case "real":
      return "number";
    case "bigint":
    case "numeric":
      return "int8";
    case "boolean":
      return "boolean";
    case "timestamp with time zone":
      return "moment";
    case "jsonb":
    case "json":
      return "json";
    case "bytea":
      return "bytes";
    default:
      return null;
  }
}

async function targetTableNames(client) {
  const { rows } = await client.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1");
  return rows.map((r) => r.name);
}

/** Names of the tables (among `tables`) that hold at least one row. */
async function nonEmptyTables(client, tables) {
  if (tables.length === 0) return [];
  const { rows } = await client.query(`SELECT ${tables.map((t, i) => `EXISTS (SELECT 1 FROM ${q(t)}) AS t${i}`).join(", ")}`);
  return tables.filter((_, i) => rows[0][`t${i}`]);
}

function refuseNonEmpty(full, where) {
  if (full.length === 0) return;
  throw new CopyError(`The target database ${where} is not empty: ${full.join(", ")} already hold rows. db:copy copies into an empty database only; nothing was changed. Create a new database (createdb NAME) and copy into that.`);
}

/** Quire's tables that only PostgreSQL has: the search index's vocabulary (migration 0013), filled after the copy. */
const POSTGRES_ONLY_TABLES = ["search_lexemes"];

/** Refuses, before migrating, a target that holds other tables or any rows: so a refusal changes nothing at all. */
async function precheckTarget(client, sourceSet, where) {
  const existing = await targetTableNames(client);
  const foreign = existing.filter((t) => !sourceSet.has(t) && !POSTGRES_ONLY_TABLES.includes(t));
  if (foreign.length > 0) {
    throw new CopyError(`The target database ${where} holds tables that are not Quire's (${foreign.slice(0, 8).join(", ")}${foreign.length > 8 ? ", …" : ""}). Copy into a new, empty database; nothing was changed.`);
  }
  refuseNonEmpty(await nonEmptyTables(client, existing), where);
}

/** Each table's copy plan from the migrated target, checked column for column against the SQLite table. */
async function planTables(client, source, order) {
  const { rows } = await client.query(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_generated, c.is_identity,
            pg_get_serial_sequence(format('%I.%I', c.table_schema, c.table_name), c.column_name) AS sequence
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map();
  for (const r of rows) {
    if (!byTable.has(r.table_name)) byTable.set(r.table_name, []);
    byTable.get(r.table_name).push(r);
  }
  const problems = [];
  const missing = order.filter((t) => !byTable.has(t));
  if (missing.length > 0) problems.push(`tables missing in PostgreSQL: ${missing.join(", ")}`);
  const extra = [...byTable.keys()].filter((t) => !order.includes(t) && !POSTGRES_ONLY_TABLES.includes(t));
  if (extra.length > 0) problems.push(`tables only in PostgreSQL: ${extra.join(", ")}`);
  /** @type {TablePlan[]} */
  const plans = [];
  for (const table of order) {
    const target = byTable.get(table);
    if (!target) continue;
    const sourceColumns = /** @type {Array<{ name: string, pk: number }>} */ (source.prepare(`PRAGMA table_info(${q(table)})`).all());
    const sourceNames = new Set(sourceColumns.map((c) => c.name));
    const copied = target.filter((c) => c.is_generated !== "ALWAYS");
    const targetNames = new Set(copied.map((c) => c.column_name));
    for (const c of sourceColumns) if (!targetNames.has(c.name)) problems.push(`${table}.${c.name} is not a column PostgreSQL can be written to`);
    for (const c of copied) if (!sourceNames.has(c.column_name)) problems.push(`${table}.${c.column_name} exists only in PostgreSQL`);
    /** @type {Column[]} */
    const columns = [];
    for (const c of copied) {
      const kind = kindOf(c.data_type);
      if (!kind) problems.push(`${table}.${c.column_name} has type ${c.data_type}, which db:copy does not convert`);
      else columns.push({ name: c.column_name, kind });
    }
    plans.push({
      name: table,
      columns,
      primaryKey: sourceColumns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      sequences: copied.filter((c) => c.sequence).map((c) => ({ column: c.column_name, sequence: c.sequence })),
      identity: copied.some((c) => c.is_identity === "YES"),
    });
  }
  if (problems.length > 0) {
    throw new CopyError(`The SQLite and PostgreSQL schemas differ (${problems.join("; ")}). Are both migrated by the same version of Quire? Nothing was copied.`);
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------------------------
// Values: the target's form for the INSERT, and the canonical form both checksums hash

/** JSON with object keys sorted at every level: equal for equal values whatever the key order or spacing. */
function stableJson(value) {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A canonical row: JSON of the values (non-finite numbers, which JSON would write as null, spelled out). */
function canonicalRow(values) {
  return `${JSON.stringify(values.map((v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)))}\n`;
}

/**
 * One SQLite value as the target column wants it, and its canonical form. Throws a CopyError naming the row for a
 * value the column cannot hold.
 * @param {unknown} v
 * @param {Column} column
 * @param {() => string} where
 * @returns {[unknown, unknown]}
 */
function convert(v, column, where) {
  if (v === null || v === undefined) return [null, null];
  const wrong = (expected) =>
    new CopyError(`${where()}: ${column.name} holds ${typeof v === "object" ? "a blob" : `${typeof v} ${JSON.stringify(String(v).slice(0, 40))}`}, not ${expected}; nothing was copied.`);
  switch (column.kind) {
    case "text":
      if (typeof v !== "string") throw wrong("text");
      return [v, v];
    case "number":
    case "int8":
      if (typeof v === "bigint") return [Number(v), Number(v)];
      if (typeof v !== "number") throw wrong("a number");
      return [v, v];
    case "boolean":
      if (typeof v !== "number" && typeof v !== "bigint") throw wrong("0 or 1");
      return [!!v, v ? 1 : 0];
    case "moment": {
      const at = typeof v === "number" || typeof v === "bigint" ? new Date(Number(v)) : null;
      if (!at || Number.isNaN(at.getTime())) throw wrong("a moment in epoch milliseconds");
      // As the app reads it (drizzle's timestamp_ms: new Date(value)).
      return [at, at.getTime()];
    }
    case "json": {
      if (typeof v !== "string") throw wrong("JSON text");
      let parsed;
      try {
        parsed = JSON.parse(v);
      } catch {
        throw wrong("valid JSON");
      }
      return [v, stableJson(parsed)];
    }
    case "bytes":
      // A blob (series_tiers.data): the bytes as they are, hashed as hex on both sides.
      if (!Buffer.isBuffer(v)) throw wrong("a blob");
      return [v, v.toString("hex")];
  }
  throw new Error(`unknown column kind ${column.kind}`);
}

/** The canonical form of a value PostgreSQL returns for readBack(column). */
function canonicalFromTarget(v, kind) {
  if (v === null) return null;
  switch (kind) {
    case "moment":
    case "int8":
      return Number(v);
    case "json":
      return stableJson(JSON.parse(v));
    default:
      return v;
  }
}

/** The SELECT expression that reads a column back in a form canonicalFromTarget takes. */
function readBack(column) {
  const c = q(column.name);
  if (column.kind === "moment") return `(extract(epoch FROM ${c}) * 1000)::int8`;
  if (column.kind === "json") return `${c}::text`;
  if (column.kind === "boolean") return `${c}::int`;
  if (column.kind === "bytes") return `encode(${c}, 'hex')`;
  return c;
}

/** Hashes canonical rows: as they come when the reads are ordered by primary key, else sorted first. */
function checksum(ordered) {
  const hash = crypto.createHash("sha256");
  const held = ordered ? null : [];
  let rows = 0;
  return {
    add(line) {
      rows += 1;
      if (held) held.push(line);
      else hash.update(line);
    },
    done() {
      if (held) for (const line of held.sort()) hash.update(line);
      return { rows, checksum: hash.digest("hex") };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Copy and verify

/** Copies one table in multi-row INSERTs (the next batch is built while the last one runs); returns SQLite's count and checksum. */
async function copyTable(source, client, plan) {
  const { name, columns, primaryKey } = plan;
  const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  const columnList = columns.map((c) => q(c.name)).join(", ");
  const insert = (n) => {
    const tuples = [];
    for (let r = 0, p = 1; r < n; r += 1) tuples.push(`(${columns.map(() => `$${p++}`).join(", ")})`);
    return `INSERT INTO ${q(name)} (${columnList})${plan.identity ? " OVERRIDING SYSTEM VALUE" : ""} VALUES ${tuples.join(", ")}`;
  };
  const fullBatch = { name: `dbcopy_${name}_${perBatch}`, text: insert(perBatch) };
  const orderBy = primaryKey.length > 0 ? ` ORDER BY ${primaryKey.map(q).join(", ")}` : "";
  const read = source.prepare(`SELECT ${columnList} FROM ${q(name)}${orderBy}`).raw(true);
  const sum = checksum(primaryKey.length > 0);
  const keyAt = primaryKey.map((k) => columns.findIndex((c) => c.name === k));

  /** @type {Promise<unknown> | undefined} */
  let pending;
  let firstKey = "";
  const send = async (query) => {
    if (pending) await pending;
    const label = firstKey;
    pending = client.query(query).catch((error) => {
      throw new CopyError(`Inserting into ${name} failed (batch from ${label}): ${errorText(error)}. Nothing was copied.`, { cause: error });
    });
    pending.catch(() => {}); // awaited before the next batch or at the end; never left unhandled if the read fails first
  };

  let values = [];
  let inBatch = 0;
  for (const raw of read.iterate()) {
    const row = /** @type {unknown[]} */ (raw);
    const where = () => `${name} row ${keyAt.length > 0 ? keyAt.map((i) => JSON.stringify(row[i])).join("/") : `#${inBatch + 1}`}`;
    if (inBatch === 0) firstKey = where();
    const canonical = new Array(columns.length);
    for (let i = 0; i < columns.length; i += 1) {
      const [value, canon] = convert(row[i], columns[i], where);
      values.push(value);
      canonical[i] = canon;
    }
    sum.add(canonicalRow(canonical));
    inBatch += 1;
    if (inBatch === perBatch) {
      await send({ ...fullBatch, values });
      values = [];
      inBatch = 0;
    }
  }
  if (inBatch > 0) await send({ text: insert(inBatch), values });
  if (pending) await pending;
  return sum.done();
}

/** Reads a table back through the copying client (inside its transaction) and hashes it as copyTable hashed SQLite's. */
async function targetChecksum(client, plan) {
  const { name, columns, primaryKey } = plan;
  const kinds = new Map(columns.map((c) => [c.name, c.kind]));
  const orderBy = primaryKey.length > 0 ? ` ORDER BY ${primaryKey.map((k) => `${q(k)}${kinds.get(k) === "text" ? ' COLLATE "C"' : ""}`).join(", ")}` : "";
  const sum = checksum(primaryKey.length > 0);
  await client.query(`DECLARE dbcopy_check NO SCROLL CURSOR FOR SELECT ${columns.map(readBack).join(", ")} FROM ${q(name)}${orderBy}`);
  for (;;) {
    const { rows } = await client.query({ text: `FETCH ${FETCH_ROWS} FROM dbcopy_check`, rowMode: "array" });
    if (rows.length === 0) break;
    for (const row of rows) sum.add(canonicalRow(row.map((v, i) => canonicalFromTarget(v, columns[i].kind))));
  }
  await client.query("CLOSE dbcopy_check");
  return sum.done();
}

/** Moves each identity sequence past the copied ids (and past SQLite's AUTOINCREMENT high-water mark, so no id is reused). */
async function resetSequences(source, client, plan) {
  const hasSqliteSequence = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").get();
  for (const { column, sequence } of plan.sequences) {
    const { rows } = await client.query(`SELECT max(${q(column)})::int8 AS max FROM ${q(plan.name)}`);
    const used = /** @type {{ seq: number } | undefined} */ (hasSqliteSequence ? source.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?").get(plan.name) : undefined);
    const high = Math.max(rows[0].max === null ? 0 : Number(rows[0].max), used ? Number(used.seq) : 0);
    if (high > 0) await client.query("SELECT setval($1::regclass, $2::int8, true)", [sequence, high]);
  }
}

function connectionMessage(error, url) {
  const code = /** @type {{ code?: string }} */ (error).code;
  const where = redactUrl(url);
  const reason = scrub(errorText(error), url);
  if (code === "3D000") {
    const name = safeDecode(new URL(url).pathname.slice(1));
    return `The database "${name}" does not exist on ${where} (${reason}). Create it first (createdb ${name}, or CREATE DATABASE ${q(name)}) and run the copy again.`;
  }
  if (code === "28P01" || code === "28000") return `PostgreSQL at ${where} refused the sign-in: ${reason}. Check the user and password (in the URL, PGPASSWORD or ~/.pgpass).`;
  if (code && ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ETIMEDOUT"].includes(code)) return `Nothing answers at ${where} (${reason}). Is PostgreSQL running there?`;
  return `Could not connect to PostgreSQL at ${where}: ${reason}`;
}

/**
 * Copies the SQLite database `from` (default: the file db/location.mjs names) into the empty PostgreSQL database at
 * `to`, and verifies it inside the transaction: it commits only when every table's row count and checksum match.
 * Refusals (missing or unmigrated source, unreachable or non-empty target, missing rights) throw a CopyError and
 * change nothing; a mismatch rolls back and returns ok: false.
 * @param {{ from?: string, to: string, log?: (line: string) => void }} options
 * @returns {Promise<CopyReport>}
 */
export async function copyDatabase({ from, to, log = () => {} }) {
  const started = performance.now();
  if (typeof to !== "string" || !/^postgres(ql)?:\/\//.test(to)) throw new CopyError("--to must be a PostgreSQL URL: postgres://USER[:PASSWORD]@HOST:5432/DATABASE");
  const where = redactUrl(to);
  const file = path.resolve(from ?? databaseFile());
  const source = openSource(file);
  const pool = new pg.Pool({ connectionString: to, max: 2, connectionTimeoutMillis: 10_000, application_name: "quire-db-copy" });
  pool.on("error", () => {});
  /** @type {pg.PoolClient | undefined} */
  let client;
  try {
    checkSourceForeignKeys(source, file);
    const order = foreignKeyOrder(source, sourceTables(source));
    try {
      client = await pool.connect();
    } catch (error) {
      throw new CopyError(connectionMessage(error, to), { cause: error });
    }
    client.on("error", () => {});
    await precheckTarget(client, new Set(order), where);
    log(`Copying ${file} → ${where}`);
    try {
      await migratePostgres(pool, PG_MIGRATIONS);
    } catch (error) {
      throw new CopyError(`Applying the PostgreSQL migrations to ${where} failed: ${scrub(errorText(error), to)}`, { cause: error });
    }
    return await copyInTransaction({ source, client, order, file, to, where, log, started });
  } finally {
    client?.release();
    await pool.end().catch(() => {});
    source.close();
  }
}

async function copyInTransaction({ source, client, order, file, to, where, log, started }) {
  await client.query("BEGIN");
  let open = true;
  try {
    const plans = await planTables(client, source, order);
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    try {
      // No other session writes to these tables until COMMIT (readers are not blocked), so the emptiness check holds.
      await client.query(`LOCK TABLE ${plans.map((p) => q(p.name)).join(", ")} IN EXCLUSIVE MODE`);
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code === "55P03") throw new CopyError(`Another session holds locks on the target's tables (${where}) and did not release them within ${LOCK_TIMEOUT}: is a Quire server using this database? Nothing was copied.`, { cause: error });
      throw error;
    }
    refuseNonEmpty(await nonEmptyTables(client, plans.map((p) => p.name)), where);
    try {
      // Triggers (content_version, tags_text) and foreign-key checks stay off for this transaction, so rows arrive as they are.
      await client.query("SET LOCAL session_replication_role = replica");
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code !== "42501") throw error;
      const user = safeDecode(new URL(to).username) || "(the connecting user)";
      throw new CopyError(
        `The PostgreSQL user ${user} may not SET session_replication_role, which the copy needs so that triggers leave the copied rows exactly as they are. ` +
          `Copy as a superuser (such as postgres), or have one run: GRANT SET ON PARAMETER session_replication_role TO ${q(user)}; (PostgreSQL 15+). Nothing was copied.`,
        { cause: error },
      );
    }

    /** @type {Map<string, { rows: number, checksum: string }>} */
    const copied = new Map();
    for (const plan of plans) {
      const t0 = performance.now();
      copied.set(plan.name, await copyTable(source, client, plan));
      await resetSequences(source, client, plan);
      const { rows } = copied.get(plan.name);
      log(`  ${plan.name}: ${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }

    // The search index's vocabulary (migration 0013), which its triggers fill as notes are written, but not here.
    await client.query("SELECT quire_fill_search_lexemes()");

    log("Verifying (row counts and checksums, read back inside the transaction)…");
    /** @type {TableReport[]} */
    const tables = [];
    for (const plan of plans) {
      const s = copied.get(plan.name);
      const t = await targetChecksum(client, plan);
      tables.push({ table: plan.name, sqliteRows: s.rows, postgresRows: t.rows, sqliteChecksum: s.checksum, postgresChecksum: t.checksum, ok: s.rows === t.rows && s.checksum === t.checksum });
    }
    const ok = tables.every((t) => t.ok);
    await client.query(ok ? "COMMIT" : "ROLLBACK");
    open = false;
    const analyzed = ok && (await analyzeCopied(client, plans, where, log));
    return { ok, committed: ok, analyzed, from: file, to: where, elapsedMs: Math.round(performance.now() - started), tables };
  } finally {
    if (open) await client.query("ROLLBACK").catch(() => {});
  }
}

/**
 * Gathers the planner's statistics for the copied tables once they are committed, as after a restore: until
 * autovacuum gets to them the planner would guess their sizes, and the search store, which chooses how it reads a
 * common word from them (db/stores/search-pg-walk.ts), would find none. The copy stands either way, so a failure here
 * is reported with what to run, not thrown.
 */
async function analyzeCopied(client, plans, where, log) {
  log("Gathering the planner's statistics (ANALYZE)…");
  try {
    await client.query(`ANALYZE ${plans.map((p) => q(p.name)).join(", ")}`);
    return true;
  } catch (error) {
    log(`ANALYZE failed (${errorText(error)}); the copy is committed. Run ANALYZE on ${where} before serving from it.`);
    return false;
  }
}

/** The per-table report as a text table. */
export function formatReport(report) {
  const head = ["table", "rows", "checksum"];
  const lines = report.tables.map((t) => [
    t.table,
    t.sqliteRows === t.postgresRows ? t.sqliteRows.toLocaleString("en-US") : `${t.sqliteRows.toLocaleString("en-US")} ≠ ${t.postgresRows.toLocaleString("en-US")}`,
    t.sqliteChecksum === t.postgresChecksum ? `ok ${t.sqliteChecksum.slice(0, 12)}` : `DIFFERS ${t.sqliteChecksum.slice(0, 12)} ≠ ${t.postgresChecksum.slice(0, 12)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n");
}

/** The command line: returns the exit code. */
export async function main(argv = process.argv.slice(2), out = console.log, err = console.error) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { to: { type: "string" }, from: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    err(`${errorText(error).replace(/postgres(ql)?:\/\/\S+/g, (u) => redactUrl(u))}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (!values.to) {
    err(`--to is required.\n\n${USAGE}`);
    return 2;
  }
  try {
    const report = await copyDatabase({ from: values.from, to: values.to, log: out });
    out("");
    out(formatReport(report));
    out("");
    if (report.ok) {
      out(`Copied and verified ${report.tables.length} tables in ${(report.elapsedMs / 1000).toFixed(1)} s; committed to ${report.to}.`);
      return 0;
    }
    err(`The copy differs from the SQLite database in ${report.tables.filter((t) => !t.ok).map((t) => t.table).join(", ")}: rolled back, nothing was committed.`);
    return 1;
  } catch (error) {
    err(`db:copy: ${scrub(errorText(error), values.to)}`);
    if (!(error instanceof CopyError) && error instanceof Error && error.stack) err(scrub(error.stack.split("\n").slice(1).join("\n"), values.to));
    return 1;
  }
}

function invokedDirectly() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) process.exitCode = await main();
