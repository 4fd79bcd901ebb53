// Test fixture: real S&P 500 and stock prices from the vega-datasets package, read from node_modules (tests only).
import fs from "node:fs";
import path from "node:path";
import { type Point } from "./align";

const DATA_DIR = path.join(process.cwd(), "node_modules", "vega-datasets", "data");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function lines(file: string): string[][] {
  return fs
    .readFileSync(path.join(DATA_DIR, file), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));
}

/** "Jan 1 2000" → "2000-01-01". */
export function monthDayYearToIso(text: string): string {
  const [mon, day, year] = text.split(" ") as [string, string, string];
  const month = MONTHS.indexOf(mon) + 1;
  if (month === 0) throw new Error(`Unknown month in ${text}`);
  return `${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** S&P 500 daily closes, 2000-01-03 to 2020-04-17 (sp500-2000.csv, column `close`). */
export function sp500Daily(): Point[] {
  return lines("sp500-2000.csv").map((row) => ({ date: row[0]!, value: Number(row[4]) }));
}

/** S&P 500 monthly, 2000 to 2010 (sp500.csv, `date,price`, dates like "Jan 1 2000"). */
export function sp500Monthly(): Point[] {
  return lines("sp500.csv").map((row) => ({ date: monthDayYearToIso(row[0]!), value: Number(row[1]) }));
}

/** Monthly prices of one stock from stocks.csv (MSFT, AMZN, IBM, AAPL from 2000; GOOG from 2004; to 2010). */
export function stockMonthly(symbol: string): Point[] {
  return lines("stocks.csv")
    .filter((row) => row[0] === symbol)
    .map((row) => ({ date: monthDayYearToIso(row[1]!), value: Number(row[2]) }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
