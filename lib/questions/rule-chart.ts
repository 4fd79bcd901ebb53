// A question on its data: the chart of the series a data rule watches, and a question's threshold and resolve-by date drawn on any chart.
import type { ChartData, ChartGuide } from "@/lib/charts/chart-data";
import { addYears } from "@/lib/charts/dates";
import { addDays } from "./rules";
import { formatLevel, formatPercentValue } from "@/lib/charts/format";
import type { ChartSpec } from "@/lib/charts/spec";
import { opWords, type DataRule } from "./spec";

/** What a chart needs of a question to draw it. */
export type OverlayQuestion = { id: string; title: string; resolveBy: string; rule: DataRule | null };

/** Lines added to a chart: horizontal guides and dated vertical rules. */
export type ChartOverlay = { guides: ChartGuide[]; annotations: { date: string; label: string }[] };

function isReturnRule(rule: DataRule): rule is Extract<DataRule, { type: "return-compare" | "return-threshold" }> {
  return rule.type === "return-compare" || rule.type === "return-threshold";
}

/**
 * The chart spec of a rule's series: for a return rule, each series' return since the rule's start date (both series
 * of a comparison); for a value rule, the series' level over the year before the date it reads. The range ends at the
 * rule's end date when that has passed, else today.
 */
export function ruleChartSpec(q: { title: string; rule: DataRule }, today: string): ChartSpec {
  const rule = q.rule;
  const base = { title: q.title, description: "", annotations: [], lastValues: true, legend: "name" as const };
  if (isReturnRule(rule)) {
    return {
      ...base,
      kind: "return",
      series: rule.type === "return-compare" ? [rule.a, rule.b] : [rule.a],
      since: rule.from,
      // From a fortnight before the start, so the line runs from its base (0%) even while the period is young.
      range: { preset: "custom", from: addDays(rule.from, -14), ...(rule.to < today ? { to: rule.to } : {}) },
    };
  }
  const yearBefore = addYears(rule.date < today ? rule.date : today, -1);
  return { ...base, kind: "line", series: [rule.a], range: { preset: "custom", from: yearBefore, ...(rule.date < today ? { to: rule.date } : {}) } };
}

function joinDates(rows: { date: string; label: string }[]): { date: string; label: string }[] {
  const byDate = new Map<string, string[]>();
  for (const r of rows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r.label]);
  return [...byDate].map(([date, labels]) => ({ date, label: labels.join(" · ") })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The rule's own lines for its chart: the threshold ("Yes above +5.0%"), the start and end (or read) dates, and resolve-by. */
export function ruleChartOverlay(q: { resolveBy: string; rule: DataRule }): ChartOverlay {
  const rule = q.rule;
  const guides: ChartGuide[] = [];
  if (rule.type === "return-threshold") guides.push({ value: rule.threshold, label: `Yes ${opWords(rule.op)} ${formatPercentValue(rule.threshold, true)}` });
  if (rule.type === "value-threshold") guides.push({ value: rule.threshold, label: `Yes ${opWords(rule.op)} ${formatLevel(rule.threshold)}` });
  const dates = isReturnRule(rule)
    ? [
        { date: rule.from, label: "Start" },
        { date: rule.to, label: "End" },
      ]
    : [{ date: rule.date, label: "Read on" }];
  return { guides, annotations: joinDates([...dates, { date: q.resolveBy, label: "Resolve by" }]) };
}

function short(title: string): string {
  return title.length > 34 ? `${title.slice(0, 33).trimEnd()}…` : title;
}

/**
 * What overlaid questions add to a chart: each one's resolve-by date, and its threshold where the chart reads in the
 * threshold's terms (a level on a plain line chart of the rule's series, a return on a return chart of it), each
 * labelled with the question's title.
 */
export function questionOverlay(spec: ChartSpec, questions: OverlayQuestion[]): ChartOverlay {
  const guides: ChartGuide[] = [];
  const annotations: { date: string; label: string }[] = [];
  for (const q of questions) {
    const name = short(q.title);
    const rule = q.rule;
    if (rule?.type === "value-threshold" && spec.kind === "line" && !spec.transform && spec.series.includes(rule.a)) {
      guides.push({ value: rule.threshold, label: `${name}: ${opWords(rule.op)} ${formatLevel(rule.threshold)}` });
    }
    if (rule?.type === "return-threshold" && spec.kind === "return" && spec.series.includes(rule.a)) {
      guides.push({ value: rule.threshold, label: `${name}: ${opWords(rule.op)} ${formatPercentValue(rule.threshold, true)}` });
    }
    annotations.push({ date: q.resolveBy, label: `${name} · resolve by` });
  }
  return { guides, annotations };
}

/** The chart data with the overlay's lines: guides on line kinds, dated rules from the chart's first date on. */
export function withOverlay(data: ChartData, overlay: ChartOverlay): ChartData {
  if (overlay.guides.length === 0 && overlay.annotations.length === 0) return data;
  const annotations = [...data.annotations, ...overlay.annotations.filter((a) => a.date >= data.from)];
  const guides = data.kind === "bars" ? [] : [...(data.guides ?? []), ...overlay.guides];
  return { ...data, annotations, ...(guides.length > 0 ? { guides } : {}) };
}

/**
 * Where the rule stands on the chart's latest values, in a sentence: "Through 2026-03-02: Russell 2000 +5.2%, S&P 500
 * +1.1%. Yes needs Russell 2000 above S&P 500; if it ended there: Yes." Null when a series has no data yet.
 */
export function ruleStanding(rule: DataRule, data: ChartData, names: Record<string, string> = {}): string | null {
  const last = (key: string) => data.lines.find((l) => l.key === key)?.points.at(-1) ?? null;
  const name = (key: string) => (names[key] && names[key].length <= 28 ? names[key] : key);
  const a = last(rule.a);
  if (!a) return null;
  const verdict = (yes: boolean) => `if it ended there: ${yes ? "Yes" : "No"}.`;
  const cmp = (x: number, op: ">" | ">=" | "<" | "<=", y: number) => (op === ">" ? x > y : op === ">=" ? x >= y : op === "<" ? x < y : x <= y);
  switch (rule.type) {
    case "return-compare": {
      const b = last(rule.b);
      if (!b) return null;
      const through = a.date < b.date ? a.date : b.date;
      return `Through ${through}: ${name(rule.a)} ${formatPercentValue(a.value, true)}, ${name(rule.b)} ${formatPercentValue(b.value, true)}. Yes needs ${name(rule.a)} ${opWords(rule.op)} ${name(rule.b)}; ${verdict(cmp(a.value, rule.op, b.value))}`;
    }
    case "return-threshold":
      return `Through ${a.date}: ${name(rule.a)} ${formatPercentValue(a.value, true)}. Yes needs ${opWords(rule.op)} ${formatPercentValue(rule.threshold, true)}; ${verdict(cmp(a.value, rule.op, rule.threshold))}`;
    case "value-threshold":
      return `Latest (${a.date}): ${name(rule.a)} ${formatLevel(a.value)}. Yes needs ${opWords(rule.op)} ${formatLevel(rule.threshold)} on ${rule.date}; ${verdict(cmp(a.value, rule.op, rule.threshold))}`;
    case "value-on-date":
      return `Latest (${a.date}): ${name(rule.a)} ${formatLevel(a.value)}. The question resolves to its value on ${rule.date}.`;
  }
}
