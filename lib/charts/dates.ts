// Calendar arithmetic on ISO dates (YYYY-MM-DD strings): real-date checks, chart ranges and period keys.

/** A period that bars are grouped by. */
export type Period = "month" | "quarter" | "year";

/** A chart range as stored in a ChartSpec. */
export type RangeInput =
  | { preset: "ytd" | "1y" | "5y" | "max" }
  | { preset: "custom"; from: string; to?: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** True when `value` is shaped YYYY-MM-DD and names a day that exists (no 2026-02-30). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The same calendar day `years` years later (or earlier when negative); 29 February falls back to the 28th. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  return `${pad(year, 4)}-${pad(m, 2)}-${pad(Math.min(d, daysInMonth(year, m)), 2)}`;
}

/**
 * The from/to dates (inclusive) a range covers on `today`.
 * YTD starts on 1 January of today's year; 1Y and 5Y start on the same day one or five years earlier;
 * "max" starts at `firstDate` (the earliest observation), or at `today` when nothing is known;
 * a custom range without `to` runs to `today`.
 */
export function resolveRange(range: RangeInput, today: string, firstDate?: string): { from: string; to: string } {
  switch (range.preset) {
    case "ytd":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case "1y":
      return { from: addYears(today, -1), to: today };
    case "5y":
      return { from: addYears(today, -5), to: today };
    case "max":
      return { from: firstDate !== undefined && firstDate < today ? firstDate : today, to: today };
    case "custom":
      return { from: range.from, to: range.to ?? today };
  }
}

/** The key of the period holding `date`: "2008" for a year, "2008-Q3" for a quarter, "2008-09" for a month. */
export function periodOf(date: string, period: Period): string {
  const year = date.slice(0, 4);
  if (period === "year") return year;
  const month = date.slice(5, 7);
  if (period === "month") return `${year}-${month}`;
  return `${year}-Q${Math.ceil(Number(month) / 3)}`;
}

/** A UTC midnight Date for an ISO date, the form Plot's time scales read. */
export function isoToUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
