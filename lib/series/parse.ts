// Reads an uploaded data file (FRED, Yahoo chart JSON, Stooq or any dated CSV/TSV) into observations, in the browser or on the server.
import Papa from "papaparse";
import { ObservationCollector } from "./collect";
import { parseDateText } from "./dates";
import { isMissingText, parseNumberText, readNumber } from "./numbers";
import { looksLikeYahooChart, readYahooChart, YAHOO_COLUMNS, type YahooChart, type YahooColumn } from "./yahoo-chart";

export { MAX_IMPORT_ERRORS_SHOWN } from "./collect";

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

/** The file as a whole cannot be imported (empty, an HTML page, JSON that is not a Yahoo chart, no columns to map). */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFormatError";
  }
}

const PREVIEW_ROWS = 20;
const SAMPLE_ROWS = 200;
const PREFERRED_VALUE_COLUMNS = ["adj close", "adjclose", "adj_close", "adjusted close", "close", "price", "value"];
const DATE_NAME = /date|time|day|period|month|year/i;
const FRED_ID = /^[A-Z0-9][A-Z0-9_]*$/;
const STOOQ_HEADER = ["Date", "Open", "High", "Low", "Close"];

type Table = {
  text: string;
  delimiter: string;
  header: string[];
  /** Offset of the first data line in `text`, and its line number. */
  bodyStart: number;
  bodyLine: number;
  quoted: boolean;
};

type Prepared = { kind: "table"; table: Table } | { kind: "yahoo"; chart: YahooChart };

function quote(text: string): string {
  const t = text.trim();
  return `“${t.length > 40 ? `${t.slice(0, 40)}…` : t}”`;
}

function prepare(raw: string): Prepared {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const start = text.search(/\S/);
  if (start < 0) throw new ImportFormatError("The file is empty.");
  const first = text[start];
  if (first === "<") {
    throw new ImportFormatError("This file is an HTML page, not CSV data. If it came from Stooq, the download limit may have been reached.");
  }
  if (first === "{" || first === "[") return { kind: "yahoo", chart: readYahooJson(text) };

  const trimmed = text.length < 1000 ? text.trim() : "";
  if (/^exceeded the daily hits limit/i.test(trimmed)) {
    throw new ImportFormatError("The file is Stooq's refusal, not data: its daily download limit was reached. Try again tomorrow.");
  }
  if (/^no data$/i.test(trimmed)) throw new ImportFormatError("The file says “No data”: the source has nothing for this symbol.");

  if (!text.includes("\n") && text.includes("\r")) text = text.replace(/\r/g, "\n");
  let headerStart = 0;
  let headerLine = 1;
  for (;;) {
    const end = text.indexOf("\n", headerStart);
    if (end < 0 || text.slice(headerStart, end).trim() !== "") break;
    headerStart = end + 1;
    headerLine++;
  }
  const newline = text.indexOf("\n", headerStart);
  const headerText = text.slice(headerStart, newline < 0 ? text.length : newline).replace(/\r$/, "");
  const delimiter = headerText.includes("\t") ? "\t" : headerText.includes(",") ? "," : headerText.includes(";") ? ";" : "";
  if (delimiter === "") {
    throw new ImportFormatError("The file has a single column. A series needs a column of dates and a column of values, separated by commas or tabs.");
  }
  const header = (Papa.parse<string[]>(headerText, { delimiter }).data[0] ?? []).map((h) => h.trim());
  const bodyStart = newline < 0 ? text.length : newline + 1;
  return { kind: "table", table: { text, delimiter, header, bodyStart, bodyLine: headerLine + 1, quoted: text.indexOf('"', bodyStart) >= 0 } };
}

function readYahooJson(text: string): YahooChart {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportFormatError("This file looks like JSON but cannot be read: it may have been cut short.");
  }
  if (!looksLikeYahooChart(json)) {
    throw new ImportFormatError("This JSON file is not a Yahoo chart response. JSON files must be Yahoo's v8/finance/chart format; other data must be CSV.");
  }
  const read = readYahooChart(json);
  if (read.kind === "error") throw new ImportFormatError(`This file is Yahoo's error answer, not data: ${read.description} (${read.code}).`);
  if (read.kind === "not-chart") throw new ImportFormatError(read.reason);
  return read.chart;
}

/** One data row, read in place: the fast path reuses one of these for every line, so a row costs no array. */
type Row = {
  readonly count: number;
  field(index: number): string;
};

/** Receives one data row, its 1-based line, and what is wrong with its syntax if anything; returns false to stop. */
type RowVisitor = (row: Row, line: number, problem?: string) => boolean | void;

/** A line of unquoted text seen through the offsets of its fields. */
class LineRow implements Row {
  count = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  constructor(private readonly text: string) {}
  field(index: number): string {
    return index < this.count ? this.text.slice(this.starts[index], this.ends[index]) : "";
  }
}

/** A row papaparse has already split. */
class ArrayRow implements Row {
  constructor(readonly fields: string[]) {}
  get count(): number {
    return this.fields.length;
  }
  field(index: number): string {
    return this.fields[index] ?? "";
  }
}

/** Calls `visit` for each non-blank data row; unquoted text is cut by hand (fast), quoted text goes through papaparse. */
function forEachRow(table: Table, visit: RowVisitor, onProgress?: (fraction: number) => void): void {
  if (table.quoted) {
    forEachQuotedRow(table, visit, onProgress);
    return;
  }
  const { text, delimiter } = table;
  const length = text.length;
  const step = Math.max(1, Math.ceil((length - table.bodyStart) / 100));
  const row = new LineRow(text);
  const { starts, ends } = row;
  let nextReport = table.bodyStart + step;
  let pos = table.bodyStart;
  let line = table.bodyLine;
  let nextDelimiter = text.indexOf(delimiter, pos);
  while (pos < length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = length;
    const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > pos) {
      let n = 0;
      let from = pos;
      while (nextDelimiter >= 0 && nextDelimiter < stop) {
        starts[n] = from;
        ends[n++] = nextDelimiter;
        from = nextDelimiter + 1;
        nextDelimiter = text.indexOf(delimiter, from);
      }
      starts[n] = from;
      ends[n++] = stop;
      row.count = n;
      if (!isBlankRow(row) && visit(row, line) === false) return;
    }
    pos = end + 1;
    if (nextDelimiter >= 0 && nextDelimiter < pos) nextDelimiter = text.indexOf(delimiter, pos);
    line++;
    if (onProgress && pos >= nextReport && pos < length) {
      onProgress(pos / length);
      nextReport = pos + step;
    }
  }
  onProgress?.(1);
}

function forEachQuotedRow(table: Table, visit: RowVisitor, onProgress?: (fraction: number) => void): void {
  const parsed = Papa.parse<string[]>(table.text.slice(table.bodyStart), { delimiter: table.delimiter, skipEmptyLines: false });
  const broken = new Set<number>();
  for (const e of parsed.errors) if (e.row !== undefined && e.type === "Quotes") broken.add(e.row);
  const rows = parsed.data;
  const step = Math.max(1, Math.ceil(rows.length / 100));
  let line = table.bodyLine;
  for (let i = 0; i < rows.length; i++) {
    const row = new ArrayRow(rows[i]!);
    const at = line;
    for (const f of row.fields) if (f.includes("\n")) line += f.split("\n").length - 1;
    line++;
    if (!isBlankRow(row) && visit(row, at, broken.has(i) ? "a quoted field is never closed" : undefined) === false) return;
    if (onProgress && i > 0 && i % step === 0 && i < rows.length - 1) onProgress(i / rows.length);
  }
  onProgress?.(1);
}

function isBlankFrom(row: Row, first: number): boolean {
  for (let i = first; i < row.count; i++) if (row.field(i).trim() !== "") return false;
  return true;
}

function isBlankRow(row: Row): boolean {
  const c = row.count === 0 ? 32 : row.field(0).charCodeAt(0);
  return (c === 32 || c === 9 || Number.isNaN(c)) && isBlankFrom(row, 0);
}

function rowFields(row: Row): string[] {
  return Array.from({ length: row.count }, (_, i) => row.field(i));
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

function sampleRows(table: Table, count: number): string[][] {
  const rows: string[][] = [];
  forEachRow(table, (row) => {
    rows.push(rowFields(row));
    return rows.length < count;
  });
  return rows;
}

function countRows(table: Table): number {
  if (table.quoted) {
    let n = 0;
    forEachRow(table, () => void n++);
    return n;
  }
  const { text } = table;
  let n = 0;
  let pos = table.bodyStart;
  while (pos < text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(pos);
    if (end > pos && c !== 13 && (c !== 32 || text.slice(pos, end).trim() !== "")) n++;
    pos = end + 1;
  }
  return n;
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
    if (filled > 0 && dates * 2 > filled) dateCandidates.push({ index, named: DATE_NAME.test(name), digitsOnly });
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

function preferredValueColumn(candidates: string[]): string | undefined {
  for (const name of PREFERRED_VALUE_COLUMNS) {
    const found = candidates.find((c) => c.toLowerCase() === name);
    if (found) return found;
  }
  return undefined;
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
