// A delimited text file seen as a table: header, delimiter, and a fast walk over its data rows (papaparse when quoted).
import Papa from "papaparse";
import { looksLikeYahooChart, readYahooChart, type YahooChart } from "./yahoo-chart";

/** The file as a whole cannot be imported (empty, an HTML page, JSON that is not a Yahoo chart, no columns to map). */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFormatError";
  }
}


export type Table = {
  text: string;
  delimiter: string;
  header: string[];
  /** Offset of the first data line in `text`, and its line number. */
  bodyStart: number;
  bodyLine: number;
  quoted: boolean;
};

export type Prepared = { kind: "table"; table: Table } | { kind: "yahoo"; chart: YahooChart };

/** The file as a table (or a Yahoo chart); throws ImportFormatError for what is not data. */
export function prepare(raw: string): Prepared {
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
export type Row = {
  readonly count: number;
  field(index: number): string;
};

/** Receives one data row, its 1-based line, and what is wrong with its syntax if anything; returns false to stop. */
export type RowVisitor = (row: Row, line: number, problem?: string) => boolean | void;

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
export function forEachRow(table: Table, visit: RowVisitor, onProgress?: (fraction: number) => void): void {
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

export function isBlankFrom(row: Row, first: number): boolean {
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

export function sampleRows(table: Table, count: number): string[][] {
  const rows: string[][] = [];
  forEachRow(table, (row) => {
    rows.push(rowFields(row));
    return rows.length < count;
  });
  return rows;
}

export function countRows(table: Table): number {
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
