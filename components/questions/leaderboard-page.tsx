"use client";
// A notebook's leaderboard: each member's scores over its resolved questions, ranked by mean peer score, with "Hide my name", and your peer score over time.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { loadPlot, usePlot } from "@/components/charts/use-plot";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollBox } from "@/components/ui/scroll-box";
import { UsersIcon } from "@/components/ui/icons";
import { CHART_PALETTE } from "@/lib/charts/figure";
import { errorText, formatPeer, formatScore, type LeaderboardData } from "./format";
import "./questions.css";

function PeerOverTime({ points }: { points: LeaderboardData["myPeerOverTime"] }) {
  const { ref, drawn } = usePlot(
    loadPlot,
    (Plot, width) => {
      const lo = Math.min(-0.2, ...points.map((p) => Math.min(p.peer, p.cumulativeMean)));
      const hi = Math.max(0.2, ...points.map((p) => Math.max(p.peer, p.cumulativeMean)));
      return Plot.plot({
        width,
        height: 220,
        marginLeft: 52,
        inset: 12,
        x: { type: "point", domain: points.map((p) => p.n), label: "Resolved questions, in the order they resolved →" },
        y: { domain: [lo, hi], label: "Peer score (above 0 beats the team)", nice: true },
        marks: [
          Plot.gridY({ strokeOpacity: 0.1 }),
          Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "4,4" }),
          Plot.dot(points, { x: "n", y: "peer", r: 3, fill: "currentColor", fillOpacity: 0.35 }),
          Plot.line(points, { x: "n", y: "cumulativeMean", stroke: CHART_PALETTE[0], strokeWidth: 2 }),
          Plot.dot(points, {
            x: "n",
            y: "cumulativeMean",
            r: 4,
            fill: CHART_PALETTE[0],
            tip: true,
            title: (p) => `${p.title}: peer ${formatPeer(p.peer)}; mean after ${p.n}: ${formatPeer(p.cumulativeMean)} (resolved ${new Date(p.at).toISOString().slice(0, 10)})`,
          }),
        ],
      });
    },
    [points],
  );
  return (
    <div
      ref={ref}
      className="q-chart"
      data-drawn={drawn ? "true" : "false"}
      role="img"
      aria-label="Your mean peer score after each resolved question (line), with each question's own peer score (faint dots); the dashed line is the team"
    />
  );
}

function HideMyName({ notebookId, hidden }: { notebookId: string; hidden: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // What the box shows from the click until the leaderboard is read again (set at once, so the box never flickers back).
  const [wanted, setWanted] = useState<boolean | null>(null);
  const set = useMutation(
    trpc.notebooks.members.setLeaderboardHidden.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.questions.pathKey() }),
      onSettled: () => setWanted(null),
    }),
  );
  return (
    <div className="stack-sm q-lb-hide">
      <label className="row">
        <input
          type="checkbox"
          checked={wanted ?? hidden}
          disabled={set.isPending}
          onChange={(e) => {
            setWanted(e.target.checked);
            set.mutate({ notebookId, hidden: e.target.checked });
          }}
          data-testid="hide-my-name"
        />
        <span>Hide my name</span>
      </label>
      <span className="faint">{hidden ? "Others see you as “A member”; you still see your own row." : "Others in this notebook see your name and scores."}</span>
      {set.error && <span className="alert alert-error">{errorText(set.error)}</span>}
    </div>
  );
}

/** A score in a leaderboard row; its column's name shows beside it only where rows stack (hidden from screen readers, which have the header). */
function ScoreCell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td role="cell" className={className ? `q-lb-score ${className}` : "q-lb-score"}>
      <span className="q-lb-label" aria-hidden="true">
        {label}
      </span>
      {children}
    </td>
  );
}

/** The leaderboard of one notebook. */
export function LeaderboardPage({ notebookId }: { notebookId: string }) {
  const trpc = useTRPC();
  const { data: notebook } = useSuspenseQuery(trpc.notebooks.get.queryOptions({ id: notebookId }));
  const { data } = useSuspenseQuery(trpc.questions.leaderboard.queryOptions({ notebookId }));
  const scored = data.rows.filter((r) => r.rank !== null);
  const anyBinary = data.rows.some((r) => r.meanLogScore !== null);
  return (
    <div className="page stack">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/notebooks">Notebooks</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/notebooks/${notebookId}`}>{notebook.name}</Link>
        <span aria-hidden="true">/</span>
        <span className="breadcrumb-current">Leaderboard</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Leaderboard</h1>
          <p className="muted">How each member forecast this notebook&rsquo;s resolved questions, against the team&rsquo;s own forecast at the same moments.</p>
        </div>
        <div className="row">
          <Link className="btn" href="/questions/calibration">
            Your calibration
          </Link>
        </div>
      </div>
      <HideMyName notebookId={notebookId} hidden={data.hidden} />
      {data.resolvedCount === 0 || scored.length === 0 ? (
        <div className="card">
          <EmptyState icon={<UsersIcon />} title={data.resolvedCount === 0 ? "Nothing resolved yet" : "No scored forecasts yet"} action={<Link className="btn btn-primary" href="/questions">Go to questions</Link>}>
            <p>
              {data.resolvedCount === 0
                ? "When a question in this notebook resolves, every member who forecast it before its resolve-by date is scored here."
                : `${data.resolvedCount} question${data.resolvedCount === 1 ? " has" : "s have"} resolved, but nobody forecast ${data.resolvedCount === 1 ? "it" : "them"} before the resolve-by date.`}{" "}
              The peer score compares each forecast with the team&rsquo;s median at the same moments: above 0 beats the team.
            </p>
            {data.rows.length === 1 && <p className="faint">You are this notebook&rsquo;s only member: with one forecaster the team is you, and your peer score is 0. Add members in the notebook&rsquo;s Members tab.</p>}
          </EmptyState>
        </div>
      ) : (
        <section className="card" aria-labelledby="lb-table">
          <div className="card-header">
            <h2 id="lb-table">
              {data.rows.length} member{data.rows.length === 1 ? "" : "s"} · {data.resolvedCount} resolved question{data.resolvedCount === 1 ? "" : "s"}
            </h2>
          </div>
          {/* On a phone each row stacks (rank and member, then the scores, each with its name); the explicit roles keep it a table for screen readers, whatever the CSS. */}
          <ScrollBox className="q-table-wrap" label="Leaderboard">
            <table className="data-table q-leaderboard" data-testid="leaderboard" role="table" aria-labelledby="lb-table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    Rank
                  </th>
                  <th scope="col" role="columnheader">
                    Member
                  </th>
                  <th scope="col" role="columnheader">
                    Scored
                  </th>
                  <th scope="col" role="columnheader" title="Time-averaged log score minus the team median's, per question, averaged; above 0 beats the team">
                    Peer
                  </th>
                  {anyBinary && (
                    <th scope="col" role="columnheader" title="ln of the probability given to what happened (yes/no questions): 0 is perfect, −0.693 is always 50%">
                      Log
                    </th>
                  )}
                  {anyBinary && (
                    <th scope="col" role="columnheader" title="(probability − outcome)² (yes/no questions): 0 is perfect, 0.25 is always 50%">
                      Brier
                    </th>
                  )}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {data.rows.map((r, i) => (
                  <tr key={r.userId ?? `hidden-${i}`} role="row" className={r.you ? "q-lb-you" : undefined} data-you={r.you ? "true" : undefined}>
                    <td role="cell" className="q-lb-rank">
                      {r.rank === null ? "—" : <span aria-hidden="true" className="q-lb-hash">#</span>}
                      {r.rank ?? ""}
                    </td>
                    <td role="cell" className="q-lb-member">
                      {r.name}
                      {r.you && <span className="faint"> (you{r.hidden ? ", hidden from others" : ""})</span>}
                    </td>
                    <ScoreCell label="Scored">{r.count}</ScoreCell>
                    <ScoreCell label="Peer" className={r.meanPeer === null ? undefined : r.meanPeer > 0.0005 ? "q-peer-up" : r.meanPeer < -0.0005 ? "q-peer-down" : undefined}>
                      {r.meanPeer === null ? "—" : formatPeer(r.meanPeer)}
                    </ScoreCell>
                    {anyBinary && <ScoreCell label="Log">{r.meanLogScore === null ? "—" : formatScore(r.meanLogScore)}</ScoreCell>}
                    {anyBinary && <ScoreCell label="Brier">{r.meanBrier === null ? "—" : formatScore(r.meanBrier)}</ScoreCell>}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p className="faint card-body q-team-help">
            Ranked by mean peer score; ties share a rank. Peer: over the time your forecast stood (from your first forecast to the resolve-by date), your log score minus the team
            median&rsquo;s at the same moments. Log: the natural log of the probability you gave to what happened. Members who scored nothing have no rank.
          </p>
        </section>
      )}
      <section className="card card-body stack-sm" aria-labelledby="lb-time">
        <h2 id="lb-time">Your peer score over time</h2>
        {data.myPeerOverTime.length === 0 ? <p className="faint">Once a question you forecast here resolves, your running mean peer score shows here.</p> : <PeerOverTime points={data.myPeerOverTime} />}
      </section>
    </div>
  );
}
