"use client";
// The calibration page: forecast buckets against how often they came true, the counts, mean scores (Brier, log, peer), scores over time, the resolved questions, and the notebooks' leaderboards.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { loadPlot, usePlot } from "@/components/charts/use-plot";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { QuestionIcon } from "@/components/ui/icons";
import { ScrollBox } from "@/components/ui/scroll-box";
import { CHART_PALETTE } from "@/lib/charts/figure";
import { formatForecast, formatNumber, formatPercent } from "@/lib/questions/format";
import { formatPeer, formatScore, type CalibrationData } from "./format";
import "./questions.css";

function CalibrationChart({ data }: { data: CalibrationData }) {
  const filled = data.buckets.filter((b) => b.count > 0);
  const { ref, drawn } = usePlot(
    loadPlot,
    (Plot, width) =>
      Plot.plot({
        width,
        height: Math.min(width, 380),
        marginLeft: 48,
        marginTop: 30,
        marginRight: 24,
        // The largest bubble (r 16) must fit inside the frame at 0% and 100%.
        inset: 20,
        x: { domain: [0, 100], label: "Mean forecast (%)" },
        y: { domain: [0, 100], label: "Came true (%)" },
        r: { range: [4, 16] },
        marks: [
          Plot.gridX({ strokeOpacity: 0.1 }),
          Plot.gridY({ strokeOpacity: 0.1 }),
          Plot.line(
            [
              [0, 0],
              [100, 100],
            ],
            { stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "4,4" },
          ),
          Plot.dot(filled, { x: (b) => b.meanForecast! * 100, y: (b) => b.observedFrequency! * 100, r: "count", fill: CHART_PALETTE[0], fillOpacity: 0.85, stroke: "var(--plot-background)", tip: true, title: (b) => `${b.bucket}: ${b.count} forecast(s), mean ${formatPercent(b.meanForecast!)}, came true ${formatPercent(b.observedFrequency!)}` }),
          Plot.text(filled, { x: (b) => b.meanForecast! * 100, y: (b) => b.observedFrequency! * 100, text: (b) => String(b.count), fill: "white", fontSize: 11, fontWeight: 600 }),
        ],
      }),
    [data],
  );
  return <div ref={ref} className="q-chart q-chart-square" data-drawn={drawn ? "true" : "false"} role="img" aria-label="Calibration: mean forecast per bucket against how often it came true; the dashed diagonal is perfect calibration" />;
}

function ScoresOverTime({ data }: { data: CalibrationData }) {
  const rows = data.resolved
    .flatMap((r) => (r.score.kind === "binary" ? [{ at: r.resolvedAt ?? new Date(), brier: r.score.brier, title: r.title }] : []))
    .map((r, i) => ({ ...r, n: i + 1 }));
  const { ref, drawn } = usePlot(
    loadPlot,
    (Plot, width) =>
      Plot.plot({
        width,
        height: 220,
        marginLeft: 48,
        inset: 12,
        x: { type: "point", domain: rows.map((r) => r.n), label: "Resolved questions, in the order they resolved →" },
        y: { domain: [0, 1], label: "Brier (lower is better)" },
        marks: [
          Plot.gridY({ strokeOpacity: 0.1 }),
          Plot.ruleY([0.25], { stroke: "currentColor", strokeOpacity: 0.35, strokeDasharray: "4,4" }),
          Plot.line(rows, { x: "n", y: "brier", stroke: CHART_PALETTE[0], strokeWidth: 2 }),
          Plot.dot(rows, { x: "n", y: "brier", r: 4, fill: CHART_PALETTE[0], tip: true, title: (d) => `${d.title}: Brier ${formatScore(d.brier)}, resolved ${d.at.toISOString().slice(0, 10)}` }),
        ],
      }),
    [data],
  );
  if (rows.length === 0) return <p className="faint">No resolved yes/no question to score yet.</p>;
  return <div ref={ref} className="q-chart" data-drawn={drawn ? "true" : "false"} role="img" aria-label="Brier score per resolved question, in the order they resolved; the dashed line is always saying 50%" />;
}

export function CalibrationPage() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.questions.calibration.queryOptions({}));
  const notebooks = useQuery(trpc.notebooks.list.queryOptions()).data ?? [];
  const header = (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/questions">Questions</Link>
        <span aria-hidden="true">/</span>
        <span className="breadcrumb-current">Calibration</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Calibration</h1>
          <p className="muted">How often what you said came true, over the questions you forecast that have resolved.</p>
        </div>
        {notebooks.length > 0 && (
          <nav className="row q-lb-links" aria-label="Leaderboards">
            <span className="faint">Leaderboard:</span>
            {notebooks.map((n) => (
              <Link key={n.id} className="btn btn-sm" href={`/notebooks/${n.id}/leaderboard`}>
                {n.name}
              </Link>
            ))}
          </nav>
        )}
      </div>
    </>
  );
  if (data.resolved.length === 0) {
    return (
      <div className="page stack">
        {header}
        <div className="card">
          <EmptyState icon={<QuestionIcon />} title="Nothing resolved yet" action={<Link className="btn btn-primary" href="/questions">Go to questions</Link>}>
            Once a question you forecast resolves, your score lands here: the Brier and log scores for yes/no questions, your peer score against the team, the scaled error and 80% interval hits for numeric ones, and a calibration
            chart of your probabilities against what happened.
          </EmptyState>
        </div>
      </div>
    );
  }
  return (
    <div className="page stack">
      {header}
      <div className="q-stats">
        <div className="card card-body q-stat">
          <span className="faint">Mean Brier ({data.binaryCount} yes/no)</span>
          <strong data-testid="mean-brier">{data.meanBrier === null ? "—" : formatScore(data.meanBrier)}</strong>
          <span className="faint">0 perfect · 0.25 always 50%</span>
        </div>
        <div className="card card-body q-stat">
          <span className="faint">Mean log score ({data.binaryCount} yes/no)</span>
          <strong data-testid="mean-log-score">{data.meanLogScore === null ? "—" : formatScore(data.meanLogScore)}</strong>
          <span className="faint">0 perfect · −0.693 always 50%</span>
        </div>
        <div className="card card-body q-stat">
          <span className="faint">Mean peer score</span>
          <strong data-testid="mean-peer">{data.meanPeer === null ? "—" : formatPeer(data.meanPeer)}</strong>
          <span className="faint">above 0 beats the team</span>
        </div>
        <div className="card card-body q-stat">
          <span className="faint">80% interval hit rate ({data.numericCount} numeric)</span>
          <strong data-testid="interval-hit-rate">{data.interval80HitRate === null ? "—" : formatPercent(data.interval80HitRate)}</strong>
          <span className="faint">well calibrated ≈ 80%</span>
        </div>
        <div className="card card-body q-stat">
          <span className="faint">Mean scaled error</span>
          <strong data-testid="mean-scaled-error">{data.meanScaledError === null ? "—" : formatScore(data.meanScaledError)}</strong>
          <span className="faint">error ÷ plausible range</span>
        </div>
      </div>
      <div className="q-cal-grid">
        <section className="card card-body stack-sm" aria-labelledby="cal-chart">
          <h2 id="cal-chart">Calibration</h2>
          {data.binaryCount === 0 ? <p className="faint">No resolved yes/no question yet.</p> : <CalibrationChart data={data} />}
        </section>
        <section className="card card-body stack-sm" aria-labelledby="cal-buckets">
          <h2 id="cal-buckets">Forecasts per bucket</h2>
          <ScrollBox className="q-table-wrap" label="Forecasts per bucket">
          <table className="data-table q-buckets">
            <thead>
              <tr>
                <th scope="col">Bucket</th>
                <th scope="col">Count</th>
                <th scope="col">Mean forecast</th>
                <th scope="col">Came true</th>
              </tr>
            </thead>
            <tbody>
              {data.buckets.map((b) => (
                <tr key={b.bucket} className={b.count === 0 ? "faint" : undefined}>
                  <td>{b.bucket}</td>
                  <td>{b.count}</td>
                  <td>{b.meanForecast === null ? "—" : formatPercent(b.meanForecast)}</td>
                  <td>{b.observedFrequency === null ? "—" : formatPercent(b.observedFrequency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollBox>
        </section>
      </div>
      <section className="card card-body stack-sm" aria-labelledby="cal-time">
        <h2 id="cal-time">Scores over time</h2>
        <ScoresOverTime data={data} />
      </section>
      <section className="card card-body stack-sm" aria-labelledby="cal-resolved">
        <h2 id="cal-resolved">Resolved questions</h2>
        <ScrollBox className="q-table-wrap" label="Resolved questions">
          <table className="data-table q-resolved" data-testid="resolved-table">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Your forecast</th>
                <th scope="col">Outcome</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {[...data.resolved].reverse().map((r) => (
                <tr key={r.id} data-question-id={r.id}>
                  <td>
                    <Link href={`/questions/${r.id}`}>{r.title}</Link>
                  </td>
                  <td>{formatForecast(r.score.forecast)}</td>
                  <td>{r.kind === "binary" ? (r.outcome === 1 ? "Yes" : "No") : formatNumber(r.outcome)}</td>
                  <td data-testid="score">
                    {r.score.kind === "binary" ? `Brier ${formatScore(r.score.brier)}` : `Error ${formatScore(r.score.scaledError)} · ${r.score.inInterval ? "in" : "outside"} 80%`}
                    {r.logScore !== null && <span className="faint"> · log {formatScore(r.logScore)}</span>}
                    {r.peer !== null && <span className="faint"> · peer {formatPeer(r.peer)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>
    </div>
  );
}
