"use client";
// A comment box: Markdown with `@` suggestions from the notebook's members (type to filter, arrows and Enter to pick, Esc to close), Ctrl/⌘+Enter to send, and the server's message when it refuses.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { initials } from "@/components/ui/initials";
import { mentionMarkdown } from "@/lib/comments/mentions";
import { activeMention, filterMembers, insertMention, type ActiveMention, type MentionMember } from "./mention-input";
import { COMMENT_MAX } from "./use-comments";

export function CommentComposer({
  members,
  onSubmit,
  onCancel,
  initialText = "",
  submitLabel = "Comment",
  placeholder = "Add a comment… Type @ to mention someone.",
  label = "Comment",
  autoFocus = false,
  pending = false,
  error,
}: {
  members: readonly MentionMember[];
  /** Sends the text; resolves true when it was taken (the box empties). */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
  initialText?: string;
  submitLabel?: string;
  placeholder?: string;
  label?: string;
  autoFocus?: boolean;
  pending?: boolean;
  error?: string | null;
}) {
  const [text, setText] = useState(initialText);
  const [mention, setMention] = useState<ActiveMention | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [index, setIndex] = useState(0);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const errorId = useId();
  const options = mention ? filterMembers(members, mention.query) : [];
  const listOpen = mention !== null && options.length > 0 && dismissedAt !== mention.start;
  const active = listOpen ? Math.min(index, options.length - 1) : -1;
  const tooLong = text.length > COMMENT_MAX;
  const menuRef = useRef<HTMLUListElement>(null);
  // The list opens below the box: in a scrolling panel, bring it into view.
  useEffect(() => {
    if (listOpen) menuRef.current?.scrollIntoView({ block: "nearest" });
  }, [listOpen]);

  const track = (value: string, caret: number) => {
    const next = activeMention(value, caret);
    if (next?.start !== mention?.start || next?.query !== mention?.query) setIndex(0);
    setMention(next);
  };

  const pick = (member: MentionMember) => {
    const el = ref.current;
    if (!el || !mention) return;
    const result = insertMention(text, mention, mentionMarkdown(member));
    setText(result.text);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(result.caret, result.caret);
    });
  };

  const submit = async () => {
    if (!text.trim() || pending || tooLong) return;
    if (await onSubmit(text)) {
      setText("");
      setMention(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (listOpen) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const n = options.length;
        setIndex((active + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(options[active]!);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        setDismissedAt(mention.start);
        return;
      }
    }
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === "Escape" && onCancel) {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="comment-composer-box">
        <label className="visually-hidden" htmlFor={`${listId}-input`}>
          {label}
        </label>
        <textarea
          id={`${listId}-input`}
          ref={ref}
          className="input comment-input"
          data-testid="comment-input"
          rows={3}
          value={text}
          placeholder={placeholder}
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={listOpen}
          aria-controls={listOpen ? listId : undefined}
          aria-activedescendant={listOpen ? `${listId}-${active}` : undefined}
          aria-invalid={tooLong || Boolean(error) ? true : undefined}
          aria-describedby={error || tooLong ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            track(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          onKeyDown={onKeyDown}
        />
        {listOpen && (
          <ul ref={menuRef} className="mention-menu" id={listId} role="listbox" aria-label="Mention a member" data-testid="mention-menu">
            {options.map((m, i) => (
              <li
                key={m.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
                onMouseEnter={() => setIndex(i)}
              >
                <span className="mention-avatar" aria-hidden="true">
                  {initials(m.name)}
                </span>
                {m.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      {(error || tooLong) && (
        <p className="field-error" id={errorId} role="alert" data-testid="comment-error">
          {tooLong ? `A comment can be at most ${COMMENT_MAX.toLocaleString("en-US")} characters (this one has ${text.length.toLocaleString("en-US")}); split it or link a note.` : error}
        </p>
      )}
      <div className="comment-composer-actions">
        <span className="faint comment-hint">
          <kbd className="kbd">Ctrl</kbd>+<kbd className="kbd">Enter</kbd> to send · Markdown
        </span>
        {onCancel && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-sm btn-primary" disabled={!text.trim() || pending}>
          {pending ? "Sending…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
