"use client";
// The state of a note's comments, made once per note page: its threads in passage order, the open thread, a new thread's draft, the Comment button by a selection, the editor's hooks, and #comment-{threadId} links.
import type { EditorView } from "@codemirror/view";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { commentsInEditor, type EditorCommentHooks } from "./editor-comments";
import { quoteText } from "./text-anchor";
import { openCount, useCommentActions, useMentionMembers, useThreads, type NewThreadAnchor, type Thread } from "./use-comments";

type Draft = { anchor: NewThreadAnchor; shown: string };
type Popup = { left: number; top: number; anchor: NewThreadAnchor; shown: string };

const HASH = /^#comment-([A-Za-z0-9_-]{1,64})$/;

/** Ctrl/⌘+Alt+M: comment on the selection. */
export const isCommentKey = (e: KeyboardEvent) => (e.metaKey || e.ctrlKey) && e.altKey && e.code === "KeyM";

/** Where a thread's passage stands in the note, for ordering the list: by position, detached and unanchored last. */
const position = (t: Thread) => (t.anchor && !t.detached ? t.anchor.start : Number.MAX_SAFE_INTEGER);

/** Everything a note page needs for its comments; made once per note page by `useNoteComments`. */
export function useNoteComments({ noteId, notebookId, enabled = true }: { noteId: string; notebookId: string; enabled?: boolean }) {
  const list = useThreads({ targetType: "note", targetId: noteId }, enabled);
  const actions = useCommentActions();
  const { members, isOwner } = useMentionMembers(enabled ? notebookId : undefined);
  const [open, setOpen] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [popup, setPopup] = useState<Popup | null>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const threads = useMemo(() => [...(list.data?.threads ?? [])].sort((a, b) => position(a) - position(b)), [list.data]);

  const openThread = useCallback((threadId: string, { scroll = true }: { scroll?: boolean } = {}) => {
    setOpen(true);
    setActiveId(threadId);
    const url = new URL(window.location.href);
    url.hash = `comment-${threadId}`;
    window.history.replaceState(window.history.state, "", url);
    if (scroll) requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(`comment-${threadId}`)?.scrollIntoView({ block: "nearest" })));
  }, []);

  const startDraft = useCallback((anchor: NewThreadAnchor, shown: string) => {
    setDraft({ anchor, shown });
    setPopup(null);
    setOpen(true);
  }, []);

  const hooks = useRef<EditorCommentHooks>({
    onView: setView,
    onSelection: () => undefined,
    onOpen: () => undefined,
    onCommentKey: () => false,
  });
  useEffect(() => {
    hooks.current.onSelection = (selection) => {
      setPopup(selection ? { left: selection.left, top: selection.bottom + 6, anchor: { quote: selection.quote, start: selection.from }, shown: quoteText(selection.quote) } : null);
    };
    hooks.current.onOpen = (id) => openThread(id);
    hooks.current.onCommentKey = (selection) => {
      if (!selection) return false;
      startDraft({ quote: selection.quote, start: selection.from }, quoteText(selection.quote));
      return true;
    };
  }, [openThread, startDraft]);
  const editorExtension = useMemo(() => commentsInEditor(hooks), []);

  // #comment-{id} (an inbox link, or a link someone copied) opens that thread.
  useEffect(() => {
    if (!enabled) return;
    const fromHash = () => {
      const match = HASH.exec(window.location.hash);
      if (match) openThread(match[1]!);
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, [enabled, openThread]);
  // Once the threads arrive, bring the one the address names into view.
  const loaded = list.data !== undefined;
  useEffect(() => {
    if (loaded && activeId) document.getElementById(`comment-${activeId}`)?.scrollIntoView({ block: "nearest" });
    // Only when the list first arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  return {
    noteId,
    enabled,
    threads,
    loading: list.isPending && enabled,
    error: list.error?.message ?? null,
    count: openCount(threads),
    actions,
    members,
    isOwner,
    open,
    setOpen,
    activeId,
    setActiveId,
    openThread,
    draft,
    setDraft,
    startDraft,
    popup,
    setPopup,
    view,
    editorExtension,
  };
}

export type NoteCommentsState = ReturnType<typeof useNoteComments>;
