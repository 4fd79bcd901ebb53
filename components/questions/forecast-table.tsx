"use client";
// The forecast chart's numbers as a table: each forecast by day and time, who made it, and the note it came from, grouped as the chart's markers are.
import { ScrollBox } from "@/components/ui/scroll-box";
import { forecastMarkers } from "@/lib/questions/forecast-figure";
import type { QuestionDetail } from "./format";

/** Every forecast on the question, in time order; a day on which one forecaster made several says how many the chart's marker holds. */
export function ForecastTable({ question, meId, timeZone }: { question: QuestionDetail; meId: string | null; timeZone: string }) {
  const markers = forecastMarkers(question, meId, timeZone);
  return (
    <ScrollBox className="q-table-wrap" label="Forecasts">
      <table className="data-table q-forecast-table" data-testid="forecast-table">
        <caption className="sr-only">Each forecast on “{question.title}”, by day and forecaster as the chart marks them ({timeZone} time)</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Time</th>
            <th scope="col">Forecaster</th>
            <th scope="col">Forecast</th>
            <th scope="col">From note</th>
          </tr>
        </thead>
        <tbody>
          {markers.flatMap((m) =>
            m.forecasts.map((f, i) => (
              <tr key={`${m.user}-${f.at.getTime()}-${i}`} data-marker-size={m.forecasts.length}>
                <td>
                  {m.day}
                  {i === 0 && m.forecasts.length > 1 && <span className="faint"> ({m.forecasts.length} that day, one marker)</span>}
                </td>
                <td>{f.time}</td>
                <td>
                  {m.user}
                  {m.mine && <span className="faint"> (you)</span>}
                </td>
                <td>{f.text}</td>
                <td>{f.noteTitle ?? "—"}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </ScrollBox>
  );
}
