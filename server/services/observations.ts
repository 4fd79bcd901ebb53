// Observations with vintages: apply a batch (new values open rows, revised values close the old row first) and read as of any moment.
import type { Statement } from "better-sqlite3";
import { getDb, type Db } from "@/db/client";

export type ObservationPoint = { date: string; value: number };
export type ApplyResult = { inserted: number; revised: number; unchanged: number };
export type ObservationRange = { from?: string; to?: string; asOf?: Date };

type Statements = {
  current: Statement<[string], { date: string; value: number }>;
  insert: Statement<[string, string, number, number]>;
  close: Statement<[number, string, string]>;
  bump: Statement<[number, string]>;
  read: Statement<[string, string, string], ObservationPoint>;
  readAsOf: Statement<[string, string, string, number, number], ObservationPoint>;
};

const byDb = new WeakMap<Db, Statements>();

function statements(): Statements {
  const db = getDb();
  let s = byDb.get(db);
  if (!s) {
    const sqlite = db.$client;
    s = {
      current: sqlite.prepare("SELECT date, value FROM observations WHERE series_id = ? AND known_until IS NULL"),
      insert: sqlite.prepare("INSERT INTO observations (series_id, date, value, known_from) VALUES (?, ?, ?, ?)"),
      close: sqlite.prepare("UPDATE observations SET known_until = ? WHERE series_id = ? AND date = ? AND known_until IS NULL"),
      bump: sqlite.prepare("UPDATE series SET data_version = data_version + 1, data_changed_at = ? WHERE id = ?"),
      read: sqlite.prepare(
        "SELECT date, value FROM observations WHERE series_id = ? AND known_until IS NULL AND date >= ? AND date <= ? ORDER BY date",
      ),
      readAsOf: sqlite.prepare(
        "SELECT date, value FROM observations WHERE series_id = ? AND date >= ? AND date <= ? AND known_from <= ? AND (known_until IS NULL OR known_until > ?) ORDER BY date",
      ),
    };
    byDb.set(db, s);
  }
  return s;
}

/**
 * Writes a batch of observations for one series in one transaction: a date not yet known opens a row,
 * a changed value closes the current row (known_until) and opens a new one, an equal value changes nothing.
 * The series' data version moves on only when something changed. `rows` must have one entry per date
 * (the parsers and the push merge them); the write transaction keeps one current row per date.
 */
export function applyObservations(seriesId: string, rows: readonly ObservationPoint[], at: number = Date.now()): ApplyResult {
  const s = statements();
  const run = getDb().$client.transaction(() => {
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
  });
  return run.immediate();
}

/** The series' values between two dates (inclusive), as known now or as known at `asOf`. */
export function readObservations(seriesId: string, range: ObservationRange = {}): ObservationPoint[] {
  const s = statements();
  const from = range.from ?? "0000-01-01";
  const to = range.to ?? "9999-12-31";
  if (range.asOf) {
    const at = range.asOf.getTime();
    return s.readAsOf.all(seriesId, from, to, at, at);
  }
  return s.read.all(seriesId, from, to);
}
