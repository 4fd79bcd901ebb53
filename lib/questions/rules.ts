// Evaluating a data rule on series values: resolve a question from final data, or say exactly what it is waiting for.
import { type Point } from "@/lib/charts/align";
import { indexAtOrBefore, totalReturn } from "@/lib/charts/transforms";
import { inferFrequency } from "./evidence";
import { describeRule, type DataRule } from "./spec";

/** What a resolution was based on: a sentence and the dates and values used. */
export type RuleEvidence = { description: string; values: Record<string, number | string> };

/** The result of evaluating a rule: an outcome (1 yes, 0 no, or the numeric value) with evidence, or the reason it cannot resolve yet. */
export type RuleResult = { status: "resolved"; outcome: number; evidence: RuleEvidence } | { status: "waiting"; reason: string };

/** Options for evaluateRule. */
export type EvaluateRuleOptions = {
  /** Today's date (YYYY-MM-DD, UTC). */
  today: string;
  /** Display names of series by key, for reasons and evidence; the key is used when missing. */
  names?: Record<string, string>;
  /** Days after a date before a value from the days just before it counts as final without a later observation (default 7). */
  graceDays?: number;
};

/** The default grace, in days, of the finality rule (see evaluateRule). */
export const DEFAULT_GRACE_DAYS = 7;

/** The ISO date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

type Lookup = { ok: true; point: Point } | { ok: false; reason: string };

function sorted(points: Point[]): Point[] {
  for (let i = 1; i < points.length; i++) {
    if (points[i - 1]!.date > points[i]!.date) return [...points].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  }
  return points;
}

function noData(name: string): string {
  return `${name} has no data yet.`;
}

/** The final value of a series at `date` (see evaluateRule for when it is final). */
function finalValueAt(points: Point[], date: string, name: string, today: string, grace: number): Lookup {
  const last = points[points.length - 1];
  if (last === undefined) return { ok: false, reason: noData(name) };
  const i = indexAtOrBefore(points, date);
  if (i < 0) return { ok: false, reason: `${name} has no value on or before ${date} (its data starts ${points[0]!.date}).` };
  const point = points[i]!;
  if (i < points.length - 1) return { ok: true, point };
  if (point.date === date && today > date) return { ok: true, point };
  if (today > addDays(date, grace) && point.date >= addDays(date, -grace)) return { ok: true, point };
  if (point.date === date) return { ok: false, reason: `${name}'s value for ${date} is not final until the day is over (today is ${today}).` };
  return { ok: false, reason: `${name} has no value on or after ${date} yet (latest ${last.date}).` };
}

/** The value a return starts from: the last one on or before `from`. */
function startValueAt(points: Point[], from: string, name: string): Lookup {
  if (points.length === 0) return { ok: false, reason: noData(name) };
  const i = indexAtOrBefore(points, from);
  if (i < 0) return { ok: false, reason: `${name} has no value on or before ${from} to measure a return from (its data starts ${points[0]!.date}).` };
  return { ok: true, point: points[i]! };
}

function fmt(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

type Leg = { start: Point; end: Point; ret: number };

function returnLeg(points: Point[], from: string, to: string, name: string, today: string, grace: number): { ok: true; leg: Leg } | { ok: false; reason: string } {
  const start = startValueAt(points, from, name);
  if (!start.ok) return start;
  const end = finalValueAt(points, to, name, today, grace);
  if (!end.ok) return end;
  if (start.point.value === 0) return { ok: false, reason: `${name} is 0 on ${start.point.date}, so its return cannot be measured.` };
  const ret = totalReturn(points, from, to);
  if (ret === null) return { ok: false, reason: `${name} has no return from ${from} to ${to}.` };
  return { ok: true, leg: { start: start.point, end: end.point, ret } };
}

function legValues(key: string, leg: Leg, points: Point[]): Record<string, number | string> {
  const frequency = inferFrequency(points, leg.start.date, leg.end.date);
  return {
    ...(frequency ? { [`${key}.frequency`]: frequency } : {}),
    [`${key}.startDate`]: leg.start.date,
    [`${key}.start`]: leg.start.value,
    [`${key}.endDate`]: leg.end.date,
    [`${key}.end`]: leg.end.value,
    [`${key}.returnPct`]: leg.ret * 100,
  };
}

function legText(name: string, leg: Leg): string {
  return `${name} ${pct(leg.ret)} (${fmt(leg.start.value)} on ${leg.start.date} to ${fmt(leg.end.value)} on ${leg.end.date})`;
}

function compare(x: number, op: ">" | ">=" | "<" | "<=", y: number): boolean {
  switch (op) {
    case ">":
      return x > y;
    case ">=":
      return x >= y;
    case "<":
      return x < y;
    case "<=":
      return x <= y;
  }
}

/**
 * Evaluates `rule` on `series` (points by series key, ascending by date; unsorted input is sorted).
 *
 * Values: a return runs from the last observation on or before `from` to the last observation on or
 * before `to` (as totalReturn); a value "on" a date is the last observation on or before it, so a
 * weekend or holiday reads the close before.
 *
 * Finality (never resolve on stale data): the value at a date D counts only when
 * (a) the series has an observation dated after D (the data has moved past D), or
 * (b) it has an observation dated exactly D and `today` is after D (the day is over), or
 * (c) `today` is more than `graceDays` (7) days after D and the last observation on or before D is
 *     dated no more than `graceDays` days before D (D fell on a weekend or holiday at the end of the data).
 * Otherwise the result is "waiting", with a reason naming the series, the date and its latest date.
 * A return also needs a value on or before `from`. Ties count as NO (">" means strictly above).
 */
export function evaluateRule(rule: DataRule, series: Record<string, Point[]>, opts: EvaluateRuleOptions): RuleResult {
  const names = opts.names ?? {};
  const grace = opts.graceDays ?? DEFAULT_GRACE_DAYS;
  const name = (key: string) => names[key] ?? key;
  const points = (key: string) => sorted(series[key] ?? []);
  const sentence = describeRule(rule, names);

  switch (rule.type) {
    case "return-compare": {
      const a = returnLeg(points(rule.a), rule.from, rule.to, name(rule.a), opts.today, grace);
      if (!a.ok) return { status: "waiting", reason: a.reason };
      const b = returnLeg(points(rule.b), rule.from, rule.to, name(rule.b), opts.today, grace);
      if (!b.ok) return { status: "waiting", reason: b.reason };
      const yes = compare(a.leg.ret, rule.op, b.leg.ret);
      return {
        status: "resolved",
        outcome: yes ? 1 : 0,
        evidence: {
          description: `${sentence}: ${yes ? "yes" : "no"}. ${legText(name(rule.a), a.leg)}; ${legText(name(rule.b), b.leg)}.`,
          values: { ...legValues(rule.a, a.leg, points(rule.a)), ...legValues(rule.b, b.leg, points(rule.b)) },
        },
      };
    }
    case "return-threshold": {
      const a = returnLeg(points(rule.a), rule.from, rule.to, name(rule.a), opts.today, grace);
      if (!a.ok) return { status: "waiting", reason: a.reason };
      const yes = compare(a.leg.ret * 100, rule.op, rule.threshold);
      return {
        status: "resolved",
        outcome: yes ? 1 : 0,
        evidence: {
          description: `${sentence}: ${yes ? "yes" : "no"}. ${legText(name(rule.a), a.leg)}.`,
          values: { ...legValues(rule.a, a.leg, points(rule.a)), thresholdPct: rule.threshold },
        },
      };
    }
    case "value-threshold": {
      const v = finalValueAt(points(rule.a), rule.date, name(rule.a), opts.today, grace);
      if (!v.ok) return { status: "waiting", reason: v.reason };
      const yes = compare(v.point.value, rule.op, rule.threshold);
      return {
        status: "resolved",
        outcome: yes ? 1 : 0,
        evidence: {
          description: `${sentence}: ${yes ? "yes" : "no"} (${name(rule.a)} was ${fmt(v.point.value)} on ${v.point.date}).`,
          values: { [`${rule.a}.date`]: v.point.date, [`${rule.a}.value`]: v.point.value, threshold: rule.threshold },
        },
      };
    }
    case "value-on-date": {
      const v = finalValueAt(points(rule.a), rule.date, name(rule.a), opts.today, grace);
      if (!v.ok) return { status: "waiting", reason: v.reason };
      return {
        status: "resolved",
        outcome: v.point.value,
        evidence: {
          description: `${sentence}: ${fmt(v.point.value)} (the value on ${v.point.date}).`,
          values: { [`${rule.a}.date`]: v.point.date, [`${rule.a}.value`]: v.point.value },
        },
      };
    }
  }
}
