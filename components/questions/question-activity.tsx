// A question's activity timeline: created, forecasts, edits (criteria changes keep the old text), resolved, annulled, reopened.
import Link from "next/link";
import type { ReactNode } from "react";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatForecast, formatOutcome } from "@/lib/questions/format";
import { type QuestionDetail } from "./format";

type Entry = QuestionDetail["activity"][number];

function describe(a: Entry, q: QuestionDetail): { text: string; extra?: React.ReactNode; forecastId?: number } {
  const who = a.actorName ?? "Quire";
  const d = (a.data ?? {}) as Record<string, unknown>;
  switch (a.action) {
    case "question.create":
      return { text: `${who} created the question` };
    case "question.forecast": {
      const f = { probability: (d.probability as number | null) ?? null, value: (d.value as number | null) ?? null, low: (d.low as number | null) ?? null, high: (d.high as number | null) ?? null };
      const noteId = typeof d.noteId === "string" ? d.noteId : null;
      const noteTitle = noteId ? (q.forecasts.find((x) => x.noteId === noteId)?.noteTitle ?? q.citedBy.find((n) => n.id === noteId)?.title ?? "a note") : null;
      // The forecast this event recorded (same moment, same person) carries the rationale.
      const forecast = q.forecasts.find((x) => x.at.getTime() === a.at.getTime() && (a.actorName === null || x.userName === a.actorName));
      const rationale = forecast?.rationale.trim();
      return {
        forecastId: forecast?.id,
        text: `${who} forecast ${formatForecast(f, q.unit)}`,
        extra: (
          <>
            {noteId && (
              <span className="faint">
                {" "}
                from <Link href={`/notes/${noteId}`}>{noteTitle || "Untitled"}</Link>
              </span>
            )}
            {rationale && (
              <p className="q-rationale" data-testid="activity-rationale">
                {rationale}
              </p>
            )}
          </>
        ),
      };
    }
    case "question.criteria":
      return {
        text: `${who} changed the resolution criteria`,
        extra: typeof d.oldCriteria === "string" ? (
          <blockquote className="q-old-criteria" data-testid="old-criteria">
            <span className="faint">Before: </span>
            {d.oldCriteria}
          </blockquote>
        ) : undefined,
      };
    case "question.update": {
      const changed = Array.isArray(d.changed) ? (d.changed as string[]) : [];
      const resolveBy = typeof d.oldResolveBy === "string" ? ` (resolve-by was ${d.oldResolveBy})` : "";
      return { text: `${who} edited the question${changed.length ? `: ${changed.join(", ")}` : ""}${resolveBy}` };
    }
    case "question.resolve": {
      const outcome = typeof d.outcome === "number" ? formatOutcome({ kind: q.kind, status: "resolved", outcome: d.outcome, unit: q.unit }) : "—";
      return { text: d.source === "rule" ? `The data rule resolved it: ${outcome}` : `${who} resolved it: ${outcome}${d.comment ? ` — “${String(d.comment)}”` : ""}` };
    }
    case "question.annul":
      return { text: `${who} annulled it${d.comment ? ` — “${String(d.comment)}”` : ""}` };
    case "question.reopen":
      return { text: `${who} reopened it` };
    default:
      return { text: `${who}: ${a.action.replace(/^question\./, "")}` };
  }
}

/** `forecastExtra` adds to each forecast's entry (its comments). */
export function QuestionActivity({ question, forecastExtra }: { question: QuestionDetail; forecastExtra?: (forecastId: number) => ReactNode }) {
  const entries = [...question.activity].reverse();
  if (entries.length === 0) return <p className="faint">Nothing yet.</p>;
  return (
    <ol className="q-activity" aria-label="Activity">
      {entries.map((a, i) => {
        const { text, extra, forecastId } = describe(a, question);
        return (
          <li key={`${a.at.getTime()}-${i}`} data-action={a.action}>
            <span className="q-activity-dot" aria-hidden="true" />
            <div>
              <span>{text}</span>
              {extra}
              <div className="faint q-activity-time">
                <TimeAgo date={a.at} />
              </div>
              {forecastId !== undefined && forecastExtra?.(forecastId)}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
