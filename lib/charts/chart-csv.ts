// A chart's data table as CSV that spreadsheets open safely: what the chart page's CSV download saves.
import type { ChartData } from "./chart-data";

/** A formula trigger at the start of a cell, after any blanks or quotes a spreadsheet would skip (full-width forms too). */
const FORMULA_START = /^[\s"']*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
/** Anything a spreadsheet might split a cell at (comma, semicolon, tab, pipe) or treat as quoting or a line end. */
const NEEDS_QUOTES = /[",;\t|\r\n]/;

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The chart's table as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled). Numbers are written plainly, to 12 significant digits (no float noise such as
 * 61.51420700000001); null is an empty field; text that a spreadsheet would run as a formula
 * (starting with =, +, -, @) is prefixed with an apostrophe, and text holding any delimiter a spreadsheet
 * might split at (comma, semicolon, tab, pipe) is quoted, so no part of it can start a cell of its own.
 */
export function chartDataToCsv(data: ChartData): string {
  const lines = [data.table.columns, ...data.table.rows].map((row) => row.map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
