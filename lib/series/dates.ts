// Reads the date formats that market data files use and turns each into a calendar date (YYYY-MM-DD).
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Oldest and newest years accepted, so that a stray number is not read as a date in year 40000. */
const MIN_YEAR = 1700;
const MAX_YEAR = 2200;

const SLASHED = /^(\d{1,4})\/(\d{1,2})\/(\d{1,4})$/;
const DASHED_LOOSE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/;
const DAY_FIRST = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})$/;
const DIGITS = /^\d+$/;
const ISO_DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether the day exists in the Gregorian calendar (arithmetic, not a Date: this runs once per row of large files). */
function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** `YYYY-MM-DD` for a year, month (1–12) and day, or null when that day does not exist (2000-02-30). */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || !dayExists(year, month, day)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower === "sept") return 9;
  const index = MONTHS.findIndex((m) => m.startsWith(lower));
  return lower.length >= 3 && index >= 0 ? index + 1 : null;
}

/**
 * The calendar date (UTC) of a Unix time in seconds, shifted by `gmtOffsetSeconds` first: Yahoo stamps a daily bar
 * with the exchange's opening time, and its `gmtoffset` says which calendar day that is where the exchange is.
 */
export function dateOfUnixSeconds(seconds: number, gmtOffsetSeconds = 0): string | null {
  if (!Number.isFinite(seconds)) return null;
  const d = new Date((seconds + gmtOffsetSeconds) * 1000);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The common case, `2000-01-03`, read without a regular expression: it is most of every large file. */
function isoFast(text: string): string | null | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  for (let k = 0; k < ISO_DIGIT_POSITIONS.length; k++) if (!isDigit(text.charCodeAt(ISO_DIGIT_POSITIONS[k]!))) return undefined;
  const year = (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
  const month = (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48);
  const day = (text.charCodeAt(8) - 48) * 10 + (text.charCodeAt(9) - 48);
  return year >= MIN_YEAR && year <= MAX_YEAR && dayExists(year, month, day) ? text : null;
}

/**
 * The calendar date written in `text`, as `YYYY-MM-DD`, or null when it is not a date that exists.
 *
 * Accepts `2000-01-03`, `2000/01/03`, `20000103`, `Jan 1 2000`, `January 1, 2000`, `1 Jan 2000`, `1-Jan-2000`,
 * `01/03/2000` (US order: month, day, year), ISO date-times (`2000-01-03T00:00:00Z` gives the date as written) and
 * Unix times in seconds (9 or 10 digits, read in UTC). Day-first numeric dates (`03/01/2000` meaning 3 January) are
 * read as US dates: a file that uses them needs converting first.
 */
export function parseDateText(text: string): string | null {
  const fast = isoFast(text);
  if (fast !== undefined) return fast;
  const s = text.trim();
  if (s !== text) {
    const trimmed = isoFast(s);
    if (trimmed !== undefined) return trimmed;
  }
  if (s.length === 0) return null;

  if (DIGITS.test(s)) {
    if (s.length === 8) return calendarDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
    if (s.length === 9 || s.length === 10) return dateOfUnixSeconds(Number(s));
    return null;
  }

  let m = DASHED_LOOSE.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));

  m = ISO_DATETIME.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));

  m = SLASHED.exec(s);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    if (a.length === 4) return calendarDate(Number(a), Number(b), Number(c));
    if (c.length === 4 && a.length <= 2) return calendarDate(Number(c), Number(a), Number(b));
    return null;
  }

  m = MONTH_FIRST.exec(s);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === null ? null : calendarDate(Number(m[3]), month, Number(m[2]));
  }

  m = DAY_FIRST.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === null ? null : calendarDate(Number(m[3]), month, Number(m[1]));
  }
  return null;
}
