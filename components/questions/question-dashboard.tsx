"use client";
// The Questions dashboard: open questions by resolve-by date or by latest change (overdue ones stand out), then the resolved and annulled ones; yours and the team's forecast on each.
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { QuestionIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatForecast, formatNumber, formatOutcome, kindLabel } from "@/lib/questions/format";
import { type QuestionSummary } from "./format";
import { QuestionSparkline } from "./question-sparkline";
import { StatusBadge } from "./status-badge";
import "./questions.css";

type Order = "resolve-by" | "latest";

/** The team's median in a dashboard row: "50%", or "3 cuts" (the interval stays on the question page). */
function formatTeam(t: NonNullable<QuestionSummary["team"]>, unit: string): string {
  return t.probability !== null ? formatForecast(t) : formatNumber(t.value ?? 0) + (unit ? ` ${unit}` : "");
}

function Row({ q }: { q: QuestionSummary }) {
  const open = q.status === "open";
  return (
    <li className={q.overdue ? "q-row q-row-overdue" : "q-row"} data-question-id={q.id} data-overdue={q.overdue ? "true" : undefined}>
      <div className="q-row-main">
        <Link href={`/questions/${q.id}`} className="q-row-title">
          {q.title}
        </Link>
        <div className="q-row-meta">
          {!open || q.overdue ? <StatusBadge status={q.status} overdue={q.overdue} /> : null}
          <span className="badge">{kindLabel(q.kind)}</span>
          <span className="faint">{q.notebookName}</span>
          {q.tags.map((t) => (
            <span key={t} className="tag q-tag">
              {t}
            </span>
          ))}
        </div>
      </div>
      <div className="q-row-forecast">
        <div className="q-row-values">
          <span className="q-row-value">
            <span className="q-row-label">Yours</span>
            <span data-testid="row-forecast">{q.myForecast ? formatForecast(q.myForecast, q.unit) : <span className="faint">none</span>}</span>
          </span>
          <span className="q-row-value" title={q.team ? `Median of the latest forecast of ${q.team.count} member${q.team.count === 1 ? "" : "s"}` : "No member has forecast yet"}>
            <span className="q-row-label">Team</span>
            <span data-testid="row-team">{q.team ? formatTeam(q.team, q.unit) : <span className="faint">none</span>}</span>
          </span>
        </div>
        <QuestionSparkline values={q.sparkline} kind={q.kind} />
      </div>
      <div className="q-row-when">
        {open ? (
          <>
            <span className={q.overdue ? "q-due q-due-overdue" : "q-due"}>
              {q.overdue ? "overdue · " : "by "}
              {q.resolveBy}
            </span>
            <span className="faint">
              changed <TimeAgo date={q.lastChangeAt} />
            </span>
          </>
        ) : (
          <>
            <span>
              Outcome: <strong>{formatOutcome(q)}</strong>
            </span>
            <span className="faint">resolve-by {q.resolveBy}</span>
          </>
        )}
      </div>
    </li>
  );
}

export function QuestionDashboard() {
  const trpc = useTRPC();
  const { data: questions } = useSuspenseQuery(trpc.questions.list.queryOptions({}));
  const { data: notebooks } = useSuspenseQuery(trpc.notebooks.list.queryOptions());
  const [order, setOrder] = useState<Order>("resolve-by");
  const writable = notebooks.filter((n) => n.role !== "viewer");
  const open = questions.filter((q) => q.status === "open");
  const closed = questions.filter((q) => q.status !== "open");
  const sorted =
    order === "resolve-by"
      ? [...open].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.resolveBy.localeCompare(b.resolveBy))
      : [...open].sort((a, b) => b.lastChangeAt.getTime() - a.lastChangeAt.getTime());
  const newButton =
    writable.length > 0 ? (
      <Link className="btn btn-primary" href={`/questions/new?notebook=${writable[0]!.id}`}>
        New question
      </Link>
    ) : null;

  return (
    <div className="page stack">
      <div className="page-header">
        <div>
          <h1>Questions</h1>
          <p className="muted">The open questions that decide your view, with your forecast on each as it moves.</p>
        </div>
        <div className="row">
          <Link className="btn" href="/questions/calibration">
            Calibration
          </Link>
          {newButton}
        </div>
      </div>
      {questions.length === 0 ? (
        <div className="card">
          <EmptyState icon={<QuestionIcon />} title="Track the questions that decide your view" action={newButton ?? undefined}>
            <p>
              A question, like “How many Fed rate cuts will come in 2026?”, has criteria that settle it and a resolve-by date. You keep a forecast on it (a probability, or a value
              with an 80% interval) and say which notes moved it. It resolves by hand or from your data, and then you see how well calibrated you were.
            </p>
            {!newButton && <p className="faint">You can only read your notebooks; ask an owner to make you an editor to add questions.</p>}
          </EmptyState>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="q-open-title">
            <div className="card-header q-list-head">
              <h2 id="q-open-title">Open ({open.length})</h2>
              <div className="segmented" role="tablist" aria-label="Order">
                <button type="button" role="tab" className="segmented-option" aria-selected={order === "resolve-by"} onClick={() => setOrder("resolve-by")}>
                  By resolve-by
                </button>
                <button type="button" role="tab" className="segmented-option" aria-selected={order === "latest"} onClick={() => setOrder("latest")}>
                  By latest change
                </button>
              </div>
            </div>
            {open.length === 0 ? (
              <p className="faint card-body">No open questions.</p>
            ) : (
              <ul className="q-list" aria-label="Open questions">
                {sorted.map((q) => (
                  <Row key={q.id} q={q} />
                ))}
              </ul>
            )}
          </section>
          {closed.length > 0 && (
            <section className="card" aria-labelledby="q-closed-title">
              <div className="card-header">
                <h2 id="q-closed-title">Resolved and annulled ({closed.length})</h2>
              </div>
              <ul className="q-list" aria-label="Resolved questions">
                {closed.map((q) => (
                  <Row key={q.id} q={q} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
