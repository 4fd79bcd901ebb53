// Where a binary question's data rule stands today, before its period ends: the rule evaluated up to the latest data, for the inbox's "the data now argues against your forecast".
import type { Point } from "@/lib/charts/align";
import { evaluateRule } from "./rules";
import type { DataRule } from "./spec";

/** The rule's outcome if the period ended at the latest data (1 yes, 0 no), or null when that cannot be said. */
export function provisionalOutcome(rule: DataRule, series: Record<string, Point[]>): { outcome: 0 | 1; asOf: string } | null {
  const lastOf = (key: string) => {
    const points = series[key] ?? [];
    return points.length > 0 ? points.reduce((m, p) => (p.date > m ? p.date : m), points[0]!.date) : null;
  };
  switch (rule.type) {
    case "return-compare":
    case "return-threshold": {
      const lasts = (rule.type === "return-compare" ? [rule.a, rule.b] : [rule.a]).map(lastOf);
      if (lasts.some((d) => d === null)) return null;
      const last = (lasts as string[]).reduce((m, d) => (d < m ? d : m));
      const to = last < rule.to ? last : rule.to;
      if (to <= rule.from) return null;
      const result = evaluateRule({ ...rule, to }, series, { today: "9999-12-31" });
      return result.status === "resolved" ? { outcome: result.outcome === 1 ? 1 : 0, asOf: to } : null;
    }
    case "value-threshold": {
      const last = lastOf(rule.a);
      if (last === null) return null;
      const date = last < rule.date ? last : rule.date;
      const result = evaluateRule({ ...rule, date }, series, { today: "9999-12-31" });
      return result.status === "resolved" ? { outcome: result.outcome === 1 ? 1 : 0, asOf: date } : null;
    }
    case "value-on-date":
      return null;
  }
}
