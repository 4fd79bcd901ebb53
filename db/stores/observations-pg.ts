// Observations on PostgreSQL: the semantics of observations-sqlite.ts with set-based statements (arrays through unnest), so an import of hundreds of thousands of rows is a few round trips.
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { transactionConnection } from "../prepared";
import { buildTiers, type Tiers } from "@/lib/charts/tiers";
import { planBatch, type ObservationPoint, type ObservationStats, type ObservationStore } from "./observations";

/** Dates (and values) per statement: each array is one bound parameter, so this bounds a statement's size, not its count of parameters. */
const CHUNK = 50_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Rows per COPY text chunk handed to the connection. */
const COPY_BATCH = 10_000;

/** A field of COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyField(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : text;
}


/**
 * Writes new open rows with COPY, faster than INSERT … SELECT FROM unnest (bench/results.json, "CSV import"): numbers in
 * JavaScript's shortest round-trip form, which float8 reads back exactly.
 */
async function copyRows(client: pg.PoolClient, seriesId: string, points: readonly ObservationPoint[], at: number): Promise<void> {
  const prefix = `${copyField(seriesId)}\t`;
  const suffix = `\t${at}\n`;
  function* text() {
    for (let i = 0; i < points.length; i += COPY_BATCH) {
      let chunk = "";
      for (const p of points.slice(i, i + COPY_BATCH)) chunk += `${prefix}${copyField(p.date)}\t${p.value}${suffix}`;
      yield chunk;
    }
  }
  await pipeline(Readable.from(text()), client.query(copyFrom("COPY observations (series_id, date, value, known_from) FROM STDIN")));
}

/** Tier blocks per INSERT (about 1.2 KB each, sent as hex). */
const TIER_CHUNK = 2_000;

// Any schema, and a transaction too: only execute() is used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handle = NodePgDatabase<any>;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Writes tier rows with COPY in PostgreSQL's binary format: the bytes go as they are (hex text would double them, and
 * this runs in every write of a series). Rows are (series_id, data_version, block, data), block -1 first.
 */
async function copyTiers(client: pg.PoolClient, seriesId: string, dataVersion: number, all: Buffer[]): Promise<void> {
  const id = Buffer.from(seriesId, "utf8");
  function* chunks() {
    const header = Buffer.alloc(19);
    header.write("PGCOPY\n\xff\r\n\0", 0, "latin1");
    yield header; // flags and header extension: zero
    for (let i = 0; i < all.length; i += COPY_BATCH / 10) {
      const rows = all.slice(i, i + COPY_BATCH / 10);
      const size = rows.reduce((n, data) => n + 2 + 4 + id.length + 8 + 8 + 4 + data.length, 0);
      const out = Buffer.alloc(size);
      let at = 0;
      rows.forEach((data, k) => {
        at = out.writeInt16BE(4, at);
        at = out.writeInt32BE(id.length, at);
        at += id.copy(out, at);
        at = out.writeInt32BE(4, at);
        at = out.writeInt32BE(dataVersion, at);
        at = out.writeInt32BE(4, at);
        at = out.writeInt32BE(i + k - 1, at);
        at = out.writeInt32BE(data.length, at);
        at += data.copy(out, at);
      });
      yield out;
    }
    const trailer = Buffer.alloc(2);
    trailer.writeInt16BE(-1, 0);
    yield trailer;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom("COPY series_tiers (series_id, data_version, block, data) FROM STDIN WITH (FORMAT binary)")));
}

/** Replaces the series' tiers with `tiers` at `dataVersion` (block -1 the summary); inside the caller's transaction. */
async function putTiers(db: Handle, seriesId: string, dataVersion: number, tiers: Tiers): Promise<void> {
  await db.execute(sql`DELETE FROM series_tiers WHERE series_id = ${seriesId}`);
  const all = [tiers.summary, ...tiers.blocks].map(asBuffer);
  const connection = transactionConnection(db);
  if (connection) return copyTiers(connection, seriesId, dataVersion, all);
  for (let i = 0; i < all.length; i += TIER_CHUNK) {
    const data = all.slice(i, i + TIER_CHUNK);
    const blocks = data.map((_, k) => i + k - 1);
    await db.execute(
      sql`INSERT INTO series_tiers (series_id, data_version, block, data)
          SELECT ${seriesId}, ${dataVersion}::int, t.b, t.d FROM unnest(${sql.param(blocks)}::int[], ${sql.param(data)}::bytea[]) AS t(b, d)`,
    );
  }
}

/**
 * The observation store over a drizzle node-postgres handle; call apply() inside a transaction (the caller's), as
 * on SQLite. Values are float8 (read back as JS numbers), known_from / known_until bigint epoch ms.
 */
export function postgresObservations(db: Handle): ObservationStore {
  return {
    async apply(seriesId, rows, at) {
      const { rows: open } = await db.execute<{ date: string; value: number }>(
        sql`SELECT date, value FROM observations WHERE series_id = ${seriesId} AND known_until IS NULL ORDER BY date`,
      );
      const { closes: revised, inserts: written, result, after } = planBatch({ dates: open.map((r) => r.date), values: open.map((r) => r.value) }, rows);
      // Moves the data version on first, which locks the series row: the series cannot be deleted while its rows are
      // written (its delete trigger removes them once this commits), and a series already gone gets none.
      let dataVersion: number | undefined;
      if (written.length > 0) {
        const { rows: bumped } = await db.execute<{ data_version: number }>(
          sql`UPDATE series SET data_version = data_version + 1, data_changed_at = to_timestamp(${at}::float8 / 1000) WHERE id = ${seriesId}
              RETURNING data_version`,
        );
        if (!bumped[0]) throw new Error(`Observations for series ${seriesId}, which does not exist: nothing was written.`);
        dataVersion = Number(bumped[0].data_version);
      }
      // Close the revised rows before inserting their successors: the UPDATE must not see the new open rows.
      for (const dates of chunks(revised)) {
        await db.execute(
          sql`UPDATE observations SET known_until = ${at}::bigint
              WHERE series_id = ${seriesId} AND known_until IS NULL AND date = ANY(${sql.param(dates)}::text[])`,
        );
      }
      const connection = transactionConnection(db);
      if (connection && written.length > 0) await copyRows(connection, seriesId, written, at);
      else for (const points of chunks(written)) {
        await db.execute(
          sql`INSERT INTO observations (series_id, date, value, known_from)
              SELECT ${seriesId}, t.d, t.v, ${at}::bigint
              FROM unnest(${sql.param(points.map((p) => p.date))}::text[], ${sql.param(points.map((p) => p.value))}::float8[]) AS t(d, v)`,
        );
      }
      if (dataVersion !== undefined) {
        const tiers = buildTiers(after.dates, after.values);
        if (tiers) await putTiers(db, seriesId, dataVersion, tiers);
        else await db.execute(sql`DELETE FROM series_tiers WHERE series_id = ${seriesId}`);
      }
      return result;
    },

    async read(seriesId, from, to, asOf) {
      const { rows } = await db.execute<ObservationPoint>(
        asOf === undefined
          ? sql`SELECT date, value FROM observations
                WHERE series_id = ${seriesId} AND known_until IS NULL AND date >= ${from} AND date <= ${to} ORDER BY date`
          : sql`SELECT date, value FROM observations
                WHERE series_id = ${seriesId} AND date >= ${from} AND date <= ${to}
                  AND known_from <= ${asOf}::bigint AND (known_until IS NULL OR known_until > ${asOf}::bigint)
                ORDER BY date`,
      );
      return rows.map((r) => ({ date: r.date, value: Number(r.value) }));
    },

    async stats(ids) {
      if (ids.length === 0) return [];
      const { rows } = await db.execute<{ id: string; row_count: string; first_date: string; last_date: string }>(
        sql`SELECT series_id AS id, count(*) AS row_count, min(date) AS first_date, max(date) AS last_date
            FROM observations WHERE known_until IS NULL AND series_id = ANY(${sql.param(ids)}::text[])
            GROUP BY series_id ORDER BY series_id`,
      );
      return rows.map((r): ObservationStats => ({ id: r.id, rowCount: Number(r.row_count), firstDate: r.first_date, lastDate: r.last_date }));
    },

    async revisionCount(seriesId) {
      const { rows } = await db.execute<{ n: string }>(
        sql`SELECT count(*) AS n FROM observations WHERE series_id = ${seriesId} AND known_until IS NOT NULL`,
      );
      return Number(rows[0]?.n ?? 0);
    },

    // Bytes as base64 text: a third larger than the bytes, against twice for bytea's hex form (pg's binary results
    // decode every field as UTF-8 text, so they cannot carry bytes).
    async tierSummary(seriesId, dataVersion) {
      const { rows } = await db.execute<{ data: string }>(
        sql`SELECT encode(data, 'base64') AS data FROM series_tiers WHERE series_id = ${seriesId} AND data_version = ${dataVersion}::int AND block = -1`,
      );
      return rows[0] ? Buffer.from(rows[0].data, "base64") : null;
    },

    async tierBlocks(seriesId, dataVersion, blocks) {
      if (blocks.length === 0) return new Map();
      const { rows } = await db.execute<{ block: number; data: string }>(
        sql`SELECT block, encode(data, 'base64') AS data FROM series_tiers
            WHERE series_id = ${seriesId} AND data_version = ${dataVersion}::int AND block = ANY(${sql.param([...blocks])}::int[])`,
      );
      return new Map(rows.map((r) => [Number(r.block), Buffer.from(r.data, "base64")]));
    },

    async writeTiers(seriesId, dataVersion, tiers) {
      // Locks the series row: a write that moves the version on either commits first (and this sees its version) or waits.
      const { rows } = await db.execute<{ data_version: number }>(sql`SELECT data_version FROM series WHERE id = ${seriesId} FOR UPDATE`);
      if (rows[0] === undefined || Number(rows[0].data_version) !== dataVersion) return false;
      await putTiers(db, seriesId, dataVersion, tiers);
      return true;
    },
  };
}
