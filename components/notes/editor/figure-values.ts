// CodeMirror: each :value{…} figure in the text shows as a small inline chip with the computed figure (or why there is none); the cursor or selection touching it (or a click) shows the directive to edit.
import { StateEffect, StateField, type EditorState, type Extension, type Range, type Transaction, type TransactionSpec } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { findFigures, mayHoldFigures, type FoundFigure } from "@/lib/figures/find";
import { FIGURE_STAT_LABELS } from "@/lib/figures/spec";

/** One computed figure as the chip shows it: its text and a line on where it came from, or the reason there is none. */
export type FigureChipValue = { ok: true; text: string; detail: string } | { ok: false; reason: string };

/** The computed figures by key; a key missing from the map is still loading, or failed with `error`. */
export type FigureValues = { error: string | null; byKey: Map<string, FigureChipValue> };

export const setFigureValues = StateEffect.define<FigureValues>();

/** The figures found in the text (set after a pause in typing: finding them parses the whole note). */
const setFoundFigures = StateEffect.define<FoundFigure[]>();

/** How long typing must pause before the text is parsed again for figures. */
const REPARSE_MS = 300;

const valuesField = StateField.define<FigureValues>({
  create: () => ({ error: null, byKey: new Map() }),
  update: (value, tr) => tr.effects.reduce((v, e) => (e.is(setFigureValues) ? e.value : v), value),
});

function find(state: EditorState): FoundFigure[] {
  const text = state.doc.toString();
  return mayHoldFigures(text) ? findFigures(text) : [];
}

/** Between parses, figures follow the edits; one an edit touched waits for the next parse (its source is showing: the cursor is on it). */
function mapFound(found: FoundFigure[], tr: Transaction): FoundFigure[] {
  const kept: FoundFigure[] = [];
  for (const f of found) {
    if (tr.changes.touchesRange(f.start, f.end)) continue;
    kept.push({ ...f, start: tr.changes.mapPos(f.start, 1), end: tr.changes.mapPos(f.end, -1) });
  }
  return kept;
}

const foundField = StateField.define<FoundFigure[]>({
  create: find,
  update: (value, tr) => {
    const set = tr.effects.findLast((e) => e.is(setFoundFigures));
    if (set) return set.value as FoundFigure[];
    return tr.docChanged ? mapFound(value, tr) : value;
  },
});

type ChipKind = "value" | "error" | "loading";

class FigureChipWidget extends WidgetType {
  constructor(
    readonly kind: ChipKind,
    readonly text: string,
    readonly tip: string,
  ) {
    super();
  }

  eq(other: FigureChipWidget) {
    return other.kind === this.kind && other.text === this.text && other.tip === this.tip;
  }

  toDOM() {
    const chip = document.createElement("span");
    chip.className = `cm-figure cm-figure-${this.kind}`;
    chip.dataset.testid = "figure-chip";
    chip.dataset.state = this.kind;
    chip.title = this.tip;
    if (this.kind === "error") {
      const mark = document.createElement("span");
      mark.className = "cm-figure-mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = "!";
      chip.append(mark);
    }
    const text = document.createElement("span");
    text.className = "cm-figure-text";
    text.textContent = this.text;
    chip.append(text);
    if (this.kind === "loading") chip.setAttribute("aria-busy", "true");
    return chip;
  }

  ignoreEvent() {
    return false;
  }
}

function chipFor(found: FoundFigure, values: FigureValues): FigureChipWidget {
  const edit = `Click to edit ${found.source}`;
  if (!found.ok) return new FigureChipWidget("error", `Figure: ${found.reason}`, `This figure cannot be read: ${found.reason}. ${edit}`);
  const value = values.byKey.get(found.key);
  if (value?.ok) return new FigureChipWidget("value", value.text, `${found.spec.series}: ${FIGURE_STAT_LABELS[found.spec.stat]}. ${value.detail} ${edit}`);
  if (value) return new FigureChipWidget("error", `Figure: ${value.reason}`, `This figure cannot be computed: ${value.reason}. ${edit}`);
  if (values.error) return new FigureChipWidget("error", "Figure not loaded", `Figures could not be loaded: ${values.error}. ${edit}`);
  return new FigureChipWidget("loading", "…", `Computing ${found.source}`);
}

function decorationsFor(state: EditorState): DecorationSet {
  const values = state.field(valuesField);
  const ranges: Range<Decoration>[] = [];
  let last = -1;
  for (const f of state.field(foundField)) {
    if (f.start < last || f.end <= f.start || f.end > state.doc.length) continue;
    if (state.selection.ranges.some((r) => r.to >= f.start && r.from <= f.end)) continue;
    ranges.push(Decoration.replace({ widget: chipFor(f, values) }).range(f.start, f.end));
    last = f.end;
  }
  return Decoration.set(ranges);
}

const decorationsField = StateField.define<DecorationSet>({
  create: (state) => decorationsFor(state),
  update: (value, tr) =>
    tr.docChanged || tr.selection || tr.effects.some((e) => e.is(setFigureValues) || e.is(setFoundFigures)) ? decorationsFor(tr.state) : value,
  provide: (field) => EditorView.decorations.from(field),
});

/** The distinct keys of the readable figures, sorted: the set a query asks for. */
function keysOf(found: FoundFigure[]): string[] {
  return [...new Set(found.flatMap((f) => (f.ok ? [f.key] : [])))].sort();
}

/** Parses again after a pause in typing, and reports the figures' keys when their set changes. */
function reparser(onKeys: (keys: string[]) => void) {
  return ViewPlugin.fromClass(
    class {
      timer: ReturnType<typeof setTimeout> | null = null;
      keys = "";

      constructor(view: EditorView) {
        this.report(view.state);
      }

      update(update: ViewUpdate) {
        if (update.transactions.some((tr) => tr.effects.some((e) => e.is(setFoundFigures)))) this.report(update.state);
        if (!update.docChanged) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = null;
          update.view.dispatch({ effects: setFoundFigures.of(find(update.view.state)) });
        }, REPARSE_MS);
      }

      report(state: EditorState) {
        const keys = keysOf(state.field(foundField));
        if (keys.join("\n") === this.keys) return;
        this.keys = keys.join("\n");
        // Told after the update (a listener may set React state).
        queueMicrotask(() => onKeys(keys));
      }

      destroy() {
        if (this.timer) clearTimeout(this.timer);
      }
    },
  );
}

/**
 * The extension. `onKeys` hears the distinct keys of the text's figures whenever that set changes; feed the values
 * back with `view.dispatch({ effects: setFigureValues.of(…) })`.
 */
export function figureValues(onKeys: (keys: string[]) => void): Extension {
  return [valuesField, foundField, decorationsField, reparser(onKeys)];
}

/**
 * The change that puts a figure's directive in place of the selection, spaced from the words around it. When it ends
 * a line or meets a word, a space follows and the cursor goes after it, so the figure shows as its chip at once.
 */
export function figureInsertion(state: EditorState, directive: string): TransactionSpec {
  const { from, to } = state.selection.main;
  const before = state.sliceDoc(Math.max(0, from - 1), from);
  const after = state.sliceDoc(to, to + 1);
  const lead = before !== "" && !/[\s([{"'“‘]/.test(before) ? " " : "";
  const trail = after === "" || after === "\n" || /[\p{L}\p{N}]/u.test(after) ? " " : "";
  const insert = `${lead}${directive}${trail}`;
  return { changes: { from, to, insert }, selection: { anchor: from + insert.length }, scrollIntoView: true, userEvent: "input" };
}

/** Inserts a figure's directive at the cursor (figureInsertion) and gives the editor the focus back. */
export function insertFigure(view: EditorView, directive: string) {
  view.dispatch(figureInsertion(view.state, directive));
  view.focus();
}
