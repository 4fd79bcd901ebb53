// A question on its data: the chart of the series its data rule watches, with the threshold, the rule's dates and resolve-by drawn on it.
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { series } from "@/db/schema";
import type { ChartData } from "@/lib/charts/chart-data";
import { ruleChartOverlay, ruleChartSpec, ruleStanding } from "@/lib/questions/rule-chart";
import { dataRuleSchema, type DataRule } from "@/lib/questions/spec";
import { renderChartInTurns, todayIso } from "./chart-render";
import { questionFor } from "./questions";

/** A rule's chart: what it draws, the server's SVG, where the rule stands, and the watched series with no data yet. */
export type RuleChart = { rule: DataRule; data: ChartData; svg: string; standing: string | null; missing: { key: string; known: boolean }[] };

/**
 * The chart of a question's data rule (READ access to the question's notebook), drawn from that notebook's series only:
 * the series' return since the rule's start (both, for a comparison) or its level, the threshold as a labelled
 * horizontal rule, the start, end or read date and the resolve-by date as vertical rules. `chart` is null when the
 * question resolves by hand.
 */
export async function questionRuleChart(actor: { id: string }, input: { id: string; width?: number }): Promise<{ chart: RuleChart | null }> {
  const row = await questionFor(actor, input.id, "read");
  const parsed = row.rule ? dataRuleSchema.safeParse(row.rule) : null;
  if (!parsed?.success) return { chart: null };
  const rule = parsed.data;
  const spec = ruleChartSpec({ title: row.title, rule }, todayIso());
  const { data, svg } = await renderChartInTurns(row.notebookId, spec, { width: input.width, overlay: ruleChartOverlay({ resolveBy: row.resolveBy, rule }) });
  const known = await getDb()
    .select({ key: series.key, name: series.name })
    .from(series)
    .where(and(eq(series.notebookId, row.notebookId), inArray(series.key, spec.series)));
  const names = Object.fromEntries(known.map((s) => [s.key, s.name || s.key]));
  return {
    chart: {
      rule,
      data: { ...data, table: { columns: data.table.columns, rows: [] } },
      svg,
      standing: ruleStanding(rule, data, names),
      missing: data.missing.map((key) => ({ key, known: key in names })),
    },
  };
}
