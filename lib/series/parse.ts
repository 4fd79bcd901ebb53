// Reads an uploaded data file (FRED, Yahoo chart JSON, Stooq or any dated CSV/TSV) into observations, in the browser or on the server.
import { ObservationCollector } from "./collect";
import { isDateColumnName, preferredValueColumn } from "./columns";
import { parseDateText } from "./dates";
import { isMissingText, parseNumberText, readNumber } from "./numbers";
import { countRows, forEachRow, ImportFormatError, isBlankFrom, prepare, sampleRows, type Table } from "./table";
import { YAHOO_COLUMNS, type YahooChart, type YahooColumn } from "./yahoo-chart";

export { MAX_IMPORT_ERRORS_SHOWN } from "./collect";
export { ImportFormatError } from "./table";

/** One value of a series for one calendar date. */
export type ObservationInput = { date: string; value: number };

/** A row that cannot be imported: its 1-based line in the file (the header is line 1) and what is wrong with it. */
export type RowError = { row: number; message: string };

export type DetectedFormat = "fred" | "yahoo" | "stooq" | "generic";

/** What a file holds, for the import preview: its format, columns, the columns that look like dates and values. */
export type ParsedFile = {
  format: DetectedFormat;
  /** Header names (generic: all; fred: [date, SERIES_ID]; yahoo: ["date", "open", …, "adjclose", "volume"] as present). */
  columns: string[];
  dateColumn: string | null;
  /** Columns whose cells are mostly numbers, in file order (yahoo: adjclose first). */
  valueColumns: string[];
  /** FRED series id, Yahoo symbol, Stooq symbol from the file name, or null. */
  suggestedKey: string | null;
  rowCount: number;
  /** The first 20 data rows as text. */
  preview: string[][];
};

/**
 * Which columns to import. `filter` keeps only the rows whose `column` equals `equals` (after trimming): a file with
 * several series in long form (`symbol,date,price`) imports one series at a time.
 */
export type ImportMapping = { dateColumn: string; valueColumn: string; filter?: { column: string; equals: string } };

/** The observations of a file (sorted by date, one per date) and what was skipped or wrong. A file with errors should import nothing. */
export type ParseResult = {
  observations: ObservationInput[];
  /** Rows whose value is marked missing (`.`, empty, `NaN`, `N/A`, `null`). */
  skippedMissing: number;
  /** The first {@link MAX_IMPORT_ERRORS_SHOWN} errors, by line. */
  errors: RowError[];
  /** How many errors there are in all. */
  errorCount: number;
  /** Rows that repeat a date with the same value, merged into one observation. */
  duplicates: number;
};

const PREVIEW_ROWS = 20;
const SAMPLE_ROWS = 200;

const FRED_ID = /^[A-Z0-9][A-Z0-9_]*$/;
const STOOQ_HEADER = ["Date", "Open", "High", "Low", "Close"];

function quote(text: string): string {
  const t = text.trim();
  return `“${t.length > 40 ? `${t.slice(0, 40)}…` : t}”`;
}


function stooqKey(fileName: string | undefined): string | null {
  const base = fileName?.split(/[\\/]/).pop();
  const m = base ? /^(.+?)_d\.(?:csv|txt)$/i.exec(base) : null;
  return m ? m[1]!.replace(/_/g, ".").toLowerCase() : null;
}

function classify(header: string[]): DetectedFormat {
  if (header.length >= 2 && (header[0] === "observation_date" || header[0] === "DATE") && header.slice(1).every((h) => FRED_ID.test(h))) return "fred";
  if (STOOQ_HEADER.every((name, i) => header[i] === name)) return "stooq";
  return "generic";
}

function inferGenericColumns(header: string[], sample: string[][]): { dateColumn: string | null; valueColumns: string[] } {
  const dateCandidates: Array<{ index: number; named: boolean; digitsOnly: boolean }> = [];
  const valueColumns: string[] = [];
  header.forEach((name, index) => {
    let filled = 0;
    let dates = 0;
    let numbers = 0;
    let invalid = 0;
    let digitsOnly = true;
    for (const row of sample) {
      const cell = row[index];
      if (cell === undefined || isMissingText(cell)) continue;
      filled++;
      if (parseDateText(cell) !== null) dates++;
      if (!/^\s*\d+\s*$/.test(cell)) digitsOnly = false;
      if (parseNumberText(cell).kind === "number") numbers++;
      else invalid++;
    }
    if (filled > 0 && dates * 2 > filled) dateCandidates.push({ index, named: isDateColumnName(name), digitsOnly });
    if (numbers > 0 && numbers >= invalid) valueColumns.push(name);
  });
  const best = dateCandidates.find((c) => c.named) ?? dateCandidates.find((c) => !c.digitsOnly) ?? dateCandidates[0];
  const dateColumn = best === undefined ? null : header[best.index]!;
  return { dateColumn, valueColumns: valueColumns.filter((c) => c !== dateColumn) };
}

function yahooColumns(chart: YahooChart): YahooColumn[] {
  return YAHOO_COLUMNS.filter((c) => chart.columns[c] !== undefined);
}

function detectYahoo(chart: YahooChart): ParsedFile {
  const present = yahooColumns(chart);
  const tableOrder = (["open", "high", "low", "close", "adjclose", "volume"] as const).filter((c) => present.includes(c));
  return {
    format: "yahoo",
    columns: ["date", ...tableOrder],
    dateColumn: "date",
    valueColumns: present,
    suggestedKey: chart.symbol,
    rowCount: chart.dates.length,
    preview: chart.dates.slice(0, PREVIEW_ROWS).map((date, i) => [date, ...tableOrder.map((c) => String(chart.columns[c]![i] ?? ""))]),
  };
}

/**
 * What a file holds: its format (FRED graph CSV, Yahoo chart JSON, Stooq CSV, or generic CSV/TSV), its columns, the
 * date column and candidate value columns, a suggested series key, its row count and a preview of its first rows.
 * Throws {@link ImportFormatError} for an empty file, an HTML page, or JSON that is not a Yahoo chart.
 */
export function detectFile(text: string, fileName?: string): ParsedFile {
  const prepared = prepare(text);
  if (prepared.kind === "yahoo") return detectYahoo(prepared.chart);
  const { table } = prepared;
  const { header } = table;
  const sample = sampleRows(table, SAMPLE_ROWS);
  const preview = sample.slice(0, PREVIEW_ROWS).map((row) => row.map((cell) => cell.trim()));
  const format = classify(header);
  const rowCount = countRows(table);
  if (format === "fred") {
    return { format, columns: header, dateColumn: header[0]!, valueColumns: header.slice(1), suggestedKey: header[1]!, rowCount, preview };
  }
  if (format === "stooq") {
    const valueColumns = ["Close", ...header.slice(1).filter((h) => h !== "Close")];
    return { format, columns: header, dateColumn: "Date", valueColumns, suggestedKey: stooqKey(fileName), rowCount, preview };
  }
  const { dateColumn, valueColumns } = inferGenericColumns(header, sample);
  return { format, columns: header, dateColumn, valueColumns, suggestedKey: null, rowCount, preview };
}

function defaultTableMapping(table: Table): ImportMapping {
  const format = classify(table.header);
  if (format === "fred") return { dateColumn: table.header[0]!, valueColumn: table.header[1]! };
  if (format === "stooq") return { dateColumn: "Date", valueColumn: "Close" };
  const { dateColumn, valueColumns } = inferGenericColumns(table.header, sampleRows(table, SAMPLE_ROWS));
  if (dateColumn === null) throw new ImportFormatError("No column of this file holds dates. Check that the first line names the columns.");
  const valueColumn = valueColumns.length === 1 ? valueColumns[0] : preferredValueColumn(valueColumns);
  if (valueColumn === undefined) {
    throw new ImportFormatError(
      valueColumns.length === 0 ? "No column of this file holds numbers." : `Choose which column to import: ${valueColumns.join(", ")}.`,
    );
  }
  return { dateColumn, valueColumn };
}

function columnIndex(header: string[], name: string): number {
  const index = header.indexOf(name);
  if (index < 0) throw new ImportFormatError(`The file has no column ${quote(name)}; its columns are ${header.join(", ")}.`);
  return index;
}

function parseYahoo(chart: YahooChart, mapping: ImportMapping | undefined, onProgress?: (fraction: number) => void): ParseResult {
  const present = yahooColumns(chart);
  const name = mapping?.valueColumn ?? (present.includes("adjclose") ? "adjclose" : "close");
  const values = present.includes(name as YahooColumn) ? chart.columns[name as YahooColumn]! : undefined;
  if (values === undefined) throw new ImportFormatError(`The Yahoo chart has no column ${quote(name)}; it has ${present.join(", ")}.`);
  const collector = new ObservationCollector();
  for (let i = 0; i < chart.dates.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || !Number.isFinite(value)) collector.missing();
    else collector.add(chart.dates[i]!, value, i + 1);
  }
  onProgress?.(1);
  return collector.finish();
}

/**
 * The observations of a file. Without `mapping`, FRED, Stooq and Yahoo files import their usual column (the series,
 * Close, adjclose or else close); a generic file imports its only numeric column, or a price-like one (Adj Close,
 * Close, Price, Value), and otherwise throws {@link ImportFormatError} asking which.
 *
 * Missing values are counted and skipped; each unreadable row is an error naming its line; a date given twice with two
 * values is an error, twice with the same value is merged. `onProgress` is called at most about 100 times.
 */
export function parseObservations(text: string, mapping?: ImportMapping, opts: { onProgress?: (fraction: number) => void } = {}): ParseResult {
  const prepared = prepare(text);
  if (prepared.kind === "yahoo") return parseYahoo(prepared.chart, mapping, opts.onProgress);
  const { table } = prepared;
  const { dateColumn, valueColumn, filter } = mapping ?? defaultTableMapping(table);
  const di = columnIndex(table.header, dateColumn);
  const vi = columnIndex(table.header, valueColumn);
  const fi = filter ? columnIndex(table.header, filter.column) : -1;
  const wanted = filter?.equals.trim();
  if (di === vi) throw new ImportFormatError(`The date column and the value column must differ (both are ${quote(dateColumn)}).`);
  const needed = Math.max(di, vi, fi) + 1;
  const columns = table.header.length;
  const collector = new ObservationCollector();

  forEachRow(
    table,
    (row, line, problem) => {
      if (problem !== undefined) {
        collector.error(line, problem);
        return;
      }
      if (row.count < needed) {
        collector.error(line, `the row has ${row.count} of ${columns} columns`);
        return;
      }
      if (row.count > columns && !isBlankFrom(row, columns)) {
        collector.error(line, `the row has ${row.count} columns but the header names ${columns}; quote numbers written with a thousands separator`);
        return;
      }
      if (fi >= 0 && row.field(fi).trim() !== wanted) return;
      const dateText = row.field(di);
      const date = parseDateText(dateText);
      if (date === null) {
        collector.error(line, dateText.trim() === "" ? "the date is missing" : `${quote(dateText)} is not a date`);
        return;
      }
      const valueText = row.field(vi);
      const value = readNumber(valueText);
      if (value === null) collector.missing();
      else if (value === undefined) collector.error(line, `${quote(valueText)} is not a number`);
      else collector.add(date, value, line);
    },
    opts.onProgress,
  );
  return collector.finish();
}

/** The distinct values of a column (trimmed, in order of first appearance, at most `limit`), to offer as a row filter. */
export function listColumnValues(text: string, column: string, limit = 200): string[] {
  const prepared = prepare(text);
  if (prepared.kind === "yahoo") return [];
  const index = columnIndex(prepared.table.header, column);
  const seen = new Set<string>();
  forEachRow(prepared.table, (row) => {
    const value = row.field(index).trim();
    if (value) seen.add(value);
    return seen.size < limit;
  });
  return [...seen];
}
