// The note editor's `@` completions and comment passages: which text offers members, what a pick inserts, and passages kept through edits.
import { CompletionContext } from "@codemirror/autocomplete";
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView, keymap, type DecorationSet } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { commentableSelection, commentsInEditor, mentionSource, setPassages, type CommentableSelection } from "./editor-comments";

const members = [
  { id: "u1", name: "Ada Lovelace" },
  { id: "u2", name: "Bob [Ops]" },
];
const complete = (doc: string, pos = doc.length) => mentionSource(() => members)(new CompletionContext(EditorState.create({ doc }), pos, false));

describe("mentionSource", () => {
  it("offers the members after an @ that starts a word, from the @", () => {
    const result = complete("Ask @Ad");
    expect(result?.from).toBe(4);
    expect(result?.options.map((o) => o.label)).toEqual(["@Ada Lovelace", "@Bob [Ops]"]);
    expect(result?.options.map((o) => o.apply)).toEqual(["@[Ada Lovelace](mention:u1)", "@[Bob Ops](mention:u2)"]);
    expect(complete("@")?.from).toBe(0);
    expect(complete("(@a")?.from).toBe(1);
  });

  it("offers nothing inside an email address, without an @, or with no members", () => {
    expect(complete("ada@example")).toBeNull();
    expect(complete("plain text")).toBeNull();
    expect(mentionSource(() => [])(new CompletionContext(EditorState.create({ doc: "@a" }), 2, false))).toBeNull();
  });
});

describe("comment passages in the editor", () => {
  const marked = (state: EditorState) => {
    const found: string[] = [];
    for (const set of state.facet(EditorView.decorations)) {
      if (typeof set === "function") continue;
      (set as DecorationSet).between(0, state.doc.length, (from, to, deco) => {
        found.push(`${state.sliceDoc(from, to)}|${String(deco.spec.attributes?.["data-thread-id"])}|${String(deco.spec.class)}`);
      });
    }
    return found;
  };

  it("marks each passage, the active one apart, and keeps them on their text through edits", () => {
    const hooks = { current: { onView: () => undefined, onSelection: () => undefined, onOpen: () => undefined, onCommentKey: () => false } };
    let state = EditorState.create({ doc: "Small caps lead when rates fall.", extensions: commentsInEditor(hooks) });
    state = state.update({
      effects: setPassages.of([
        { threadId: "t2", from: 21, to: 31, active: true },
        { threadId: "t1", from: 0, to: 15, active: false },
        { threadId: "gone", from: 10, to: 99, active: false },
      ]),
    }).state;
    state = state.update({ changes: { from: 0, insert: "Now: " } }).state;
    expect(marked(state)).toEqual(["Small caps lead|t1|cm-comment-passage", "rates fall|t2|cm-comment-passage cm-comment-passage-active"]);
  });
});

describe("Ctrl/⌘+Alt+M in the editor", () => {
  it("comments on the selection as it stands at the key press, not on the last one measured", () => {
    const asked: (CommentableSelection | null)[] = [];
    const hooks = { current: { onView: () => undefined, onSelection: () => undefined, onOpen: () => undefined, onCommentKey: (s: CommentableSelection | null) => (asked.push(s), s !== null) } };
    const doc = "We expect two cuts by June.";
    const at = doc.indexOf("two cuts ");
    const state = EditorState.create({ doc, selection: EditorSelection.range(at + 9, at), extensions: commentsInEditor(hooks) });
    const binding = state.facet(keymap).flat().find((b) => b.key === "Mod-Alt-m");
    expect(binding?.run?.({ state } as EditorView)).toBe(true);
    const empty = state.update({ selection: EditorSelection.cursor(3) }).state;
    expect(binding?.run?.({ state: empty } as EditorView)).toBe(false);
    expect(asked).toEqual([{ from: at, to: at + 9, quote: "two cuts " }, null]);
  });

  it("finds nothing to comment on in an empty or blank selection", () => {
    const state = EditorState.create({ doc: "a   b" });
    expect(commentableSelection(state)).toBeNull();
    expect(commentableSelection(state.update({ selection: EditorSelection.range(1, 4) }).state)).toBeNull();
    expect(commentableSelection(state.update({ selection: EditorSelection.range(0, 2) }).state)).toEqual({ from: 0, to: 2, quote: "a " });
  });
});
