"use client";
// The question page's Team panel: the team's forecast (median, mean of log-odds with an extremize toggle), how many it pools, yours beside it, and once resolved each member's log and peer scores.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { formatNumber, formatPercent } from "@/lib/questions/format";
import { formatPeer, formatScore, type TeamData } from "./format";
import { ScrollBox } from "@/components/ui/scroll-box";

function TeamScores({ scores }: { scores: NonNullable<TeamData["scores"]> }) {
  if (scores.length === 0) return <p className="faint">Nobody forecast before the resolve-by date, so nobody is scored.</p>;
  const binary = scores.some((s) => s.brier !== null);
  return (
    <div className="stack-sm">
      <h3 className="q-team-sub">Scores</h3>
      <ScrollBox className="q-table-wrap" label="Team scores">
        <table className="data-table q-team-scores" data-testid="team-scores">
          <thead>
            <tr>
              <th scope="col">Member</th>
              {binary && <th scope="col" title="The natural log of the probability given to what happened: 0 is perfect, −0.693 always saying 50%">Log</th>}
              <th scope="col" title="Over the time each member had a forecast standing: their log score minus the team's at the same moments. Above 0: better than the team">Peer</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s, i) => (
              <tr key={s.userId ?? `hidden-${i}`} className={s.you ? "q-team-you" : undefined}>
                <td>
                  {s.name}
                  {s.you && <span className="faint"> (you)</span>}
                </td>
                {binary && <td>{s.brier === null ? "—" : formatScore(s.logScore)}</td>}
                <td className={s.peer > 0.0005 ? "q-peer-up" : s.peer < -0.0005 ? "q-peer-down" : undefined}>{formatPeer(s.peer)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <p className="faint q-team-help">Peer: your log score minus the team&rsquo;s, averaged over the time your forecast stood; above 0 beats the team.</p>
    </div>
  );
}

function withUnit(n: number, unit: string): string {
  return `${formatNumber(n)}${unit ? ` ${unit}` : ""}`;
}

/** The Team panel for one question. */
export function TeamPanel({ questionId, unit }: { questionId: string; unit: string }) {
  const trpc = useTRPC();
  const [extremize, setExtremize] = useState(false);
  const { data, isPending, error } = useQuery({ ...trpc.questions.team.queryOptions({ id: questionId, extremize }), placeholderData: (previous) => previous });
  return (
    <section className="card card-body stack-sm q-team" aria-labelledby="q-team" data-testid="team-panel">
      <h2 id="q-team">Team</h2>
      {error ? (
        <p className="alert alert-error">{error.message}</p>
      ) : isPending || !data ? (
        <p className="faint">Loading the team&rsquo;s forecast…</p>
      ) : !data.current ? (
        <p className="faint" data-testid="team-empty">
          No forecasts yet. The team&rsquo;s forecast is the median of each member&rsquo;s latest forecast; it appears with the first one.
        </p>
      ) : (
        <>
          <div className="q-team-figures">
            <div className="q-team-figure">
              <span className="faint">Team median</span>
              <strong data-testid="team-median">{data.current.kind === "binary" ? formatPercent(data.current.median) : withUnit(data.current.median, unit)}</strong>
              {data.current.kind === "numeric" && <span className="faint">80%: {formatNumber(data.current.low)}–{formatNumber(data.current.high)}</span>}
            </div>
            <div className="q-team-figure">
              <span className="faint">Yours</span>
              <strong data-testid="team-yours">{!data.mine ? <span className="faint">none</span> : data.mine.probability !== null ? formatPercent(data.mine.probability) : withUnit(data.mine.value ?? 0, unit)}</strong>
              {data.mine && data.mine.probability === null && data.mine.low !== null && data.mine.high !== null && (
                <span className="faint">
                  80%: {formatNumber(data.mine.low)}–{formatNumber(data.mine.high)}
                </span>
              )}
            </div>
          </div>
          {data.current.kind === "binary" ? (
            <p className="q-team-line">
              Mean of log-odds{data.extremize ? `, extremized ×${data.extremizeFactor}` : ""}: <strong data-testid="team-logodds">{formatPercent(data.current.logOddsMean)}</strong>
            </p>
          ) : (
            <p className="q-team-line">
              Mean of values: <strong data-testid="team-mean">{formatNumber(data.current.mean)}</strong>
              {unit ? ` ${unit}` : ""}
            </p>
          )}
          <p className="faint" data-testid="team-count">
            {data.members === 1
              ? "This notebook has one member, so the team is that one forecast. Add members to pool more views."
              : data.forecasters === 1
                ? `1 of ${data.members} members has forecast, so the team is that one forecast for now.`
                : data.forecasters > data.members
                  ? `Pools the latest forecast of ${data.forecasters} forecasters, former members included.`
                  : `Pools the latest forecast of ${data.forecasters} of ${data.members} members.`}
          </p>
          {data.current.kind === "binary" && (
            <div className="q-team-toggle">
              <label className="row">
                <input type="checkbox" checked={extremize} onChange={(e) => setExtremize(e.target.checked)} data-testid="team-extremize" />
                <span>Extremize ×{data.extremizeFactor}</span>
              </label>
              <p className="faint q-team-help">
                Members read the same notes and data, so a plain average of their views is too timid. Extremizing multiplies the mean log-odds by {data.extremizeFactor}, pushing it away from
                50% (studies of forecasting teams found 1.2–2.5 best: Baron et al. 2014, Satopää et al. 2014). The median is never extremized.
              </p>
            </div>
          )}
        </>
      )}
      {data?.scores && <TeamScores scores={data.scores} />}
    </section>
  );
}
