// Computes a live figure from its series' values (as known at one moment), keeping the dates and values it used, and writes it for reading.
import type { Point } from "@/lib/charts/align";
import { formatLevel } from "@/lib/charts/format";
import type { FigureSpec } from "./spec";

/** A series as the figure sees it: its values by date, ascending, as known at the figure's moment. */
export type FigureSeries = { key: string; name: string; unit: string; points: Point[] };

/** A value the figure used, and what for ("start", "end", "peak", "trough", "high", "low", "value"). */
export type UsedPoint = { series: string; role: string; date: string; value: number };

/**
 * What a figure came to: a `level` in the series' unit, a `change` in that unit, or a `percent`. `notes` say where the
 * dates used differ from the dates asked for (a holiday falling back to the last trading day before it).
 */
export type FigureValue = { value: number; style: "level" | "change" | "percent"; unit: string; used: UsedPoint[]; notes: string[] };

export type FigureComputation = { ok: true; figure: FigureValue } | { ok: false; reason: string };

class FigureError extends Error {}

/** Index of the last point on or before `date` (-1 when none is). */
function lastIndexOnOrBefore(points: Point[], date: string): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function range(s: FigureSeries): string {
  return s.points.length === 0 ? "it has no values yet" : `its values run from ${s.points[0]!.date} to ${s.points[s.points.length - 1]!.date}`;
}

/** The point a date asks for: the value on it, or the last one before it (noted); the latest when no date is given. */
function pointAt(s: FigureSeries, date: string | undefined, role: string, notes: string[]): UsedPoint {
  if (s.points.length === 0) throw new FigureError(`${s.key} has no values yet`);
  const i = date === undefined ? s.points.length - 1 : lastIndexOnOrBefore(s.points, date);
  if (i < 0) throw new FigureError(`${s.key} has no value on or before ${date} (${range(s)})`);
  const p = s.points[i]!;
  if (date !== undefined && p.date !== date) notes.push(`${s.key} has no value on ${date}: the last one before it, ${p.date}, is used`);
  return { series: s.key, role, date: p.date, value: p.value };
}

/** The points between `from` (its last value on or before it, so the period's base counts) and `to`, inclusive. */
function periodPoints(s: FigureSeries, from: string | undefined, to: string | undefined): Point[] {
  const end = to === undefined ? s.points.length - 1 : lastIndexOnOrBefore(s.points, to);
  if (end < 0) throw new FigureError(`${s.key} has no value on or before ${to ?? "now"} (${range(s)})`);
  const start = from === undefined ? 0 : Math.max(0, lastIndexOnOrBefore(s.points, from));
  if (start > end) throw new FigureError(`${s.key} has no values between ${from} and ${to}`);
  return s.points.slice(start, end + 1);
}

function percentChange(start: number, end: number, what: string): number {
  if (start === 0) throw new FigureError(`a % change from zero is undefined (${what} is 0)`);
  return (end / start - 1) * 100;
}

function compute(spec: FigureSpec, series: (key: string) => FigureSeries | undefined): FigureValue {
  const s = series(spec.series);
  if (!s) throw new FigureError(`no series “${spec.series}” in this notebook`);
  const notes: string[] = [];
  const level = (value: number, used: UsedPoint[]): FigureValue => ({ value, style: "level", unit: s.unit, used, notes });
  const percent = (value: number, used: UsedPoint[]): FigureValue => ({ value, style: "percent", unit: "%", used, notes });
  switch (spec.stat) {
    case "last": {
      const p = pointAt(s, spec.to, "value", notes);
      return level(p.value, [p]);
    }
    case "value": {
      const p = pointAt(s, spec.date, "value", notes);
      return level(p.value, [p]);
    }
    case "change":
    case "return": {
      const start = pointAt(s, spec.from, "start", notes);
      const end = pointAt(s, spec.to, "end", notes);
      if (end.date <= start.date) throw new FigureError(`${s.key} has no value after ${start.date} up to ${spec.to ?? "now"}`);
      if (spec.stat === "change") return { value: end.value - start.value, style: "change", unit: s.unit, used: [start, end], notes };
      return percent(percentChange(start.value, end.value, `${s.key} on ${start.date}`), [start, end]);
    }
    case "ytd": {
      const end = pointAt(s, spec.to, "end", notes);
      const yearEnd = `${Number(end.date.slice(0, 4)) - 1}-12-31`;
      const i = lastIndexOnOrBefore(s.points, yearEnd);
      if (i < 0) throw new FigureError(`${s.key} has no value on or before ${yearEnd} to measure the year from (${range(s)})`);
      const start: UsedPoint = { series: s.key, role: "start", ...s.points[i]! };
      return percent(percentChange(start.value, end.value, `${s.key} on ${start.date}`), [start, end]);
    }
    case "ratio": {
      const b = series(spec.over!);
      if (!b) throw new FigureError(`no series “${spec.over}” in this notebook`);
      const used = [pointAt(s, spec.from, "start", notes), pointAt(b, spec.from, "start", notes)];
      const ends = [pointAt(s, spec.to, "end", notes), pointAt(b, spec.to, "end", notes)];
      if (ends[0]!.date <= used[0]!.date || ends[1]!.date <= used[1]!.date) throw new FigureError(`no values after ${spec.from} up to ${spec.to ?? "now"} for both ${s.key} and ${b.key}`);
      if (used[1]!.value === 0 || ends[1]!.value === 0) throw new FigureError(`${b.key} is 0 on a date used, so the ratio is undefined`);
      const startRatio = used[0]!.value / used[1]!.value;
      const endRatio = ends[0]!.value / ends[1]!.value;
      return percent(percentChange(startRatio, endRatio, `the ratio on ${spec.from}`), [...used, ...ends]);
    }
    case "drawdown": {
      const points = periodPoints(s, spec.from, spec.to);
      if (points.length === 0) throw new FigureError(`${s.key} has no values in the period`);
      let peak = points[0]!;
      let worst = { value: 0, peak: points[0]!, trough: points[0]! };
      for (const p of points) {
        if (p.value > peak.value) peak = p;
        if (peak.value > 0) {
          const fall = (p.value / peak.value - 1) * 100;
          if (fall < worst.value) worst = { value: fall, peak, trough: p };
        }
      }
      return percent(worst.value, [
        { series: s.key, role: "peak", ...worst.peak },
        { series: s.key, role: "trough", ...worst.trough },
      ]);
    }
    case "high":
    case "low": {
      const points = periodPoints(s, spec.from, spec.to).filter((p) => spec.from === undefined || p.date >= spec.from);
      if (points.length === 0) throw new FigureError(`${s.key} has no values in the period`);
      let best = points[0]!;
      for (const p of points) if (spec.stat === "high" ? p.value > best.value : p.value < best.value) best = p;
      return level(best.value, [{ series: s.key, role: spec.stat, ...best }]);
    }
  }
}

/** The figure a spec asks for, over the series `series` finds by key; a reason instead when it cannot be computed. */
export function computeFigure(spec: FigureSpec, series: (key: string) => FigureSeries | undefined): FigureComputation {
  try {
    const figure = compute(spec, series);
    if (!Number.isFinite(figure.value)) return { ok: false, reason: "the values used do not give a finite number" };
    return { ok: true, figure };
  } catch (e) {
    if (e instanceof FigureError) return { ok: false, reason: e.message };
    throw e;
  }
}

const PERCENT_UNITS = new Set(["%", "percent", "pct", "% p.a.", "percent per annum"]);
const CURRENCY_SIGNS: Record<string, string> = { usd: "$", eur: "€", gbp: "£", jpy: "¥" };

function fixed(value: number, digits: number): string {
  return new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

function signed(text: string, value: number, sign: boolean | undefined): string {
  return sign && value > 0 && !text.startsWith("-") && /[1-9]/.test(text) ? `+${text}` : text;
}

/**
 * The figure as a reader sees it: a level in its unit (4.25%, $1,234.50, 6,845.50), a change in the unit's terms
 * (−0.75 pp for a rate, +120.5 for an index), a % change to one place by default (7.1%). `digits` and `sign` from the
 * spec apply; a rounded zero never shows as "-0".
 */
export function formatFigure(figure: Pick<FigureValue, "value" | "style" | "unit">, spec: Pick<FigureSpec, "digits" | "sign">): string {
  const unit = figure.unit.trim();
  const isPercentUnit = PERCENT_UNITS.has(unit.toLowerCase());
  const unsignedZero = (text: string) => (/^-0(\.0+)?$/.test(text) ? text.slice(1) : text);
  const round = (digits: number) => unsignedZero(fixed(figure.value, digits));
  if (figure.style === "percent") return signed(`${round(spec.digits ?? 1)}%`, figure.value, spec.sign);
  // A level in percent reads to one or two places (5.7%, 4.25%); other levels as chart values do (6,845.50, 94.86).
  const percentLevel = () => unsignedZero(new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(figure.value));
  const number = spec.digits !== undefined ? round(spec.digits) : figure.style === "change" ? round(2) : isPercentUnit ? percentLevel() : unsignedZero(formatLevel(figure.value));
  if (figure.style === "change") return signed(isPercentUnit ? `${number} pp` : number, figure.value, spec.sign ?? true);
  if (isPercentUnit) return signed(`${number}%`, figure.value, spec.sign);
  const currency = CURRENCY_SIGNS[unit.toLowerCase()];
  if (currency) return number.startsWith("-") ? `-${currency}${number.slice(1)}` : signed(`${currency}${number}`, figure.value, spec.sign);
  return signed(number, figure.value, spec.sign);
}

/** How far before a date a figure looks for the last value on or before it, when it reads a window of a long series. */
export const LOOKBACK_DAYS = 400;

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The date ranges of a series a figure needs (inclusive), given the series' last date: each end it reads with
 * LOOKBACK_DAYS before it, or the whole period for a drawdown, high or low; null for the whole series. A figure
 * computed on these ranges equals the figure on the whole series whenever each value it uses lies within them; when
 * one does not (a sparse series), the computation fails and the caller reads the whole series instead.
 */
export function rangesFor(spec: FigureSpec, lastDate: string): Array<{ from: string; to: string }> | null {
  const end = spec.to ?? lastDate;
  const around = (date: string) => ({ from: shiftDays(date, -LOOKBACK_DAYS), to: date });
  switch (spec.stat) {
    case "last":
      return [around(end)];
    case "value":
      return [around(spec.date!)];
    case "change":
    case "return":
    case "ratio":
      return [around(spec.from!), around(end)];
    case "ytd":
      return [{ from: shiftDays(`${Number(end.slice(0, 4)) - 1}-12-31`, -LOOKBACK_DAYS), to: end }];
    case "drawdown":
    case "high":
    case "low":
      return spec.from ? [{ from: shiftDays(spec.from, -LOOKBACK_DAYS), to: end }] : null;
  }
}
