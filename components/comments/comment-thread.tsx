"use client";
// One thread: its quoted passage (or that the passage was deleted), its comments rendered through the note Markdown pipeline, replies, edit and delete of one's own, resolve and reopen.
import { useState } from "react";
import { MarkdownView } from "@/components/notes/markdown-view";
import { TimeAgo } from "@/components/ui/time-ago";
import { initials } from "@/components/ui/initials";
import { CommentComposer } from "./comment-composer";
import type { MentionMember } from "./mention-input";
import { quoteText } from "./text-anchor";
import { errorMessage as errorOf, type CommentActions, type Thread, type ThreadComment } from "./use-comments";


export function CommentThread({
  thread,
  actions,
  members,
  active = false,
  onSelect,
  showQuote = true,
  canModerate = false,
}: {
  thread: Thread;
  actions: CommentActions;
  members: readonly MentionMember[];
  active?: boolean;
  /** Shows the thread's passage in the note (clicking the quote). */
  onSelect?: (thread: Thread) => void;
  showQuote?: boolean;
  /** The viewer owns the notebook: they may delete anyone's comment. */
  canModerate?: boolean;
}) {
  const [replying, setReplying] = useState(false);
  const [replyError, setReplyError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const resolved = Boolean(thread.resolvedAt);
  const quote = thread.anchor ? quoteText(thread.anchor.quote) : null;
  const toggleResolved = () => {
    setActionError(null);
    const m = resolved ? actions.reopen : actions.resolve;
    m.mutate({ threadId: thread.id }, { onError: (e) => setActionError(e.message) });
  };
  return (
    <article
      id={`comment-${thread.id}`}
      className="comment-thread"
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={resolved ? "true" : "false"}
      data-active={active ? "true" : undefined}
      aria-label={quote ? `Thread on “${quote.slice(0, 60)}”` : "Thread"}
      tabIndex={-1}
    >
      {showQuote && quote !== null && (
        <div className="comment-quote-wrap">
          {thread.detached && (
            <p className="comment-detached" data-testid="comment-detached">
              The passage was deleted
            </p>
          )}
          {onSelect && !thread.detached ? (
            <button type="button" className="comment-quote comment-quote-link" title="Show the passage in the note" onClick={() => onSelect(thread)}>
              {quote}
            </button>
          ) : (
            <blockquote className={thread.detached ? "comment-quote comment-quote-detached" : "comment-quote"}>{quote}</blockquote>
          )}
        </div>
      )}
      {resolved && (
        <p className="comment-resolved-note" data-testid="comment-resolved">
          <span className="badge badge-success">Resolved</span>
          <span className="faint">
            {thread.resolvedBy ? `by ${thread.resolvedBy.name} ` : ""}
            {thread.resolvedAt && <TimeAgo date={thread.resolvedAt} />}
          </span>
        </p>
      )}
      <ol className="comment-list">
        {thread.comments.map((c) => (
          <CommentItem key={c.id} comment={c} actions={actions} members={members} canModerate={canModerate} />
        ))}
      </ol>
      {actionError && <p className="field-error">{actionError}</p>}
      {replying ? (
        <CommentComposer
          members={members}
          label="Reply"
          submitLabel="Reply"
          placeholder="Reply… Type @ to mention someone."
          autoFocus
          pending={actions.reply.isPending}
          error={replyError}
          onCancel={() => {
            setReplying(false);
            setReplyError(null);
          }}
          onSubmit={async (body) => {
            setReplyError(null);
            try {
              await actions.reply.mutateAsync({ threadId: thread.id, body });
              setReplying(false);
              return true;
            } catch (e) {
              setReplyError(errorOf(e));
              return false;
            }
          }}
        />
      ) : (
        <div className="comment-thread-actions">
          <button type="button" className="btn btn-sm" onClick={() => setReplying(true)}>
            Reply
          </button>
          <button type="button" className="btn btn-sm btn-ghost" disabled={actions.resolve.isPending || actions.reopen.isPending} onClick={toggleResolved}>
            {resolved ? "Reopen" : "Resolve"}
          </button>
        </div>
      )}
    </article>
  );
}

function CommentItem({ comment, actions, members, canModerate }: { comment: ThreadComment; actions: CommentActions; members: readonly MentionMember[]; canModerate: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = comment.author?.name ?? "Someone no longer here";
  if (comment.deleted) {
    return (
      <li className="comment comment-deleted" data-testid="comment" data-comment-id={comment.id}>
        <p className="faint">This comment was deleted.</p>
      </li>
    );
  }
  return (
    <li className="comment" data-testid="comment" data-comment-id={comment.id}>
      <div className="comment-head">
        <span className="mention-avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="comment-author">{name}</span>
        <span className="faint">
          <TimeAgo date={comment.createdAt} />
          {comment.editedAt && <span title={comment.editedAt.toLocaleString()}> · edited</span>}
        </span>
      </div>
      {editing ? (
        <CommentComposer
          members={members}
          initialText={comment.body}
          label="Edit comment"
          submitLabel="Save"
          autoFocus
          pending={actions.edit.isPending}
          error={error}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
          onSubmit={async (body) => {
            setError(null);
            try {
              await actions.edit.mutateAsync({ id: comment.id, body });
              setEditing(false);
              return true;
            } catch (e) {
              setError(errorOf(e));
              return false;
            }
          }}
        />
      ) : (
        <MarkdownView source={comment.body} className="comment-body" />
      )}
      {!editing && (comment.mine || canModerate) && (
        <div className="comment-item-actions">
          {comment.mine && (
            <button type="button" className="btn-link" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {confirming ? (
            <>
              <span className="faint">Delete this comment?</span>
              <button
                type="button"
                className="btn-link btn-link-danger"
                disabled={actions.remove.isPending}
                onClick={() =>
                  actions.remove.mutate(
                    { id: comment.id },
                    {
                      onSuccess: () => setConfirming(false),
                      onError: (e) => setError(e.message),
                    },
                  )
                }
              >
                Delete
              </button>
              <button type="button" className="btn-link" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="btn-link" onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
        </div>
      )}
      {!editing && error && <p className="field-error">{error}</p>}
    </li>
  );
}
