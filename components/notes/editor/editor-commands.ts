// CodeMirror pieces of the Markdown editor: its theme, syntax colours, and the bold / italic / link / block commands.
import { HighlightStyle } from "@codemirror/language";
import { EditorSelection, type StateCommand } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

export const editorTheme = EditorView.theme({
  "&": { color: "var(--text)", backgroundColor: "transparent", height: "100%" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-sans)", fontSize: "0.97rem", lineHeight: "1.7", overflow: "auto" },
  ".cm-content": { caretColor: "var(--accent)", padding: "18px 0 30vh" },
  ".cm-line": { padding: "0 22px" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  ".cm-placeholder": { color: "var(--text-3)" },
});

export const highlightStyle = HighlightStyle.define([
  { tag: t.heading1, fontWeight: "700", fontSize: "1.3em" },
  { tag: t.heading2, fontWeight: "680", fontSize: "1.15em" },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: "650" },
  { tag: t.strong, fontWeight: "700" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strikethrough, textDecoration: "line-through" },
  { tag: [t.link, t.url], color: "var(--accent)" },
  { tag: t.monospace, fontFamily: "var(--font-mono)", fontSize: "0.9em", color: "var(--text-2)" },
  { tag: t.quote, color: "var(--text-2)" },
  { tag: [t.processingInstruction, t.contentSeparator, t.labelName, t.meta], color: "var(--text-3)" },
  { tag: t.list, color: "var(--text)" },
  { tag: [t.comment], color: "var(--text-3)", fontStyle: "italic" },
]);

export function toggleWrap(marker: string, filler: string): StateCommand {
  return ({ state, dispatch }) => {
    const update = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - marker.length, range.from);
      const after = state.sliceDoc(range.to, range.to + marker.length);
      if (before === marker && after === marker) {
        return {
          changes: [
            { from: range.from - marker.length, to: range.from },
            { from: range.to, to: range.to + marker.length },
          ],
          range: EditorSelection.range(range.from - marker.length, range.to - marker.length),
        };
      }
      const text = range.empty ? filler : state.sliceDoc(range.from, range.to);
      return {
        changes: { from: range.from, to: range.to, insert: `${marker}${text}${marker}` },
        range: EditorSelection.range(range.from + marker.length, range.from + marker.length + text.length),
      };
    });
    dispatch(state.update(update, { scrollIntoView: true, userEvent: "input" }));
    return true;
  };
}

export const insertLink: StateCommand = ({ state, dispatch }) => {
  const update = state.changeByRange((range) => {
    const selected = state.sliceDoc(range.from, range.to);
    if (/^https?:\/\/\S+$/.test(selected)) {
      return { changes: { from: range.from, to: range.to, insert: `[](${selected})` }, range: EditorSelection.cursor(range.from + 1) };
    }
    const text = selected || "link text";
    const url = "https://";
    const insert = `[${text}](${url})`;
    const selection = selected ? EditorSelection.range(range.from + text.length + 3, range.from + text.length + 3 + url.length) : EditorSelection.range(range.from + 1, range.from + 1 + text.length);
    return { changes: { from: range.from, to: range.to, insert }, range: selection };
  });
  dispatch(state.update(update, { scrollIntoView: true, userEvent: "input" }));
  return true;
};

/** Puts a block (an embed directive) on its own line at `at`, with blank lines around it. */
export function insertBlock(view: EditorView, text: string, at: number) {
  const { state } = view;
  const line = state.doc.lineAt(Math.min(at, state.doc.length));
  const blank = line.text.trim() === "";
  const from = blank ? line.from : line.to;
  const to = blank ? line.to : line.to;
  const prev = blank && line.number > 1 ? state.doc.line(line.number - 1).text : "";
  const next = line.number < state.doc.lines ? state.doc.line(line.number + 1).text : null;
  const lead = blank ? (prev.trim() !== "" ? "\n" : "") : "\n\n";
  const tail = next === null ? "\n" : next.trim() !== "" ? "\n" : "";
  const insert = `${lead}${text}${tail}`;
  view.dispatch({ changes: { from, to, insert }, selection: EditorSelection.cursor(from + lead.length + text.length + (tail ? 1 : 0)), scrollIntoView: true, userEvent: "input" });
  view.focus();
}
