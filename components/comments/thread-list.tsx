"use client";
// A list of comment threads with a "Show resolved" switch, and what to say while it loads, when it fails and when there is none.
import { useState, type ReactNode } from "react";
import { CommentThread } from "./comment-thread";
import type { MentionMember } from "./mention-input";
import type { CommentActions, Thread } from "./use-comments";

export function ThreadList({
  threads,
  loading,
  error,
  actions,
  members,
  canModerate,
  activeId,
  onSelect,
  empty,
  showQuote = true,
}: {
  threads: readonly Thread[];
  loading: boolean;
  error: string | null;
  actions: CommentActions;
  members: readonly MentionMember[];
  canModerate: boolean;
  activeId?: string | null;
  onSelect?: (thread: Thread) => void;
  empty: ReactNode;
  showQuote?: boolean;
}) {
  const [showResolved, setShowResolved] = useState(false);
  const resolvedCount = threads.filter((t) => t.resolvedAt).length;
  const shown = threads.filter((t) => showResolved || !t.resolvedAt || t.id === activeId);
  if (loading) {
    return (
      <div className="stack-sm" aria-busy="true" aria-label="Loading comments">
        <div className="skeleton" style={{ height: 64 }} />
        <div className="skeleton" style={{ height: 64 }} />
      </div>
    );
  }
  return (
    <div className="comment-threads">
      {error && <div className="alert alert-error">Comments could not be loaded: {error}</div>}
      {resolvedCount > 0 && (
        <label className="comment-show-resolved">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} data-testid="show-resolved" />
          Show resolved ({resolvedCount})
        </label>
      )}
      {shown.length === 0 && !error ? (
        <div className="comment-empty faint" data-testid="comments-empty">
          {threads.length > 0 ? "Every thread here is resolved." : empty}
        </div>
      ) : (
        shown.map((t) => <CommentThread key={t.id} thread={t} actions={actions} members={members} canModerate={canModerate} active={t.id === activeId} onSelect={onSelect} showQuote={showQuote} />)
      )}
    </div>
  );
}
