// CodeMirror pieces for comments: each open thread's passage as a decoration (click to open it), the selection reported for the Comment button, Ctrl/⌘+Alt+M, and `@` completions of the notebook's members.
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { Prec, StateEffect, StateField, type EditorState, type Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, keymap, type DecorationSet } from "@codemirror/view";
import { mentionMarkdown } from "@/lib/comments/mentions";
import type { MentionMember } from "./mention-input";

/** A thread's passage in the editor's text. */
export type EditorPassage = { threadId: string; from: number; to: number; active: boolean };

/** The selection the Comment button would comment on, and where it is on screen. */
export type EditorSelectionInfo = { from: number; to: number; quote: string; left: number; top: number; bottom: number };

export type EditorCommentHooks = {
  onView: (view: EditorView | null) => void;
  onSelection: (selection: EditorSelectionInfo | null) => void;
  onOpen: (threadId: string) => void;
  /** Ctrl/⌘+Alt+M: comment on the editor's selection as it is at the key press; false when there is none. */
  onCommentKey: (selection: CommentableSelection | null) => boolean;
};

/** A selection with text to comment on. */
export type CommentableSelection = { from: number; to: number; quote: string };

/** The main selection, when it holds more than white space. */
export function commentableSelection(state: EditorState): CommentableSelection | null {
  const sel = state.selection.main;
  if (sel.empty) return null;
  const quote = state.sliceDoc(sel.from, sel.to);
  return quote.trim() ? { from: sel.from, to: sel.to, quote } : null;
}

export const setPassages = StateEffect.define<EditorPassage[]>();

const passageField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setPassages)) continue;
      const ranges = effect.value
        .filter((p) => p.to > p.from && p.to <= tr.state.doc.length)
        .sort((a, b) => a.from - b.from || a.to - b.to)
        .map((p) =>
          Decoration.mark({
            class: p.active ? "cm-comment-passage cm-comment-passage-active" : "cm-comment-passage",
            attributes: { "data-thread-id": p.threadId, title: "Commented passage: click to open the thread" },
          }).range(p.from, p.to),
        );
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const passageTheme = EditorView.baseTheme({
  ".cm-comment-passage": { backgroundColor: "rgb(255 200 0 / 0.28)", borderBottom: "2px solid rgb(220 160 0 / 0.8)", cursor: "pointer" },
  ".cm-comment-passage-active": { backgroundColor: "rgb(255 180 0 / 0.5)" },
});

/** The comment decorations and hooks, reporting through `hooks.current` (a ref, so the callbacks can change). */
export function commentsInEditor(hooks: { current: EditorCommentHooks }): Extension {
  return [
    passageField,
    passageTheme,
    ViewPlugin.define((view) => {
      hooks.current.onView(view);
      return { destroy: () => hooks.current.onView(null) };
    }),
    EditorView.domEventHandlers({
      click: (event, view) => {
        const mark = (event.target as HTMLElement | null)?.closest?.("[data-thread-id]");
        if (!mark || !view.state.selection.main.empty) return false;
        hooks.current.onOpen(mark.getAttribute("data-thread-id")!);
        return false;
      },
    }),
    // The key reads the selection from the editor's state, not the last one reported: that report waits for a measure, and a fast Shift+Arrow then Ctrl+Alt+M comes before it.
    Prec.high(keymap.of([{ key: "Mod-Alt-m", run: (view) => hooks.current.onCommentKey(commentableSelection(view.state)) }])),
    EditorView.updateListener.of((update) => {
      if (!update.selectionSet && !update.focusChanged && !update.docChanged) return;
      const selection = update.view.hasFocus ? commentableSelection(update.state) : null;
      if (!selection) {
        hooks.current.onSelection(null);
        return;
      }
      const head = update.state.selection.main.head;
      update.view.requestMeasure({
        read: (v) => v.coordsAtPos(head, head === selection.from ? 1 : -1),
        write: (coords) => {
          if (coords) hooks.current.onSelection({ ...selection, left: coords.left, top: coords.top, bottom: coords.bottom });
        },
      });
    }),
  ];
}

const MENTION_BEFORE = /@[\p{L}\p{N}_.'’-]*$/u;

/** The completion source behind `mentionCompletions`: after an `@` that starts a word, the members, each inserting its mention. */
export function mentionSource(members: () => readonly MentionMember[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const typed = context.matchBefore(MENTION_BEFORE);
    if (!typed) return null;
    const before = typed.from > 0 ? context.state.sliceDoc(typed.from - 1, typed.from) : "";
    if (before && !/[\s([{"'“‘]/.test(before)) return null;
    const list = members();
    if (list.length === 0) return null;
    return {
      from: typed.from,
      options: list.map((m) => ({ label: `@${m.name}`, apply: mentionMarkdown(m), type: "mention", detail: "member" })),
      validFor: /^@[\p{L}\p{N}_.'’-]*$/u,
    };
  };
}

/** `@` in the note's text offers the notebook's members and inserts `@[Name](mention:ID)`. */
export function mentionCompletions(members: () => readonly MentionMember[]): Extension {
  return autocompletion({ override: [mentionSource(members)], icons: false });
}
