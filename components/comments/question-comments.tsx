"use client";
// Comments on a question page: the question's discussion (threads and a composer), and a "Comment" / "N comments" affordance on each forecast opening its thread; #comment-{threadId} opens that thread.
import { useEffect, useMemo, useState } from "react";
import { CommentThread } from "./comment-thread";
import { CommentComposer } from "./comment-composer";
import { ThreadList } from "./thread-list";
import { errorMessage as messageOf, openCount, useCommentActions, useMentionMembers, useThreads, type Thread } from "./use-comments";
import "./comments.css";

const HASH = /^#comment-([A-Za-z0-9_-]{1,64})$/;

/** The comments of a question and its forecasts, read once for the page. */
export function useQuestionComments(questionId: string, notebookId: string) {
  const list = useThreads({ targetType: "question", targetId: questionId });
  const actions = useCommentActions();
  const { members, isOwner } = useMentionMembers(notebookId);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const all = useMemo(() => list.data?.threads ?? [], [list.data]);
  const questionThreads = useMemo(() => all.filter((t) => t.targetType === "question"), [all]);
  const byForecast = useMemo(() => {
    const map = new Map<string, Thread[]>();
    for (const t of all) if (t.targetType === "forecast") map.set(t.targetId, [...(map.get(t.targetId) ?? []), t]);
    return map;
  }, [all]);

  useEffect(() => {
    const fromHash = () => setActiveId(HASH.exec(window.location.hash)?.[1] ?? null);
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, []);
  // The thread the address names: open its forecast's comments, then bring it into view.
  const activeForecast = activeId ? all.find((t) => t.id === activeId && t.targetType === "forecast")?.targetId : undefined;
  useEffect(() => {
    if (!activeId || list.data === undefined) return;
    if (activeForecast) setExpanded((s) => (s.has(activeForecast) ? s : new Set(s).add(activeForecast)));
    requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(`comment-${activeId}`)?.scrollIntoView({ block: "center" })));
  }, [activeId, activeForecast, list.data]);

  const toggle = (forecastId: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(forecastId)) next.delete(forecastId);
      else next.add(forecastId);
      return next;
    });

  return { questionId, list, actions, members, isOwner, activeId, questionThreads, byForecast, expanded, toggle };
}

export type QuestionCommentsState = ReturnType<typeof useQuestionComments>;

/** The question's own threads, and a box to start one. */
export function QuestionDiscussion({ comments }: { comments: QuestionCommentsState }) {
  const { actions, members, questionThreads, list, questionId } = comments;
  const [error, setError] = useState<string | null>(null);
  const open = openCount(questionThreads);
  return (
    <section className="card card-body stack-sm q-discussion" aria-labelledby="q-discussion" data-testid="question-discussion">
      <h2 id="q-discussion">
        Discussion {open > 0 && <span className="faint">· {open} open</span>}
      </h2>
      <CommentComposer
        members={members}
        label="Comment on the question"
        placeholder="Comment on the question… Type @ to mention someone."
        pending={actions.create.isPending}
        error={error}
        onSubmit={async (body) => {
          setError(null);
          try {
            await actions.create.mutateAsync({ targetType: "question", targetId: questionId, body });
            return true;
          } catch (e) {
            setError(messageOf(e));
            return false;
          }
        }}
      />
      <ThreadList
        threads={questionThreads}
        loading={list.isPending}
        error={list.error?.message ?? null}
        actions={actions}
        members={members}
        canModerate={comments.isOwner}
        activeId={comments.activeId}
        showQuote={false}
        empty="No discussion yet: ask why a forecast moved, or what would change your mind."
      />
    </section>
  );
}

/** Under one forecast: "Comment" or "N comments", opening its threads and a box to add one. */
export function ForecastComments({ comments, forecastId }: { comments: QuestionCommentsState; forecastId: number }) {
  const key = String(forecastId);
  const threads = comments.byForecast.get(key) ?? [];
  const count = threads.reduce((n, t) => n + t.comments.filter((c) => !c.deleted).length, 0);
  const open = comments.expanded.has(key);
  const [error, setError] = useState<string | null>(null);
  const { actions, members } = comments;
  return (
    <div className="forecast-comments-wrap" data-testid="forecast-comments" data-forecast-id={key}>
      {!(open && threads.length === 0) && (
        <button type="button" className="btn-link forecast-comments-toggle" aria-expanded={open} onClick={() => comments.toggle(key)}>
          {count === 0 ? "Comment" : count === 1 ? "1 comment" : `${count} comments`}
        </button>
      )}
      {open && (
        <div className="forecast-comments">
          {threads.map((t) => (
            <CommentThread key={t.id} thread={t} actions={actions} members={members} canModerate={comments.isOwner} active={t.id === comments.activeId} showQuote={false} />
          ))}
          {threads.length === 0 && (
            <CommentComposer
              members={members}
              label="Comment on this forecast"
              placeholder="Comment on this forecast… Type @ to mention someone."
              autoFocus
              pending={actions.create.isPending}
              error={error}
              onCancel={() => comments.toggle(key)}
              onSubmit={async (body) => {
                setError(null);
                try {
                  await actions.create.mutateAsync({ targetType: "forecast", targetId: key, body });
                  return true;
                } catch (e) {
                  setError(messageOf(e));
                  return false;
                }
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
