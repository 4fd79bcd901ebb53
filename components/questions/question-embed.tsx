"use client";
// A ::question{id=…} embed inside a note: the question, its status and your forecast, with a compact control that records this note as the evidence.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ForecastForm } from "./forecast-form";
import { formatForecast, formatOutcome, kindLabel } from "@/lib/questions/format";
import { QuestionSparkline } from "./question-sparkline";
import { StatusBadge } from "./status-badge";
import "./questions.css";

export function QuestionEmbed({ id, noteId }: { id: string; noteId?: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.questions.get.queryOptions({ id }), retry: false });
  const me = useQuery(trpc.account.me.queryOptions());
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <div className="embed-card q-embed q-embed-loading" aria-busy="true" aria-label="Loading question" />;
  if (query.isError) {
    const missing = query.error.data?.code === "NOT_FOUND" || query.error.data?.code === "BAD_REQUEST";
    return (
      <div className="embed-card embed-question" data-embed-kind="question" data-embed-id={id}>
        <span className="embed-card-title">{missing ? "Question not available" : "The question could not be loaded"}</span>{" "}
        <span className="embed-card-note">{missing ? `No question “${id}” in this notebook, or you have no access to it.` : query.error.message}</span>
      </div>
    );
  }
  const q = query.data;
  const mine = q.forecasts.filter((f) => f.userId === me.data?.id);
  const current = mine.at(-1) ?? null;
  const overdue = q.status === "open" && q.resolveBy < new Date().toISOString().slice(0, 10);
  return (
    <aside className="q-embed" data-embed-kind="question" data-question-id={q.id} aria-label={`Question: ${q.title}`}>
      <div className="q-embed-head">
        <Link href={`/questions/${q.id}`} className="q-embed-title">
          {q.title}
        </Link>
        <StatusBadge status={q.status} overdue={overdue} />
      </div>
      <div className="q-embed-body">
        <span className="faint">
          {kindLabel(q.kind)} · resolve by {q.resolveBy}
        </span>
        {q.status === "open" ? (
          <span className="q-embed-forecast">
            Your forecast: <strong data-testid="embed-forecast">{current ? formatForecast(current, q.unit) : "none yet"}</strong>
            <QuestionSparkline values={mine.map((f) => (q.kind === "binary" ? (f.probability ?? 0) : (f.value ?? 0)))} kind={q.kind} width={72} height={22} />
          </span>
        ) : (
          <span>
            Outcome: <strong>{formatOutcome(q)}</strong>
          </span>
        )}
        {q.status === "open" && !editing && (
          <button type="button" className="btn btn-sm" onClick={() => setEditing(true)}>
            {current ? "Update forecast" : "Forecast"}
          </button>
        )}
      </div>
      {q.status === "open" && editing && <ForecastForm question={q} mine={current} noteId={noteId} compact onDone={() => setEditing(false)} />}
    </aside>
  );
}
