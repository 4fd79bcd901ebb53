"use client";
// A question on its data: the series its data rule watches, with the threshold, the rule's dates and resolve-by drawn, and where the rule stands.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { useTRPC } from "@/components/trpc/provider";
import "./question-data-chart.css";

export function QuestionDataChart({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.questions.ruleChart.queryOptions({ id, width: 720 }));
  if (query.isPending) {
    return (
      <section className="card card-body stack-sm" aria-labelledby="q-data-title">
        <h2 id="q-data-title">On the data</h2>
        <div className="chart-skeleton" aria-label="Drawing the chart" />
      </section>
    );
  }
  if (query.isError) {
    return (
      <section className="card card-body stack-sm" aria-labelledby="q-data-title">
        <h2 id="q-data-title">On the data</h2>
        <div className="alert alert-error">{query.error.message}</div>
      </section>
    );
  }
  const chart = query.data.chart;
  if (!chart) return null;
  const unknown = chart.missing.filter((m) => !m.known).map((m) => m.key);
  const empty = chart.missing.filter((m) => m.known).map((m) => m.key);
  const nothing = chart.data.lines.length === 0;
  const hint =
    chart.rule.type === "return-compare"
      ? "Both series' return since the rule's start; dashed lines mark the rule's dates."
      : chart.rule.type === "return-threshold"
        ? "The return since the rule's start; the orange line is the threshold, dashed lines the rule's dates."
        : chart.rule.type === "value-threshold"
          ? "The series' level; the orange line is the threshold, dashed lines the date it is read on and resolve-by."
          : "The series' level; dashed lines mark the date it is read on and resolve-by.";
  return (
    <section className="card card-body stack-sm" aria-labelledby="q-data-title" data-testid="question-data-chart">
      <div className="row-between">
        <h2 id="q-data-title">On the data</h2>
        <span className="faint">{hint}</span>
      </div>
      {nothing ? (
        <div className="q-data-empty" data-testid="question-data-empty">
          <p>
            {unknown.length > 0
              ? `This notebook has no series with the key ${unknown.join(" or ")}, so there is nothing to draw yet.`
              : `No data yet for ${chart.missing.map((m) => m.key).join(" and ")} in the rule's period.`}
          </p>
          <p className="faint">
            {unknown.length > 0 ? (
              <>
                Add it on the <Link href="/data">Data</Link> page (an upload, a push or a connector) and the chart fills in.
              </>
            ) : (
              "The chart fills in as data arrives."
            )}
          </p>
        </div>
      ) : (
        <ChartFigure data={chart.data} svg={chart.svg} label={`${chart.data.title}: the data the rule watches`} />
      )}
      {!nothing && (unknown.length > 0 || empty.length > 0) && (
        <p className="faint">
          {unknown.length > 0 && `No series with the key ${unknown.join(", ")} in this notebook. `}
          {empty.length > 0 && `No data yet for ${empty.join(", ")} in the rule's period.`}
        </p>
      )}
      {chart.standing && (
        <p className="q-data-standing" data-testid="rule-standing">
          {chart.standing}
        </p>
      )}
    </section>
  );
}
