// Observations on SQLite: raw prepared statements (an import writes hundreds of thousands of rows), reused per connection.
import type Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import { buildTiers, type Tiers } from "@/lib/charts/tiers";
import { planBatch, type ObservationPoint, type ObservationStats, type ObservationStore } from "./observations";

type Statements = {
  /** Raw rows: [date, value]. */
  current: Statement<[string], [string, number]>;
  insert: Statement<[string, string, number, number]>;
  insertMany: Statement<unknown[]>;
  close: Statement<[number, string, string]>;
  bump: Statement<[number, string], { data_version: number }>;
  read: Statement<[string, string, string], ObservationPoint>;
  readAsOf: Statement<[string, string, string, number, number], ObservationPoint>;
  revisions: Statement<[string], { n: number }>;
  version: Statement<[string], { data_version: number }>;
  dropTiers: Statement<[string]>;
  insertTier: Statement<[string, number, number, Buffer]>;
  tier: Statement<[string, number, number], { data: Buffer }>;
};

/** Rows per multi-row INSERT: one call into SQLite per 128 rows instead of one per row (4 × 128 parameters). */
const INSERT_BATCH = 128;

const byClient = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = byClient.get(sqlite);
  if (!s) {
    s = {
      current: sqlite.prepare<[string], [string, number]>("SELECT date, value FROM observations WHERE series_id = ? AND known_until IS NULL ORDER BY date"),
      insert: sqlite.prepare("INSERT INTO observations (series_id, date, value, known_from) VALUES (?, ?, ?, ?)"),
      insertMany: sqlite.prepare(`INSERT INTO observations (series_id, date, value, known_from) VALUES ${Array(INSERT_BATCH).fill("(?, ?, ?, ?)").join(", ")}`),
      close: sqlite.prepare("UPDATE observations SET known_until = ? WHERE series_id = ? AND date = ? AND known_until IS NULL"),
      bump: sqlite.prepare("UPDATE series SET data_version = data_version + 1, data_changed_at = ? WHERE id = ? RETURNING data_version"),
      read: sqlite.prepare("SELECT date, value FROM observations WHERE series_id = ? AND known_until IS NULL AND date >= ? AND date <= ? ORDER BY date"),
      readAsOf: sqlite.prepare(
        "SELECT date, value FROM observations WHERE series_id = ? AND date >= ? AND date <= ? AND known_from <= ? AND (known_until IS NULL OR known_until > ?) ORDER BY date",
      ),
      revisions: sqlite.prepare("SELECT count(*) AS n FROM observations WHERE series_id = ? AND known_until IS NOT NULL"),
      version: sqlite.prepare("SELECT data_version FROM series WHERE id = ?"),
      dropTiers: sqlite.prepare("DELETE FROM series_tiers WHERE series_id = ?"),
      insertTier: sqlite.prepare("INSERT INTO series_tiers (series_id, data_version, block, data) VALUES (?, ?, ?, ?)"),
      tier: sqlite.prepare("SELECT data FROM series_tiers WHERE series_id = ? AND data_version = ? AND block = ?"),
    };
    byClient.set(sqlite, s);
  }
  return s;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Replaces the series' tiers with `tiers` at `dataVersion` (block -1 the summary). */
function putTiers(s: Statements, seriesId: string, dataVersion: number, tiers: Tiers): void {
  s.dropTiers.run(seriesId);
  s.insertTier.run(seriesId, dataVersion, -1, asBuffer(tiers.summary));
  tiers.blocks.forEach((block, i) => s.insertTier.run(seriesId, dataVersion, i, asBuffer(block)));
}

/** The observation store over one SQLite connection. */
export function sqliteObservations(sqlite: Database.Database): ObservationStore {
  return {
    async apply(seriesId, rows, at) {
      const s = statements(sqlite);
      const dates: string[] = [];
      const values: number[] = [];
      // Raw rows, set each time: a statement shared through the connection's cache may have been reset to objects.
      for (const [date, value] of s.current.raw(true).iterate(seriesId)) {
        dates.push(date);
        values.push(value);
      }
      const { closes, inserts, result, after } = planBatch({ dates, values }, rows);
      if (inserts.length === 0) return result;
      // Close the revised rows first, then insert every new row, INSERT_BATCH rows to a statement.
      for (const date of closes) s.close.run(at, seriesId, date);
      const full = inserts.length - (inserts.length % INSERT_BATCH);
      const params: unknown[] = [];
      for (let i = 0; i < full; i += INSERT_BATCH) {
        params.length = 0;
        for (let j = i; j < i + INSERT_BATCH; j++) params.push(seriesId, inserts[j]!.date, inserts[j]!.value, at);
        s.insertMany.run(params);
      }
      for (let i = full; i < inserts.length; i++) s.insert.run(seriesId, inserts[i]!.date, inserts[i]!.value, at);
      const bumped = s.bump.get(at, seriesId);
      const tiers = bumped ? buildTiers(after.dates, after.values) : null;
      if (bumped && tiers) putTiers(s, seriesId, bumped.data_version, tiers);
      else s.dropTiers.run(seriesId);
      return result;
    },
    async read(seriesId, from, to, asOf) {
      const s = statements(sqlite);
      return asOf === undefined ? s.read.all(seriesId, from, to) : s.readAsOf.all(seriesId, from, to, asOf, asOf);
    },
    async stats(ids) {
      const rows = sqlite
        .prepare(
          `SELECT series_id AS id, count(*) AS rowCount, min(date) AS firstDate, max(date) AS lastDate
           FROM observations WHERE known_until IS NULL AND series_id IN (${ids.map(() => "?").join(",")}) GROUP BY series_id`,
        )
        .all(...ids) as ObservationStats[];
      return rows;
    },
    async revisionCount(seriesId) {
      return statements(sqlite).revisions.get(seriesId)!.n;
    },
    async tierSummary(seriesId, dataVersion) {
      return statements(sqlite).tier.get(seriesId, dataVersion, -1)?.data ?? null;
    },
    async tierBlocks(seriesId, dataVersion, blocks) {
      const s = statements(sqlite);
      const out = new Map<number, Uint8Array>();
      for (const block of blocks) {
        const row = s.tier.get(seriesId, dataVersion, block);
        if (row) out.set(block, row.data);
      }
      return out;
    },
    async writeTiers(seriesId, dataVersion, tiers) {
      const s = statements(sqlite);
      if (s.version.get(seriesId)?.data_version !== dataVersion) return false;
      putTiers(s, seriesId, dataVersion, tiers);
      return true;
    },
  };
}
