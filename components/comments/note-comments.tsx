"use client";
// Comments on a note: the header's Comments button, the side panel (a drawer on narrow screens and in the editor), the Comment button by a selection in the reading view or the editor, and highlighted passages; #comment-{threadId} opens a thread.
import { EditorView } from "@codemirror/view";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { reanchor } from "@/lib/comments/anchor";
import { CommentComposer } from "./comment-composer";
import { setPassages } from "./editor-comments";
import { buildTextIndex, findPassage } from "./text-anchor";
import { ThreadList } from "./thread-list";
import { isCommentKey, type NoteCommentsState } from "./use-note-comments";
import { errorMessage, type Thread } from "./use-comments";
import "./comments.css";

const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, dd, dt, pre";
const POPUP_WIDTH = 112;
const PHONE_QUERY = "(max-width: 600px)";

/** The header's button: opens and closes the panel, with the number of open threads. */
export function CommentsButton({ comments }: { comments: NoteCommentsState }) {
  if (!comments.enabled) return null;
  return (
    <button
      type="button"
      className={comments.open ? "btn btn-sm btn-toggle-on" : "btn btn-sm"}
      aria-expanded={comments.open}
      aria-controls="note-comments"
      data-testid="comments-toggle"
      title="Comments on passages of this note"
      onClick={() => comments.setOpen(!comments.open)}
    >
      Comments
      {comments.count > 0 && (
        <span className="comment-count" data-testid="comment-count" aria-label={`${comments.count} open`}>
          {comments.count}
        </span>
      )}
    </button>
  );
}

/**
 * The note's content (the reading view or the editor) beside the comments panel. In the reading view, it finds and
 * highlights each open thread's passage and offers Comment on a selection; in the editor, the same through CodeMirror.
 */
export function NoteCommentsFrame({
  comments,
  mode,
  sourceLength,
  beforeCreate,
  children,
}: {
  comments: NoteCommentsState;
  mode: "read" | "edit";
  /** The note's Markdown length, to place a passage found more than once. */
  sourceLength: number;
  /** Runs before a thread is created from the editor (save what is typed, so offsets match the saved text). */
  beforeCreate?: () => Promise<unknown>;
  children: ReactNode;
}) {
  const contentRef = useRef<HTMLDivElement>(null);
  const rangesRef = useRef<Map<string, Range>>(new Map());
  const { threads, activeId, view, enabled, openThread, setPopup, startDraft, popup } = comments;
  const [layoutTick, setLayoutTick] = useState(0);

  // The reading view: the Comment button follows a selection inside the note's text.
  useEffect(() => {
    if (mode !== "read" || !enabled) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const prose = contentRef.current?.querySelector(".prose");
        const sel = document.getSelection();
        if (!prose || !sel || sel.isCollapsed || sel.rangeCount === 0) return setPopup(null);
        const range = sel.getRangeAt(0);
        if (!prose.contains(range.commonAncestorContainer)) return setPopup(null);
        const quote = sel.toString().trim();
        if (!quote) return setPopup(null);
        const rects = range.getClientRects();
        const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
        const context = (node: Node, offset: number, side: "before" | "after") => {
          const block = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(BLOCKS);
          if (!block || !prose.contains(block)) return undefined;
          const r = document.createRange();
          r.selectNodeContents(block);
          if (side === "before") r.setEnd(node, offset);
          else r.setStart(node, offset);
          const text = r.toString();
          return side === "before" ? text.slice(-32) : text.slice(0, 32);
        };
        setPopup({
          left: Math.max(8, Math.min(last.right - POPUP_WIDTH / 2, window.innerWidth - POPUP_WIDTH - 8)),
          top: last.bottom + 6 > window.innerHeight - 48 ? Math.max(8, rects[0]!.top - 42) : last.bottom + 6,
          anchor: { quote, prefix: context(range.startContainer, range.startOffset, "before"), suffix: context(range.endContainer, range.endOffset, "after") },
          shown: quote.replace(/\s+/g, " "),
        });
      });
    };
    document.addEventListener("selectionchange", measure);
    window.addEventListener("scroll", measure, { passive: true, capture: true });
    window.addEventListener("resize", measure);
    // A passage selected before this ran (the page was read before its script loaded, or before comments were
    // enabled) gets its button too.
    measure();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", measure);
      window.removeEventListener("scroll", measure, { capture: true });
      window.removeEventListener("resize", measure);
      setPopup(null);
    };
  }, [mode, enabled, setPopup]);

  // Ctrl/⌘+Alt+M comments on the reading view's selection (the editor has its own key binding).
  useEffect(() => {
    if (mode !== "read" || !enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isCommentKey(e) || !popup) return;
      e.preventDefault();
      startDraft(popup.anchor, popup.shown);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [mode, enabled, popup, startDraft]);

  // The reading view's text changes after render (live figures, charts): find the passages again when it does.
  useEffect(() => {
    const prose = contentRef.current;
    if (mode !== "read" || !prose) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setLayoutTick((n) => n + 1), 120);
    });
    observer.observe(prose, { childList: true, subtree: true, characterData: true });
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [mode]);

  // Highlights over the reading view's passages (the CSS Custom Highlight API: the page's markup stays React's).
  useEffect(() => {
    const prose = contentRef.current?.querySelector(".prose");
    const registry = typeof CSS !== "undefined" && "highlights" in CSS ? CSS.highlights : null;
    rangesRef.current = new Map();
    if (mode !== "read" || !prose || !enabled) return;
    const index = buildTextIndex(prose);
    const plain: Range[] = [];
    const active: Range[] = [];
    for (const t of threads) {
      if (!t.anchor || t.detached || (t.resolvedAt && t.id !== activeId)) continue;
      const range = findPassage(index, t.anchor, sourceLength);
      if (!range) continue;
      rangesRef.current.set(t.id, range);
      (t.id === activeId ? active : plain).push(range);
    }
    if (!registry || typeof Highlight === "undefined") return;
    registry.set("quire-comment", new Highlight(...plain));
    registry.set("quire-comment-active", new Highlight(...active));
    return () => {
      registry.delete("quire-comment");
      registry.delete("quire-comment-active");
    };
  }, [threads, activeId, mode, enabled, sourceLength, layoutTick]);

  // Clicking a highlighted passage opens its thread.
  useEffect(() => {
    const root = contentRef.current;
    if (mode !== "read" || !root || !enabled) return;
    const onClick = (e: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      if ((e.target as Element | null)?.closest?.("a, button, input, summary")) return;
      let hit: { id: string; area: number } | null = null;
      for (const [id, range] of rangesRef.current) {
        for (const r of range.getClientRects()) {
          if (e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) {
            const area = range.getBoundingClientRect().width * range.getBoundingClientRect().height;
            if (!hit || area < hit.area) hit = { id, area };
          }
        }
      }
      if (hit) openThread(hit.id);
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [mode, enabled, openThread]);

  // The editor: each open thread's passage in the current text, as a decoration.
  useEffect(() => {
    if (mode !== "edit" || !view) return;
    const doc = view.state.doc.toString();
    const passages = threads.flatMap((t) => {
      if (!t.anchor || t.detached || (t.resolvedAt && t.id !== activeId)) return [];
      const found = reanchor(t.anchor, doc);
      return found ? [{ threadId: t.id, from: found.start, to: found.end, active: t.id === activeId }] : [];
    });
    view.dispatch({ effects: setPassages.of(passages) });
  }, [threads, activeId, mode, view]);

  const selectThread = (t: Thread) => {
    openThread(t.id, { scroll: false });
    // On a phone the panel is a sheet over the note: step aside to show the passage (a tap on it brings the thread back).
    if (window.matchMedia(PHONE_QUERY).matches) comments.setOpen(false);
    if (mode === "read") {
      const range = rangesRef.current.get(t.id) ?? null;
      const el = range?.startContainer.parentElement;
      el?.scrollIntoView({ block: "center", behavior: "smooth" });
    } else if (view && t.anchor) {
      const found = reanchor(t.anchor, view.state.doc.toString());
      if (found) view.dispatch({ effects: EditorView.scrollIntoView(found.start, { y: "center" }) });
    }
  };

  const layout = mode === "read" ? "aside" : "drawer";
  return (
    <div className="note-comments-frame" data-layout={layout} data-open={comments.open && enabled ? "true" : "false"}>
      <div className="note-comments-content" ref={contentRef}>
        {children}
      </div>
      {enabled && comments.open && <CommentsPanel comments={comments} onSelect={selectThread} beforeCreate={mode === "edit" ? beforeCreate : undefined} />}
      {enabled && popup && (
        <button
          type="button"
          className="btn btn-sm btn-primary comment-popup"
          style={{ left: popup.left, top: popup.top }}
          data-testid="comment-on-selection"
          title="Comment on the selected text (Ctrl/⌘+Alt+M)"
          aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => startDraft(popup.anchor, popup.shown)}
        >
          Comment
        </button>
      )}
    </div>
  );
}

function CommentsPanel({ comments, onSelect, beforeCreate }: { comments: NoteCommentsState; onSelect: (t: Thread) => void; beforeCreate?: () => Promise<unknown> }) {
  const { draft, setDraft, actions, members, threads, noteId, openThread } = comments;
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [draft]);
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) comments.setOpen(false);
    };
    panel.addEventListener("keydown", onKey);
    return () => panel.removeEventListener("keydown", onKey);
  }, [comments]);
  return (
    <aside className="comments-panel" id="note-comments" ref={panelRef} aria-label="Comments" data-testid="comments-panel">
      <div className="comments-panel-head">
        <h2>
          Comments {comments.count > 0 && <span className="faint">· {comments.count} open</span>}
        </h2>
        <button type="button" className="btn btn-sm btn-ghost" aria-label="Close comments" onClick={() => comments.setOpen(false)}>
          ✕
        </button>
      </div>
      {draft ? (
        <div className="comment-thread comment-draft" data-testid="comment-draft">
          <blockquote className="comment-quote">{draft.shown}</blockquote>
          <CommentComposer
            members={members}
            autoFocus
            label="Comment on the selected passage"
            pending={actions.create.isPending}
            error={error}
            onCancel={() => setDraft(null)}
            onSubmit={async (body) => {
              setError(null);
              try {
                await beforeCreate?.();
                const created = await actions.create.mutateAsync({ targetType: "note", targetId: noteId, body, anchor: draft.anchor });
                setDraft(null);
                document.getSelection()?.removeAllRanges();
                openThread(created.threadId);
                return true;
              } catch (e) {
                setError(errorMessage(e));
                return false;
              }
            }}
          />
        </div>
      ) : (
        <p className="faint comments-hint">
          Select text in the note, then choose <strong>Comment</strong>
          <span className="comments-hint-keys">
            {" "}
            (or press <kbd className="kbd">Ctrl</kbd>+<kbd className="kbd">Alt</kbd>+<kbd className="kbd">M</kbd>)
          </span>
          .
        </p>
      )}
      <ThreadList
        threads={threads}
        loading={comments.loading}
        error={comments.error}
        actions={actions}
        members={members}
        canModerate={comments.isOwner}
        activeId={comments.activeId}
        onSelect={onSelect}
        empty="No comments on this note yet."
      />
    </aside>
  );
}
