// The editor's figure chips (which directives become chips, with what) and the Figure dialog's checks, on editor states without a DOM.
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView, type DecorationSet } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { checkFigureForm } from "./figure-insert-dialog";
import { figureInsertion, figureValues, setFigureValues, type FigureValues } from "./figure-values";

type Chip = { from: number; to: number; kind: string; text: string; tip: string };

function chips(state: EditorState): Chip[] {
  const out: Chip[] = [];
  for (const source of state.facet(EditorView.decorations)) {
    const set = (typeof source === "function" ? null : source) as DecorationSet | null;
    set?.between(0, state.doc.length, (from, to, deco) => {
      const w = deco.spec.widget as { kind: string; text: string; tip: string };
      out.push({ from, to, kind: w.kind, text: w.text, tip: w.tip });
    });
  }
  return out;
}

function stateOf(doc: string, cursor = doc.length) {
  return EditorState.create({ doc, selection: EditorSelection.cursor(cursor), extensions: figureValues(() => undefined) });
}

const SPX_YTD = "series=SPX stat=ytd";
const values = (entries: Array<[string, FigureValues["byKey"] extends Map<string, infer V> ? V : never]>, error: string | null = null): FigureValues => ({ error, byKey: new Map(entries) });

describe("figure chips", () => {
  const doc = "SPX is up :value{series=SPX stat=ytd} and `:value{series=SPX}` is code; :value{series=NOPE stat=foo} is wrong.\n";

  it("replaces each directive (not code) with a chip: loading until its value comes, an error chip for one that cannot be read", () => {
    const state = stateOf(doc);
    const found = chips(state);
    expect(found.map((c) => [doc.slice(c.from, c.to), c.kind])).toEqual([
      [":value{series=SPX stat=ytd}", "loading"],
      [":value{series=NOPE stat=foo}", "error"],
    ]);
    expect(found[1]!.text).toBe("Figure: unknown stat “foo” (use last, value, change, return, ytd, ratio, drawdown, high, low)");
  });

  it("shows the computed text, or the reason it cannot be computed, or that figures did not load", () => {
    let state = stateOf(doc).update({ effects: setFigureValues.of(values([[SPX_YTD, { ok: true, text: "1.5%", detail: "From SPX 100 on 2025-12-31." }]])) }).state;
    expect(chips(state)[0]).toMatchObject({ kind: "value", text: "1.5%" });
    expect(chips(state)[0]!.tip).toContain("% change year to date");
    state = state.update({ effects: setFigureValues.of(values([[SPX_YTD, { ok: false, reason: "no series “SPX” in this notebook" }]])) }).state;
    expect(chips(state)[0]).toMatchObject({ kind: "error", text: "Figure: no series “SPX” in this notebook" });
    state = state.update({ effects: setFigureValues.of(values([], "Network error")) }).state;
    expect(chips(state)[0]).toMatchObject({ kind: "error", text: "Figure not loaded" });
    expect(chips(state)[0]!.tip).toContain("Network error");
  });

  it("shows the directive's source while the cursor or selection touches it", () => {
    const start = doc.indexOf(":value{series=SPX");
    const end = start + ":value{series=SPX stat=ytd}".length;
    for (const selection of [EditorSelection.cursor(start), EditorSelection.cursor(end), EditorSelection.cursor(start + 5), EditorSelection.range(0, start + 1)]) {
      const state = stateOf(doc).update({ selection }).state;
      expect(chips(state).map((c) => doc.slice(c.from, c.to))).toEqual([":value{series=NOPE stat=foo}"]);
    }
    expect(chips(stateOf(doc).update({ selection: EditorSelection.cursor(end + 1) }).state)).toHaveLength(2);
  });

  it("keeps chips in place through edits elsewhere, and drops the one being edited until the text is read again", () => {
    let state = stateOf(doc, 0);
    state = state.update({ changes: { from: 0, insert: "Note: " } }).state;
    expect(chips(state).map((c) => state.sliceDoc(c.from, c.to))).toEqual([":value{series=SPX stat=ytd}", ":value{series=NOPE stat=foo}"]);
    const inside = state.doc.toString().indexOf("stat=ytd");
    state = state.update({ changes: { from: inside, insert: " " }, selection: EditorSelection.cursor(0) }).state;
    expect(chips(state).map((c) => state.sliceDoc(c.from, c.to))).toEqual([":value{series=NOPE stat=foo}"]);
  });
});

describe("figureInsertion", () => {
  const insert = (doc: string, at: number) => {
    const state = EditorState.create({ doc, selection: EditorSelection.cursor(at) });
    const next = state.update(figureInsertion(state, ":value{series=SPX stat=ytd}")).state;
    return { text: next.doc.toString(), cursor: next.selection.main.head };
  };

  it("spaces the directive from the words around it and puts the cursor past it", () => {
    expect(insert("SPX is up", 9)).toEqual({ text: "SPX is up :value{series=SPX stat=ytd} ", cursor: 38 });
    expect(insert("", 0)).toEqual({ text: ":value{series=SPX stat=ytd} ", cursor: 28 });
    expect(insert("up (this year)", 4)).toEqual({ text: "up (:value{series=SPX stat=ytd} this year)", cursor: 32 });
    expect(insert("up .", 3)).toEqual({ text: "up :value{series=SPX stat=ytd}.", cursor: 30 });
  });
});

describe("checkFigureForm", () => {
  const form = { series: "SPX", stat: "last" as const, over: "", date: "", from: "", to: "", digits: "", sign: "" as const };

  it("asks for what the statistic needs, in the form's words", () => {
    expect(checkFigureForm({ ...form, series: "" })).toMatchObject({ ok: false, field: "series", message: "Choose a series." });
    expect(checkFigureForm({ ...form, stat: "value" })).toMatchObject({ ok: false, field: "date" });
    expect(checkFigureForm({ ...form, stat: "return" })).toMatchObject({ ok: false, field: "from", message: "Choose the start date." });
    expect(checkFigureForm({ ...form, stat: "ratio", from: "2020-01-01" })).toMatchObject({ ok: false, field: "over" });
    expect(checkFigureForm({ ...form, stat: "ratio", from: "2020-01-01", over: "SPX" })).toMatchObject({ ok: false, field: "over" });
    expect(checkFigureForm({ ...form, stat: "high", from: "2020-02-01", to: "2020-01-01" })).toMatchObject({ ok: false, field: "to" });
  });

  it("gives the spec with only the attributes the statistic takes", () => {
    expect(checkFigureForm({ ...form, stat: "ytd", date: "2020-01-01", from: "2019-01-01", digits: "2", sign: "true" })).toEqual({
      ok: true,
      spec: { series: "SPX", stat: "ytd", digits: 2, sign: true },
    });
    expect(checkFigureForm({ ...form, stat: "ratio", over: "MSFT", from: "2000-01-03", to: "2002-12-31" })).toEqual({
      ok: true,
      spec: { series: "SPX", stat: "ratio", over: "MSFT", from: "2000-01-03", to: "2002-12-31" },
    });
  });
});
