"use client";
// One question's page: criteria, details, the forecast chart, your forecast, resolution with evidence and scores, citing notes, activity.
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { MarkdownView } from "@/components/notes/markdown-view";
import { ForecastComments, QuestionDiscussion, useQuestionComments } from "@/components/comments/question-comments";
import { ShareButton } from "@/components/share/share-dialog";
import { useTRPC } from "@/components/trpc/provider";
import { TimeAgo } from "@/components/ui/time-ago";
import { scoreQuestion } from "@/lib/questions/scoring";
import { ForecastChart } from "./forecast-chart";
import { ForecastForm } from "./forecast-form";
import { formatForecast, formatNumber, formatOutcome, formatPercent, kindLabel } from "@/lib/questions/format";
import { errorText, formatScore, type QuestionDetail } from "./format";
import { Evidence } from "./question-evidence";
import { QuestionActivity } from "./question-activity";
import { QuestionDataChart } from "./question-data-chart";
import { ResolveDialog } from "./resolve-dialog";
import { StatusBadge } from "./status-badge";
import { TeamPanel } from "./team-panel";
import "./questions.css";

export function QuestionPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: q } = useSuspenseQuery(trpc.questions.get.queryOptions({ id }));
  const me = useQuery(trpc.account.me.queryOptions());
  const meId = me.data?.id ?? null;
  const [resolving, setResolving] = useState(false);
  const comments = useQuestionComments(q.id, q.notebookId);
  const reopen = useMutation(trpc.questions.reopen.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.questions.pathKey() }) }));
  const mine = useMemo(() => q.forecasts.filter((f) => f.userId === meId), [q.forecasts, meId]);
  const current = mine.at(-1) ?? null;
  const open = q.status === "open";
  const overdue = open && q.resolveBy < new Date().toISOString().slice(0, 10);

  return (
    <div className="page stack q-page" data-question-id={q.id} data-status={q.status}>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/questions">Questions</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/notebooks/${q.notebookId}`}>{q.notebookName}</Link>
        <span aria-hidden="true">/</span>
        <span className="breadcrumb-current">{q.title}</span>
      </nav>
      <div className="page-header">
        <div className="stack-sm">
          <h1>{q.title}</h1>
          <div className="q-meta">
            <StatusBadge status={q.status} overdue={overdue} />
            <span className="badge">{kindLabel(q.kind)}</span>
            <span className={overdue ? "q-due q-due-overdue" : "q-due"}>Resolve by {q.resolveBy}</span>
            {q.kind === "numeric" && q.rangeMin !== null && q.rangeMax !== null && (
              <span className="faint">
                Plausible range {formatNumber(q.rangeMin)}–{formatNumber(q.rangeMax)} {q.unit}
              </span>
            )}
            {q.tags.length > 0 && (
              <span className="tags">
                {q.tags.map((t) => (
                  <span key={t} className="tag q-tag">
                    {t}
                  </span>
                ))}
              </span>
            )}
          </div>
        </div>
        <div className="row">
          {q.canEdit && <ShareButton target={{ targetType: "question", targetId: q.id }} className="btn" />}
          {q.canEdit && open && (
            <>
              <Link className="btn" href={`/questions/${q.id}/edit`}>
                Edit
              </Link>
              <button type="button" className="btn btn-primary" onClick={() => setResolving(true)}>
                Resolve…
              </button>
            </>
          )}
          {q.canReopen && !open && (
            <button type="button" className="btn" disabled={reopen.isPending} onClick={() => reopen.mutate({ id: q.id })}>
              {reopen.isPending ? "Reopening…" : "Reopen"}
            </button>
          )}
        </div>
      </div>
      {reopen.error && <div className="alert alert-error">{errorText(reopen.error)}</div>}

      <div className="q-grid">
        <div className="stack q-main">
          <section className="card card-body stack-sm" aria-labelledby="q-criteria">
            <h2 id="q-criteria">Resolution criteria</h2>
            <p className="q-criteria">{q.criteria}</p>
            {q.ruleText && (
              <div className="q-rule">
                <span className="badge">Data rule</span> <span>{q.ruleText}</span>
                {open && q.ruleStatus && (
                  <p className="faint" data-testid="rule-status">
                    Waiting: {q.ruleStatus}
                  </p>
                )}
              </div>
            )}
            {q.details.trim() && (
              <details className="q-details" open>
                <summary>Details</summary>
                <MarkdownView source={q.details} />
              </details>
            )}
          </section>

          {q.ruleText && <QuestionDataChart id={q.id} />}

          <section className="card card-body stack-sm" aria-labelledby="q-chart-title">
            <h2 id="q-chart-title">Forecast over time</h2>
            {q.forecasts.length === 0 && q.citedBy.length === 0 ? (
              <p className="faint">No forecasts yet.{open ? " Make the first one with the “Your forecast” form." : ""}</p>
            ) : (
              <ForecastChart question={q} meId={meId} />
            )}
          </section>

          {!open && <Resolution q={q} meId={meId} />}

          <section className="card card-body stack-sm q-activity-card" aria-labelledby="q-activity">
            <h2 id="q-activity">Activity</h2>
            <QuestionActivity question={q} forecastExtra={(forecastId) => <ForecastComments comments={comments} forecastId={forecastId} />} />
          </section>

          <QuestionDiscussion comments={comments} />
        </div>

        <aside className="stack q-side">
          <section className="card card-body stack-sm" aria-labelledby="q-yours">
            <h2 id="q-yours">Your forecast</h2>
            <p className="q-current" data-testid="my-forecast">
              {current ? formatForecast(current, q.unit) : <span className="faint">None yet</span>}
              {current && (
                <span className="faint">
                  {" "}
                  · <TimeAgo date={current.at} />
                </span>
              )}
            </p>
            {open ? (
              <ForecastForm question={q} mine={current} />
            ) : (
              <p className="faint">Forecasts are closed: the question is {q.status}.</p>
            )}
          </section>
          <TeamPanel questionId={q.id} unit={q.unit} />
          <section className="card card-body stack-sm" aria-labelledby="q-cited">
            <h2 id="q-cited">Notes that cite it</h2>
            {q.citedBy.length === 0 ? (
              <p className="faint">
                No note cites it yet. In a note, use Insert or type <code>/question</code>, or paste <code>{`::question{id=${q.id}}`}</code>.
              </p>
            ) : (
              <ul className="link-list" aria-label="Citing notes">
                {q.citedBy.map((n) => (
                  <li key={n.id}>
                    <Link href={`/notes/${n.id}`}>{n.title || "Untitled"}</Link> <span className="faint">· <TimeAgo date={n.updatedAt} /></span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
      {q.canEdit && <ResolveDialog question={q} open={resolving} onClose={() => setResolving(false)} />}
    </div>
  );
}

function Resolution({ q, meId }: { q: QuestionDetail; meId: string | null }) {
  const resolvedEvent = [...q.activity].reverse().find((a) => a.action === "question.resolve" || a.action === "question.annul");
  const ruleResolved = q.resolutionSource === "rule";
  const evidence = q.evidence as { values?: Record<string, number | string> } | null;
  const scores = useMemo(() => {
    if (q.status !== "resolved" || !meId) return [];
    try {
      return scoreQuestion(q, q.forecasts.filter((f) => f.userId === meId));
    } catch {
      return [];
    }
  }, [q, meId]);
  const score = scores[0];
  return (
    <section className="card card-body stack-sm q-resolution" aria-labelledby="q-resolution" data-testid="resolution">
      <h2 id="q-resolution">{q.status === "annulled" ? "Annulled" : "Resolution"}</h2>
      <p className="q-outcome">
        Outcome: <strong data-testid="outcome">{formatOutcome(q)}</strong>
      </p>
      <p className="muted">
        {ruleResolved ? "Resolved by the data rule" : `${q.status === "annulled" ? "Annulled" : "Resolved"} by ${resolvedEvent?.actorName ?? "an editor"}`}
        {q.resolvedAt && (
          <>
            {" "}
            <TimeAgo date={q.resolvedAt} />
          </>
        )}
        .{q.resolutionComment && <> “{q.resolutionComment}”</>}
      </p>
      {evidence?.values && <Evidence values={evidence.values} notebookId={q.notebookId} />}
      {q.status === "resolved" && (
        <div className="q-score" data-testid="my-score">
          {!score ? (
            <p className="faint">You made no forecast before the resolve-by date, so you have no score here.</p>
          ) : score.kind === "binary" ? (
            <p>
              Your Brier score: <strong>{formatScore(score.brier)}</strong> <span className="faint">(forecast {formatPercent(score.probability)}; 0 is perfect, 0.25 is always saying 50%)</span>
            </p>
          ) : (
            <p>
              Your scaled error: <strong>{formatScore(score.scaledError)}</strong> · outcome {score.inInterval ? "inside" : "outside"} your 80% interval{" "}
              <span className="faint">
                ({formatNumber(score.low)}–{formatNumber(score.high)}, forecast {formatNumber(score.value)})
              </span>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
