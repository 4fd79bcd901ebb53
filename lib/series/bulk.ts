// Reads a file holding many series at once: long (`date,symbol,close`, one series per symbol) or wide (`date,IWM,SPY`, one per column).
import { seriesKeySchema } from "@/lib/charts/spec";
import { ObservationCollector, MAX_IMPORT_ERRORS_SHOWN } from "./collect";
import { isDateColumnName, preferredValueColumn } from "./columns";
import { parseDateText } from "./dates";
import { isMissingText, parseNumberText, readNumber } from "./numbers";
import type { ParseResult, RowError } from "./parse";
import { forEachRow, ImportFormatError, isBlankFrom, prepare, sampleRows, type Table } from "./table";

/** How many series one file may create or update. */
export const MAX_BULK_SERIES = 200;

/** Long: one row per date and symbol. Wide: one row per date, one column per series. */
export type BulkMapping =
  | { layout: "long"; dateColumn: string; keyColumn: string; valueColumn: string }
  | { layout: "wide"; dateColumn: string; valueColumns: string[] };

/** One series found in the file: its key, where it came from (the symbol or column as written), its rows, and a key problem if any. */
export type BulkSeries = { key: string; label: string; result: ParseResult; keyError?: string };

/** Everything a bulk import needs: the mapping used, each series, and the rows that belong to none (bad dates, no symbol). */
export type BulkParse = {
  mapping: BulkMapping;
  series: BulkSeries[];
  /** Problems of the file as a whole and of rows belonging to no series (first ones, by line). */
  errors: RowError[];
  /** All problems: file rows, series rows and keys. Zero means the file can be imported. */
  errorCount: number;
};

const KEY_COLUMN = /^(symbol|ticker|series|series_id|key|code|name|instrument|id)$/i;
const SAMPLE_ROWS = 200;

/** A series key for a symbol or column as written: trimmed, Yahoo's leading ^ dropped, spaces as dashes. */
export function keyFromLabel(label: string): string {
  return label.trim().replace(/^\^/, "").replace(/\s+/g, "-");
}

type ColumnKind = { name: string; index: number; dates: number; numbers: number; texts: number; filled: number };

function profile(table: Table): ColumnKind[] {
  const sample = sampleRows(table, SAMPLE_ROWS);
  return table.header.map((name, index) => {
    const kind: ColumnKind = { name, index, dates: 0, numbers: 0, texts: 0, filled: 0 };
    for (const row of sample) {
      const cell = row[index];
      if (cell === undefined || isMissingText(cell)) continue;
      kind.filled++;
      if (parseDateText(cell) !== null) kind.dates++;
      if (parseNumberText(cell).kind === "number") kind.numbers++;
      else kind.texts++;
    }
    return kind;
  });
}

/**
 * The likely layout of a table holding many series: long when a column of text (symbol, ticker, …) sits beside a
 * date column and a value column, wide when every other column holds numbers. Throws {@link ImportFormatError}
 * with what to change when neither fits.
 */
export function detectBulkMapping(table: Table): BulkMapping {
  const columns = profile(table);
  const dateCandidates = columns.filter((c) => c.filled > 0 && c.dates * 2 > c.filled);
  const date = dateCandidates.find((c) => isDateColumnName(c.name)) ?? dateCandidates.find((c) => c.texts > 0) ?? dateCandidates[0];
  if (!date) throw new ImportFormatError("No column of this file holds dates. Check that the first line names the columns.");
  const rest = columns.filter((c) => c !== date);
  const numeric = rest.filter((c) => c.numbers > 0 && c.numbers >= c.texts);
  const text = rest.filter((c) => c.filled > 0 && c.texts > c.numbers);
  if (text.length > 0) {
    const key = text.find((c) => KEY_COLUMN.test(c.name)) ?? text[0]!;
    const names = numeric.map((c) => c.name);
    const value = names.length === 1 ? names[0] : preferredValueColumn(names);
    if (value === undefined) {
      throw new ImportFormatError(
        names.length === 0
          ? `Each row names a series in “${key.name}”, but no column holds numbers.`
          : `Each row names a series in “${key.name}”; choose which column holds the values: ${names.join(", ")}.`,
      );
    }
    return { layout: "long", dateColumn: date.name, keyColumn: key.name, valueColumn: value };
  }
  if (numeric.length === 0) throw new ImportFormatError("No column of this file holds numbers.");
  return { layout: "wide", dateColumn: date.name, valueColumns: numeric.map((c) => c.name) };
}

function indexOf(table: Table, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new ImportFormatError(`The file has no column “${name}”; its columns are ${table.header.join(", ")}.`);
  return i;
}

type Group = { label: string; collector: ObservationCollector };

function keyProblem(key: string, label: string): string | undefined {
  if (key === "") return `“${label}” gives no series key`;
  const parsed = seriesKeySchema.safeParse(key);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/**
 * Reads every series of a long or wide file (the layout detected when `mapping` is not given). Each series is
 * collected like a single import (sorted, duplicates merged, conflicting dates reported); a key that is not a valid
 * series key, a bad date, or a row without a symbol counts as a problem. Throws {@link ImportFormatError} for a file
 * that is not a table of many series.
 */
export function parseBulk(text: string, mapping?: BulkMapping): BulkParse {
  const prepared = prepare(text);
  if (prepared.kind === "yahoo") throw new ImportFormatError("A Yahoo chart file holds one series: import it into a series from its page.");
  const { table } = prepared;
  const m = mapping ?? detectBulkMapping(table);
  const di = indexOf(table, m.dateColumn);
  const columns = table.header.length;
  const errors: RowError[] = [];
  let errorCount = 0;
  const fileError = (row: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_IMPORT_ERRORS_SHOWN) errors.push({ row, message });
  };
  const groups = new Map<string, Group>();
  let tooMany = false;
  const groupFor = (label: string): Group | undefined => {
    let g = groups.get(label);
    if (!g) {
      if (groups.size >= MAX_BULK_SERIES) {
        tooMany = true;
        return undefined;
      }
      g = { label, collector: new ObservationCollector() };
      groups.set(label, g);
    }
    return g;
  };

  if (m.layout === "long") {
    const ki = indexOf(table, m.keyColumn);
    const vi = indexOf(table, m.valueColumn);
    if (new Set([di, ki, vi]).size < 3) throw new ImportFormatError("The date, symbol and value columns must be three different columns.");
    const needed = Math.max(di, ki, vi) + 1;
    forEachRow(table, (row, line, problem) => {
      if (problem !== undefined) return void fileError(line, problem);
      if (row.count < needed) return void fileError(line, `the row has ${row.count} of ${columns} columns`);
      if (row.count > columns && !isBlankFrom(row, columns)) return void fileError(line, `the row has ${row.count} columns but the header names ${columns}`);
      const label = row.field(ki).trim();
      if (label === "") return void fileError(line, `the ${m.keyColumn} is missing`);
      const group = groupFor(label);
      if (!group) return false;
      const dateText = row.field(di);
      const date = parseDateText(dateText);
      if (date === null) return void group.collector.error(line, dateText.trim() === "" ? "the date is missing" : `“${dateText.trim()}” is not a date`);
      const valueText = row.field(vi);
      const value = readNumber(valueText);
      if (value === null) group.collector.missing();
      else if (value === undefined) group.collector.error(line, `“${valueText.trim()}” is not a number`);
      else group.collector.add(date, value, line);
    });
  } else {
    if (m.valueColumns.length === 0) throw new ImportFormatError("Choose at least one column of values.");
    const targets = m.valueColumns.map((name) => ({ index: indexOf(table, name), group: groupFor(name) }));
    if (targets.some((t) => t.index === di)) throw new ImportFormatError(`“${m.dateColumn}” is the date column; it cannot also be a series.`);
    const needed = Math.max(di, ...targets.map((t) => t.index)) + 1;
    forEachRow(table, (row, line, problem) => {
      if (problem !== undefined) return void fileError(line, problem);
      if (row.count < needed) return void fileError(line, `the row has ${row.count} of ${columns} columns`);
      const dateText = row.field(di);
      const date = parseDateText(dateText);
      if (date === null) return void fileError(line, dateText.trim() === "" ? "the date is missing" : `“${dateText.trim()}” is not a date`);
      for (const t of targets) {
        if (!t.group) continue;
        const valueText = row.field(t.index);
        const value = readNumber(valueText);
        if (value === null) t.group.collector.missing();
        else if (value === undefined) t.group.collector.error(line, `${t.group.label}: “${valueText.trim()}” is not a number`);
        else t.group.collector.add(date, value, line);
      }
    });
  }
  if (tooMany) fileError(1, `the file names more than ${MAX_BULK_SERIES} series; split it into smaller files`);

  const seenKeys = new Map<string, string>();
  const series: BulkSeries[] = [...groups.values()].map(({ label, collector }) => {
    const result = collector.finish();
    const key = keyFromLabel(label);
    let keyError = keyProblem(key, label);
    const clash = seenKeys.get(key);
    if (!keyError && clash !== undefined) keyError = `“${label}” and “${clash}” would both be the series ${key}`;
    seenKeys.set(key, label);
    if (!keyError && result.observations.length === 0 && result.errorCount === 0) keyError = "no values (every row was missing)";
    errorCount += result.errorCount + (keyError ? 1 : 0);
    return { key, label, result, ...(keyError ? { keyError } : {}) };
  });
  if (series.length === 0 && errorCount === 0) fileError(1, "the file has no rows of data");
  return { mapping: m, series, errors, errorCount };
}

/** The mapping a table of many series would be read with, or null when the file holds one series (or is not a table). */
export function bulkMappingOf(text: string): BulkMapping | null {
  try {
    const prepared = prepare(text);
    return prepared.kind === "table" ? detectBulkMapping(prepared.table) : null;
  } catch {
    return null;
  }
}
