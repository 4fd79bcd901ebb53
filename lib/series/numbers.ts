// Reads a value cell of a data file: a number, a missing-value marker, or text that is not a number.
const MISSING = new Set(["", ".", "null", "nan", "n/a", "na", "#n/a", "none"]);
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const GROUPED_NUMBER = /^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** What a value cell holds: a finite number, a marker for a missing value, or something that is not a number. */
export type NumberCell = { kind: "number"; value: number } | { kind: "missing" } | { kind: "invalid" };

const MISSING_CELL: NumberCell = { kind: "missing" };
const INVALID_CELL: NumberCell = { kind: "invalid" };

/** Whether `text` marks a missing value (`.`, empty, `null`, `NaN`, `N/A`, …), ignoring case and surrounding spaces. */
export function isMissingText(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}

/**
 * The number in a value cell: plain (`1234.5`, `-0.25`, `1e-3`), with a leading `+`, with surrounding spaces, or with
 * thousands separators (`1,234.5`); `null` for a missing-value marker; `undefined` for anything else (hexadecimal,
 * `Infinity`, decimal commas like `1,5`, words). Allocates nothing on the common path: it runs once per row.
 */
export function readNumber(text: string): number | null | undefined {
  const value = Number(text);
  if (text.length > 0 && Number.isFinite(value) && PLAIN_NUMBER.test(text)) return value;
  let s = text.trim();
  if (MISSING.has(s.toLowerCase())) return null;
  if (s.charCodeAt(0) === 43 /* + */) s = s.slice(1);
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const parsed = Number(s);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** {@link readNumber} as a tagged value. */
export function parseNumberText(text: string): NumberCell {
  const value = readNumber(text);
  return value === null ? MISSING_CELL : value === undefined ? INVALID_CELL : { kind: "number", value };
}
