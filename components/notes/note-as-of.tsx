"use client";
// A note as of a past moment: pick the moment (a date and time, or one of the note's versions); the text, charts, figures and questions as they stood then, and what moved since.
import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ChartView } from "@/components/charts/chart-embed";
import { useTRPC } from "@/components/trpc/provider";
import { describeFigureKey } from "@/lib/figures/spec";
import { formatForecast } from "@/lib/questions/format";
import { NoteArticle } from "./note-article";
import type { EmbedRenderers } from "./markdown-view";

/** A `datetime-local` value (the viewer's local time) for a moment. */
const localInput = (d: Date) => format(d, "yyyy-MM-dd'T'HH:mm");

/** An embedded question as it stood at `at`: its status then and the forecasts made by then. */
function QuestionAsOf({ id, at }: { id: string; at: Date }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.questions.get.queryOptions({ id }), retry: false });
  const me = useQuery(trpc.account.me.queryOptions());
  if (query.isPending) return <div className="embed-card q-embed q-embed-loading" aria-busy="true" aria-label="Loading question" />;
  if (query.isError) {
    return (
      <div className="embed-card embed-question">
        <span className="embed-card-title">Question not available</span> <span className="embed-card-note">{query.error.message}</span>
      </div>
    );
  }
  const q = query.data;
  const made = q.forecasts.filter((f) => f.at.getTime() <= at.getTime());
  const mine = made.filter((f) => f.userId === me.data?.id).at(-1);
  const resolvedThen = q.resolvedAt && q.resolvedAt.getTime() <= at.getTime();
  const people = new Set(made.map((f) => f.userId)).size;
  return (
    <aside className="q-embed" aria-label={`Question: ${q.title}`} data-testid="question-as-of">
      <div className="q-embed-head">
        <Link href={`/questions/${q.id}`} className="q-embed-title">
          {q.title}
        </Link>
        <span className="badge">{resolvedThen ? "Resolved by then" : "Open then"}</span>
      </div>
      <div className="q-embed-body">
        <span>
          Your forecast then: <strong>{mine ? formatForecast(mine, q.unit) : "none yet"}</strong>
        </span>
        <span className="faint">
          {" · "}
          {made.length} {made.length === 1 ? "forecast" : "forecasts"} by {people} {people === 1 ? "person" : "people"} by then · resolve by {q.resolveBy}
        </span>
      </div>
    </aside>
  );
}

export function NoteAsOf({ id, at }: { id: string; at: Date }) {
  const trpc = useTRPC();
  const router = useRouter();
  const note = useQuery(trpc.notes.asOf.queryOptions({ id, at }));
  const revisions = useQuery(trpc.notes.revisions.list.queryOptions({ id }));
  const [picked, setPicked] = useState(localInput(at));
  const embeds = useMemo<EmbedRenderers | undefined>(
    () =>
      note.data && {
        chart: (chartId: string) => <ChartView id={chartId} asOf={at} />,
        question: (questionId: string) => <QuestionAsOf id={questionId} at={at} />,
        figures: { notebookId: note.data.notebookId, asOf: at },
      },
    [note.data, at],
  );
  const go = (moment: Date) => router.push(`/notes/${id}/as-of?at=${encodeURIComponent(moment.toISOString())}`);

  return (
    <div className="page note-page">
      <div className="stack-sm">
        <div className="alert alert-warning note-banner" role="status" data-testid="as-of-banner">
          <span>
            <strong>As of {format(at, "d MMM yyyy, HH:mm")}.</strong> The text, charts, figures and questions as they stood then, with the data as it was known then.
          </span>
          <Link href={`/notes/${id}`} className="btn btn-sm">
            Back to now
          </Link>
        </div>
        <form
          className="as-of-picker"
          onSubmit={(e) => {
            e.preventDefault();
            const moment = new Date(picked);
            if (!Number.isNaN(moment.getTime())) go(moment);
          }}
        >
          <label>
            <span>Moment</span>
            <input type="datetime-local" value={picked} max={localInput(new Date())} onChange={(e) => setPicked(e.target.value)} required />
          </label>
          <button type="submit" className="btn btn-sm btn-primary">
            Show
          </button>
          {revisions.data && revisions.data.length > 0 && (
            <label>
              <span>Or a version</span>
              <select value="" onChange={(e) => e.target.value && go(new Date(e.target.value))}>
                <option value="">Choose a version…</option>
                {revisions.data.map((r) => (
                  <option key={r.id} value={r.updatedAt.toISOString()}>
                    v{r.noteVersion} · {format(r.updatedAt, "d MMM yyyy, HH:mm")}
                    {r.authorName ? ` · ${r.authorName}` : ""}
                  </option>
                ))}
              </select>
            </label>
          )}
        </form>
      </div>
      {note.isPending && <div className="skeleton" style={{ height: 320 }} aria-label="Loading the note as of then" />}
      {note.isError && <div className="alert alert-error">{note.error.message}</div>}
      {note.data && embeds && (
        <>
          <h1 className="note-title-static" data-testid="note-title">
            {note.data.title}
          </h1>
          <p className="faint">
            Version {note.data.revision.noteVersion}, last edited {format(note.data.revision.editedAt, "d MMM yyyy, HH:mm")}.
          </p>
          <NoteArticle title={note.data.title} body={note.data.body} embeds={embeds} />
          <section className="card as-of-since" data-testid="as-of-since" aria-label="Since then">
            <h2>Since then</h2>
            {note.data.figuresSince.length === 0 && note.data.seriesSince.length === 0 ? (
              <p className="faint">No figure in this text and no series its charts draw has moved since then.</p>
            ) : (
              <ul>
                {note.data.figuresSince.map((m) => (
                  <li key={m.key}>
                    Figure {describeFigureKey(m.key)}: {m.then ?? "unavailable"} then, {m.now ?? "unavailable"} now
                  </li>
                ))}
                {note.data.seriesSince.map((m) => (
                  <li key={m.key}>
                    {m.name}: {m.then ? `${m.then.value.toLocaleString("en-US")} on ${m.then.date}` : "no data"} then, {m.now ? `${m.now.value.toLocaleString("en-US")} on ${m.now.date}` : "no data"} now
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
