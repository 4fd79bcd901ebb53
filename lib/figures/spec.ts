// A live figure in prose, `:value{series=KEY stat=… …}`: what it asks for (FigureSpec), read from a directive's attributes, and written back.
import { calendarDate } from "@/lib/series/dates";

/** The statistics a figure can show. */
export const FIGURE_STATS = ["last", "value", "change", "return", "ytd", "ratio", "drawdown", "high", "low"] as const;
export type FigureStat = (typeof FIGURE_STATS)[number];

/** What each statistic shows, for the editor's help and the insert dialog. */
export const FIGURE_STAT_LABELS: Record<FigureStat, string> = {
  last: "Latest value",
  value: "Value on a date",
  change: "Change between two dates (in the series' unit)",
  return: "% change between two dates",
  ytd: "% change year to date",
  ratio: "% change of the ratio of two series",
  drawdown: "Largest fall from a high (maximum drawdown)",
  high: "Highest value in a period",
  low: "Lowest value in a period",
};

/** A figure's request: which series, which statistic over which dates, how to write it, and (optionally) pinned to the data as known at `asOf`. */
export type FigureSpec = {
  series: string;
  stat: FigureStat;
  /** `ratio`: the series the first is divided by. */
  over?: string;
  /** `value`: the date asked for (the last value on or before it is used). */
  date?: string;
  /** Start of the period (the last value on or before it is the base). */
  from?: string;
  /** End of the period (the last value on or before it); the latest value when absent. */
  to?: string;
  /** Decimal places; each statistic has its own default. */
  digits?: number;
  /** Write a + before a positive value (true), or never (false); unset, a change in units has one and the rest do not. */
  sign?: boolean;
  /** The data as known at this moment (epoch ms), not as known now. */
  asOf?: number;
};

export type FigureSpecResult = { ok: true; spec: FigureSpec } | { ok: false; reason: string };

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/; // as lib/charts/spec.ts SERIES_KEY
const KNOWN_ATTRIBUTES = new Set(["series", "stat", "over", "date", "from", "to", "digits", "sign", "asOf", "asof"]);
const NEEDS_FROM = new Set<FigureStat>(["change", "return", "ratio"]);
const MAX_DIGITS = 6;

function isoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** `asOf=`: a date (the end of that day, UTC) or an ISO date-time with a zone. */
function asOfMoment(text: string): number | null {
  const day = isoDate(text);
  if (day) return Date.parse(`${day}T23:59:59.999Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || !isoDate(text.slice(0, 10))) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Reads a `:value{…}` directive's attributes. Every problem comes back as a reason a person can act on
 * ("stat=return needs from=YYYY-MM-DD"), never as an exception.
 */
export function figureSpecOf(attributes: Record<string, string | null | undefined> | null | undefined): FigureSpecResult {
  const a = attributes ?? {};
  const unknown = Object.keys(a).filter((k) => !KNOWN_ATTRIBUTES.has(k));
  if (unknown.length > 0) return { ok: false, reason: `unknown attribute ${unknown.map((k) => `“${k}”`).join(", ")} (use series, stat, over, date, from, to, digits, sign, asOf)` };
  const series = (a.series ?? "").trim();
  if (!series) return { ok: false, reason: "series= is missing: name the series by its key, for example series=SPX" };
  if (!KEY_PATTERN.test(series)) return { ok: false, reason: `“${series}” is not a series key` };
  const statText = (a.stat ?? "last").trim() || "last";
  const stat = FIGURE_STATS.find((s) => s === statText);
  if (!stat) return { ok: false, reason: `unknown stat “${statText}” (use ${FIGURE_STATS.join(", ")})` };
  const spec: FigureSpec = { series, stat };

  for (const name of ["date", "from", "to"] as const) {
    const raw = a[name];
    if (raw === undefined || raw === null) continue;
    const day = isoDate(raw.trim());
    if (!day) return { ok: false, reason: `${name}=“${raw}” is not a date: write it as YYYY-MM-DD` };
    spec[name] = day;
  }
  if (a.over !== undefined && a.over !== null) {
    const over = a.over.trim();
    if (!KEY_PATTERN.test(over)) return { ok: false, reason: `over=“${a.over}” is not a series key` };
    spec.over = over;
  }
  if (a.digits !== undefined && a.digits !== null) {
    const digitsText = a.digits.trim();
    const digits = /^\d+$/.test(digitsText) ? Number(digitsText) : Number.NaN;
    if (!Number.isInteger(digits) || digits < 0 || digits > MAX_DIGITS) return { ok: false, reason: `digits=“${a.digits}” must be a whole number from 0 to ${MAX_DIGITS}` };
    spec.digits = digits;
  }
  if (a.sign !== undefined && a.sign !== null) {
    const sign = a.sign.trim();
    if (sign !== "" && sign !== "true" && sign !== "always" && sign !== "false" && sign !== "auto") return { ok: false, reason: `sign=“${a.sign}”: write sign (a + before gains) or leave it out` };
    spec.sign = sign === "" || sign === "true" || sign === "always";
  }
  const asOfText = a.asOf ?? a.asof;
  if (asOfText !== undefined && asOfText !== null) {
    const ms = asOfMoment(asOfText.trim());
    if (ms === null) return { ok: false, reason: `asOf=“${asOfText}” is not a moment: write a date (YYYY-MM-DD) or a date-time such as 2026-02-01T16:00:00Z` };
    spec.asOf = ms;
  }

  if (stat === "value" && !spec.date) return { ok: false, reason: "stat=value needs date=YYYY-MM-DD" };
  if (stat !== "value" && spec.date) return { ok: false, reason: `date= belongs to stat=value; for stat=${stat} use from= and to=` };
  if (NEEDS_FROM.has(stat) && !spec.from) return { ok: false, reason: `stat=${stat} needs from=YYYY-MM-DD (the start of the period)` };
  if (stat === "ratio" && !spec.over) return { ok: false, reason: "stat=ratio needs over=KEY (the series to divide by)" };
  if (stat !== "ratio" && spec.over) return { ok: false, reason: `over= belongs to stat=ratio` };
  if ((stat === "last" || stat === "ytd" || stat === "value") && spec.from) return { ok: false, reason: `from= does not apply to stat=${stat}` };
  if (spec.from && spec.to && spec.from >= spec.to) return { ok: false, reason: `from=${spec.from} must come before to=${spec.to}` };
  return { ok: true, spec };
}

function isoMoment(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith("T23:59:59.999Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

/** The attributes in a fixed order, as `name=value` pairs: the figure's identity and its directive text. */
function attributePairs(spec: FigureSpec): string[] {
  const pairs = [`series=${spec.series}`, `stat=${spec.stat}`];
  if (spec.over) pairs.push(`over=${spec.over}`);
  if (spec.date) pairs.push(`date=${spec.date}`);
  if (spec.from) pairs.push(`from=${spec.from}`);
  if (spec.to) pairs.push(`to=${spec.to}`);
  if (spec.digits !== undefined) pairs.push(`digits=${spec.digits}`);
  if (spec.sign !== undefined) pairs.push(`sign=${spec.sign}`);
  if (spec.asOf !== undefined) pairs.push(`asOf=${isoMoment(spec.asOf)}`);
  return pairs;
}

/** One figure's identity: two directives that ask for the same thing share it, however their attributes were written. */
export function figureKey(spec: FigureSpec): string {
  return attributePairs(spec).join(" ");
}

/** The directive that asks for this figure, for example `:value{series=SPX stat=ytd}`. */
export function figureDirective(spec: FigureSpec): string {
  return `:value{${attributePairs(spec).join(" ")}}`;
}

/** The spec a figure key names (a key is what figureKey wrote: `name=value` pairs); a reason when it is not one. */
export function figureSpecOfKey(key: string): FigureSpecResult {
  const attributes: Record<string, string> = {};
  for (const pair of key.trim().split(/\s+/)) {
    const at = pair.indexOf("=");
    if (at <= 0) return { ok: false, reason: `“${pair}” is not name=value` };
    attributes[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return figureSpecOf(attributes);
}

/** A figure key in a few words for lists ("RUT ÷ SPX ratio from 2026-01-01"); the key itself when it is not one. */
export function describeFigureKey(key: string): string {
  const read = figureSpecOfKey(key);
  if (!read.ok) return key;
  const { series, stat, from, to, date, over } = read.spec;
  const span = date ? ` on ${date}` : from ? ` from ${from}${to ? ` to ${to}` : ""}` : to ? ` to ${to}` : "";
  return `${series}${over ? ` ÷ ${over}` : ""} ${stat}${span}`;
}
