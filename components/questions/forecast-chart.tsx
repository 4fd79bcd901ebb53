"use client";
// The question's forecast over time, drawn in the browser (lib/questions/forecast-figure) with tooltips and marker labels, and its numbers as a table; yours highlighted, the team's dashed.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { loadPlot, usePlot } from "@/components/charts/use-plot";
import { useTRPC } from "@/components/trpc/provider";
import { forecastFigure } from "@/lib/questions/forecast-figure";
import type { QuestionDetail } from "./format";
import { ForecastTable } from "./forecast-table";

export function ForecastChart({ question, meId }: { question: QuestionDetail; meId: string | null }) {
  const trpc = useTRPC();
  const team = useQuery(trpc.questions.team.queryOptions({ id: question.id })).data?.history;
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const [showTable, setShowTable] = useState(false);
  const { ref: hostRef, drawn } = usePlot(
    loadPlot,
    (Plot, width) => {
      const { figure, model: m } = forecastFigure(Plot, question, { meId, width, team, timeZone });
      // With a legend (two or more forecasters) Plot returns a <figure>: the chart is its own <svg>, not a legend swatch's.
      const svg = figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector(":scope > svg");
      // Plot names each mark's group ("dot"); a named group needs the group role (a bare <g> is generic, where a name is prohibited).
      svg?.querySelectorAll(".q-forecast-markers, .q-note-markers").forEach((g) => g.setAttribute("role", "group"));
      svg?.querySelectorAll(".q-note-markers circle, .q-note-markers path").forEach((el, i) => {
        const n = m.notes[i];
        el.setAttribute("data-marker", "note");
        // A label needs a role that may be named (a bare SVG shape is generic, where aria-label is prohibited).
        if (n) el.setAttribute("role", "img");
        if (n) el.setAttribute("aria-label", `Note “${n.title}” ${n.why}`);
        if (n?.id) el.setAttribute("data-note-id", n.id);
      });
      // Each marker is one forecaster's day, named (by Plot's ariaLabel channel) with each of that day's forecasts.
      svg?.querySelectorAll(".q-forecast-markers circle").forEach((el) => el.setAttribute("data-marker", "forecast"));
      return figure;
    },
    [question, meId, team, timeZone],
  );

  const summary =
    question.forecasts.length === 0
      ? "No forecasts yet."
      : `${question.forecasts.length} forecast${question.forecasts.length === 1 ? "" : "s"} by ${new Set(question.forecasts.map((f) => f.userId)).size} forecaster(s); ${question.citedBy.length} citing note(s).`;
  return (
    <div className="q-chart-wrap">
      <div ref={hostRef} className="q-chart" role="img" aria-label={`Forecast over time for “${question.title}”`} aria-description={summary} data-drawn={drawn ? "true" : "false"}>
        <div className="chart-skeleton" aria-hidden="true" />
      </div>
      {question.forecasts.length > 0 && (
        <div className="chart-tool-row">
          <button type="button" className="btn btn-sm btn-ghost" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
            {showTable ? "Hide data" : "Show data"}
          </button>
        </div>
      )}
      {showTable && <ForecastTable question={question} meId={meId} timeZone={timeZone} />}
      <p className="faint q-chart-key">
        <span className="q-key q-key-mine" /> your forecast · <span className="q-key q-key-team" /> the team (median of each member&rsquo;s latest) ·{" "}
        <span className="q-key q-key-note" /> a note (cites the question or prompted a forecast) ·{" "}
        <span className="q-key q-key-due" /> resolve-by
      </p>
    </div>
  );
}
