// Observations on SQLite: raw prepared statements (an import writes hundreds of thousands of rows), reused per connection.
import type Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import type { ApplyResult, ObservationPoint, ObservationStats, ObservationStore } from "./observations";

type Statements = {
  current: Statement<[string], { date: string; value: number }>;
  insert: Statement<[string, string, number, number]>;
  close: Statement<[number, string, string]>;
  bump: Statement<[number, string]>;
  read: Statement<[string, string, string], ObservationPoint>;
  readAsOf: Statement<[string, string, string, number, number], ObservationPoint>;
  revisions: Statement<[string], { n: number }>;
};

const byClient = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = byClient.get(sqlite);
  if (!s) {
    s = {
      current: sqlite.prepare("SELECT date, value FROM observations WHERE series_id = ? AND known_until IS NULL"),
      insert: sqlite.prepare("INSERT INTO observations (series_id, date, value, known_from) VALUES (?, ?, ?, ?)"),
      close: sqlite.prepare("UPDATE observations SET known_until = ? WHERE series_id = ? AND date = ? AND known_until IS NULL"),
      bump: sqlite.prepare("UPDATE series SET data_version = data_version + 1, data_changed_at = ? WHERE id = ?"),
      read: sqlite.prepare("SELECT date, value FROM observations WHERE series_id = ? AND known_until IS NULL AND date >= ? AND date <= ? ORDER BY date"),
      readAsOf: sqlite.prepare(
        "SELECT date, value FROM observations WHERE series_id = ? AND date >= ? AND date <= ? AND known_from <= ? AND (known_until IS NULL OR known_until > ?) ORDER BY date",
      ),
      revisions: sqlite.prepare("SELECT count(*) AS n FROM observations WHERE series_id = ? AND known_until IS NOT NULL"),
    };
    byClient.set(sqlite, s);
  }
  return s;
}

/** The observation store over one SQLite connection. */
export function sqliteObservations(sqlite: Database.Database): ObservationStore {
  return {
    async apply(seriesId, rows, at) {
      const s = statements(sqlite);
      const current = new Map<string, number>();
      for (const row of s.current.iterate(seriesId)) current.set(row.date, row.value);
      const result: ApplyResult = { inserted: 0, revised: 0, unchanged: 0 };
      for (const { date, value } of rows) {
        const known = current.get(date);
        if (known === value) {
          result.unchanged++;
          continue;
        }
        if (known !== undefined) {
          s.close.run(at, seriesId, date);
          result.revised++;
        } else {
          result.inserted++;
        }
        s.insert.run(seriesId, date, value, at);
      }
      if (result.inserted + result.revised > 0) s.bump.run(at, seriesId);
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
  };
}
