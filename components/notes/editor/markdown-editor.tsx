"use client";
// The Markdown editor: CodeMirror 6 with a live preview (split, or toggled on narrow screens), shortcuts, and the embed picker and slash command.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorState, Prec, type Extension, type StateCommand } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { useDeferredValue, useEffect, useImperativeHandle, useRef, useState, useSyncExternalStore, type KeyboardEvent, type Ref } from "react";
import { mentionCompletions } from "@/components/comments/editor-comments";
import { useMentionMembers } from "@/components/comments/use-comments";
import { MarkdownView } from "@/components/notes/markdown-view";
import { useNoteEmbeds } from "@/components/notes/note-embeds";
import { embedDirective, type EmbedKind } from "@/lib/notes/directives";
import { editorTheme, highlightStyle, insertBlock, insertLink, toggleWrap } from "./editor-commands";
import { EMBED_SOURCES, EmbedPicker } from "./embed-picker";
import { embedTitles, setEmbedTitles } from "./embed-titles";
import { FigureInsertDialog } from "./figure-insert-dialog";
import { figureValues, insertFigure, setFigureValues } from "./figure-values";
import { syncScroll } from "./sync-scroll";
import { useEmbedTitles } from "./use-embed-titles";
import { useFigureValues } from "./use-figure-values";

export type EditorMode = "edit" | "split" | "preview";

export type MarkdownEditorHandle = {
  /** Replaces the whole text (loading another version); it can be undone. */
  setText: (text: string) => void;
  getText: () => string;
  focus: () => void;
};

type SlashState = { lineFrom: number; head: number; options: EmbedKind[]; left: number; top?: number; bottom?: number };

const WIDE_QUERY = "(min-width: 900px)";
const SLASH_KINDS: EmbedKind[] = ["chart", "question"];
const SLASH_MENU_HEIGHT = 120;
const SLASH_MENU_WIDTH = 240;

function isMod(e: KeyboardEvent | globalThis.KeyboardEvent) {
  return e.metaKey || e.ctrlKey;
}

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function MarkdownEditor({
  initialText,
  onChange,
  onSaveNow,
  readOnly = false,
  notebookId,
  noteId,
  extensions = [],
  ref,
}: {
  notebookId: string;
  /** The note being edited: question embeds in the preview record it as forecast evidence. */
  noteId?: string;
  initialText: string;
  onChange: (text: string) => void;
  onSaveNow: () => void;
  readOnly?: boolean;
  /** More CodeMirror extensions, set when the editor is made (the note's comment passages). */
  extensions?: Extension[];
  ref?: Ref<MarkdownEditorHandle>;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const embeds = useNoteEmbeds(noteId, notebookId);
  const readOnlyCompartment = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  const onSaveNowRef = useRef(onSaveNow);
  const [text, setText] = useState(initialText);
  const preview = useDeferredValue(text);
  const [mounted, setMounted] = useState(false);
  const wide = useSyncExternalStore(subscribeWide, () => window.matchMedia(WIDE_QUERY).matches, () => true);
  const [chosenMode, setChosenMode] = useState<EditorMode | null>(null);
  const mode: EditorMode = chosenMode === "split" && !wide ? "edit" : (chosenMode ?? (wide ? "split" : "edit"));
  const modes: EditorMode[] = wide ? ["edit", "split", "preview"] : ["edit", "preview"];
  const lastWritingMode = useRef<EditorMode>("split");
  const [slash, setSlash] = useState<SlashState | null>(null);
  const [slashIndex, setSlashIndex] = useState(0);
  const slashRef = useRef<{ state: SlashState | null; index: number; dismissed: boolean }>({ state: null, index: 0, dismissed: false });
  const [picker, setPicker] = useState<{ kind: EmbedKind; at: number | null } | null>(null);
  const [figureKeys, setFigureKeys] = useState<string[]>([]);
  const [figureDialog, setFigureDialog] = useState(false);
  const { members } = useMentionMembers(notebookId);
  const membersRef = useRef(members);

  useEffect(() => {
    onChangeRef.current = onChange;
    onSaveNowRef.current = onSaveNow;
    membersRef.current = members;
  });

  const setMode = (next: EditorMode) => {
    if (next !== "preview") lastWritingMode.current = next;
    setChosenMode(next);
    requestAnimationFrame(() => {
      if (next === "preview") previewRef.current?.focus();
      else viewRef.current?.focus();
    });
  };
  const togglePreview = () => setMode(mode === "preview" ? (lastWritingMode.current === "preview" ? "edit" : lastWritingMode.current) : "preview");

  const updateSlash = (next: SlashState | null, index = 0) => {
    slashRef.current.state = next;
    slashRef.current.index = index;
    setSlash(next);
    setSlashIndex(index);
  };

  const openPicker = (kind: EmbedKind, at: number | null) => {
    updateSlash(null);
    setPicker({ kind, at });
  };

  const pickSlash = (index: number) => {
    const view = viewRef.current;
    const current = slashRef.current.state;
    if (!view || !current) return;
    const kind = current.options[index] ?? current.options[0]!;
    view.dispatch({ changes: { from: current.lineFrom, to: current.head }, userEvent: "delete" });
    openPicker(kind, current.lineFrom);
  };
  const pickSlashRef = useRef(pickSlash);
  useEffect(() => {
    pickSlashRef.current = pickSlash;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const slashKeys = (action: "down" | "up" | "pick" | "close") => () => {
      const current = slashRef.current.state;
      if (!current) return false;
      if (action === "close") {
        slashRef.current.dismissed = true;
        updateSlash(null);
      } else if (action === "pick") {
        pickSlashRef.current(slashRef.current.index);
      } else {
        const n = current.options.length;
        const index = (slashRef.current.index + (action === "down" ? 1 : n - 1)) % n;
        slashRef.current.index = index;
        setSlashIndex(index);
      }
      return true;
    };
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          history(),
          EditorView.lineWrapping,
          markdown({ base: markdownLanguage }),
          syntaxHighlighting(highlightStyle),
          editorTheme,
          embedTitles(),
          figureValues(setFigureKeys),
          placeholder("Write in Markdown… Type / at the start of a line to embed a chart or a question, @ to mention a member."),
          mentionCompletions(() => membersRef.current),
          ...extensions,
          EditorView.scrollMargins.of(() => {
            const toolbar = toolbarRef.current;
            if (!toolbar || getComputedStyle(toolbar).position !== "sticky") return null;
            const rect = toolbar.getBoundingClientRect();
            return rect.top <= parseFloat(getComputedStyle(toolbar).top || "0") + 1 ? { top: rect.bottom + 8 } : null;
          }),
          // tabindex: the editable text is what the keyboard reaches in the scroller (axe: scrollable-region-focusable).
          EditorView.contentAttributes.of({ "aria-label": "Note text (Markdown)", "aria-multiline": "true", "data-testid": "note-editor", tabindex: "0" }),
          readOnlyCompartment.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          Prec.highest(
            keymap.of([
              { key: "ArrowDown", run: slashKeys("down") },
              { key: "ArrowUp", run: slashKeys("up") },
              { key: "Enter", run: slashKeys("pick") },
              { key: "Tab", run: slashKeys("pick") },
              { key: "Escape", run: slashKeys("close") },
            ]),
          ),
          Prec.high(
            keymap.of([
              { key: "Mod-b", run: toggleWrap("**", "bold text") },
              { key: "Mod-i", run: toggleWrap("_", "italic text") },
              { key: "Mod-k", run: insertLink },
            ]),
          ),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              const value = update.state.doc.toString();
              setText(value);
              onChangeRef.current(value);
              slashRef.current.dismissed = false;
            }
            if (!update.docChanged && !update.selectionSet && !update.focusChanged) return;
            const { state } = update;
            const sel = state.selection.main;
            const line = state.doc.lineAt(sel.head);
            const match = sel.empty && update.view.hasFocus ? /^\/([a-z]*)$/i.exec(state.sliceDoc(line.from, sel.head)) : null;
            const options = match && state.sliceDoc(sel.head, line.to).trim() === "" ? SLASH_KINDS.filter((k) => k.startsWith(match[1]!.toLowerCase())) : [];
            if (options.length === 0 || slashRef.current.dismissed) {
              if (slashRef.current.state) updateSlash(null);
              return;
            }
            update.view.requestMeasure({
              read: (v) => ({ coords: v.coordsAtPos(sel.head), pane: paneRef.current?.getBoundingClientRect() }),
              write: ({ coords, pane }) => {
                if (!coords || !pane) return;
                const same = slashRef.current.state && slashRef.current.state.options.join() === options.join();
                const roomBelow = Math.min(pane.bottom, window.innerHeight) - coords.bottom;
                const place = roomBelow < SLASH_MENU_HEIGHT ? { bottom: pane.bottom - coords.top + 4 } : { top: coords.bottom - pane.top + 4 };
                const left = Math.max(0, Math.min(coords.left - pane.left, pane.width - SLASH_MENU_WIDTH));
                updateSlash({ lineFrom: line.from, head: sel.head, options, left, ...place }, same ? Math.min(slashRef.current.index, options.length - 1) : 0);
              },
            });
          }),
        ],
      }),
    });
    viewRef.current = view;
    setMounted(true);
    const stopSync = previewRef.current ? syncScroll(view.scrollDOM, previewRef.current) : () => undefined;
    return () => {
      stopSync();
      view.destroy();
      viewRef.current = null;
    };
    // The view is created once; later text changes go through the handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const titles = useEmbedTitles(notebookId);
  useEffect(() => {
    if (mounted) viewRef.current?.dispatch({ effects: setEmbedTitles.of(titles) });
  }, [titles, mounted]);
  const figures = useFigureValues(notebookId, figureKeys);
  useEffect(() => {
    if (mounted) viewRef.current?.dispatch({ effects: setFigureValues.of(figures) });
  }, [figures, mounted]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: readOnlyCompartment.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useImperativeHandle(
    ref,
    () => ({
      setText: (next: string) => {
        const view = viewRef.current;
        if (!view) return;
        if (view.state.doc.toString() === next) return;
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next }, userEvent: "input.replace" });
      },
      getText: () => viewRef.current?.state.doc.toString() ?? text,
      focus: () => viewRef.current?.focus(),
    }),
    [text],
  );

  const run = (command: StateCommand) => {
    const view = viewRef.current;
    if (!view || readOnly) return;
    command(view);
    view.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!isMod(e)) return;
    const key = e.key.toLowerCase();
    if (key === "s" && !e.shiftKey) {
      e.preventDefault();
      onSaveNowRef.current();
    } else if (key === "p" && e.shiftKey) {
      e.preventDefault();
      togglePreview();
    } else if (key === "k" && (e.target as HTMLElement).closest(".cm-editor")) {
      e.stopPropagation();
    }
  };

  return (
    <div className="md-editor" data-mode={mode} onKeyDown={onKeyDown}>
      <div className="md-toolbar" ref={toolbarRef} role="toolbar" aria-label="Formatting">
        <div className="md-toolbar-group">
          <button type="button" className="btn btn-ghost btn-sm md-tool" title="Bold (Ctrl/⌘+B)" aria-label="Bold" disabled={readOnly || mode === "preview"} onClick={() => run(toggleWrap("**", "bold text"))}>
            <strong>B</strong>
          </button>
          <button type="button" className="btn btn-ghost btn-sm md-tool" title="Italic (Ctrl/⌘+I)" aria-label="Italic" disabled={readOnly || mode === "preview"} onClick={() => run(toggleWrap("_", "italic text"))}>
            <em>I</em>
          </button>
          <button type="button" className="btn btn-ghost btn-sm md-tool" title="Link (Ctrl/⌘+K)" aria-label="Link" disabled={readOnly || mode === "preview"} onClick={() => run(insertLink)}>
            Link
          </button>
          <button type="button" className="btn btn-ghost btn-sm" title="Insert a chart or a question (or type /chart at the start of a line)" disabled={readOnly || mode === "preview"} onClick={() => openPicker("chart", null)}>
            Insert…
          </button>
          <button type="button" className="btn btn-ghost btn-sm" title="Insert a live figure computed from a series, such as :value{series=SPX stat=ytd}" disabled={readOnly || mode === "preview"} onClick={() => setFigureDialog(true)}>
            Figure
          </button>
        </div>
        <div className="segmented" role="group" aria-label="View">
          {modes.map((m) => (
            <button
              key={m}
              type="button"
              className="segmented-option"
              aria-pressed={mode === m}
              title={m === "preview" ? "Preview (Ctrl/⌘+Shift+P)" : undefined}
              onClick={() => setMode(m)}
            >
              {m === "edit" ? "Edit" : m === "split" ? "Split" : "Preview"}
            </button>
          ))}
        </div>
      </div>
      <div className="md-panes">
        <div className="md-pane md-source" ref={paneRef} hidden={mode === "preview"}>
          <div ref={hostRef} className="md-cm" />
          {!mounted && <pre className="md-cm-fallback">{initialText}</pre>}
          {slash && (
            <ul className="slash-menu" role="listbox" aria-label="Embed" style={{ left: slash.left, top: slash.top, bottom: slash.bottom }}>
              {slash.options.map((kind, i) => (
                <li
                  key={kind}
                  role="option"
                  aria-selected={i === slashIndex}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pickSlash(i);
                  }}
                >
                  <span className="slash-name">/{kind}</span>
                  <span className="faint">Embed a {EMBED_SOURCES[kind].label.toLowerCase()}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="md-pane md-preview" ref={previewRef} hidden={mode === "edit"} tabIndex={0} aria-label="Preview" data-testid="note-preview">
          {preview.trim() ? <MarkdownView source={preview} embeds={embeds} /> : <p className="faint">Nothing to preview yet.</p>}
        </div>
      </div>
      <EmbedPicker
        open={picker !== null}
        kind={picker?.kind ?? "chart"}
        notebookId={notebookId}
        onClose={() => {
          setPicker(null);
          viewRef.current?.focus();
        }}
        onInsert={(kind, id) => {
          const view = viewRef.current;
          const at = picker?.at ?? view?.state.selection.main.head ?? 0;
          setPicker(null);
          if (view) insertBlock(view, embedDirective({ kind, id }), at);
        }}
      />
      <FigureInsertDialog
        open={figureDialog}
        notebookId={notebookId}
        onClose={() => {
          setFigureDialog(false);
          viewRef.current?.focus();
        }}
        onInsert={(directive) => {
          setFigureDialog(false);
          if (viewRef.current) insertFigure(viewRef.current, directive);
        }}
      />
    </div>
  );
}
