// CodeMirror: each ::chart{id=…} / ::question{id=…} line shows the chart's or question's title; the cursor on the line (or a click) shows the directive to edit.
import { StateEffect, StateField, type EditorState, type Extension, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import { findEmbedLines, type EmbedKind } from "@/lib/notes/directives";

/** Titles by `kind:id`; an id missing from the map is shown as not found once titles have loaded. */
export type EmbedTitles = { loaded: boolean; titles: Map<string, string> };

export const setEmbedTitles = StateEffect.define<EmbedTitles>();

const titlesField = StateField.define<EmbedTitles>({
  create: () => ({ loaded: false, titles: new Map() }),
  update: (value, tr) => tr.effects.reduce((v, e) => (e.is(setEmbedTitles) ? e.value : v), value),
});

const LABELS: Record<EmbedKind, string> = { chart: "Chart", question: "Question" };

class EmbedTitleWidget extends WidgetType {
  constructor(
    readonly kind: EmbedKind,
    readonly id: string,
    readonly title: string | null,
  ) {
    super();
  }

  eq(other: EmbedTitleWidget) {
    return other.kind === this.kind && other.id === this.id && other.title === this.title;
  }

  toDOM() {
    const chip = document.createElement("span");
    chip.className = `cm-embed-title cm-embed-${this.kind}${this.title === null ? " cm-embed-missing" : ""}`;
    chip.dataset.testid = "embed-title";
    chip.dataset.embedKind = this.kind;
    chip.dataset.embedId = this.id;
    chip.title = `::${this.kind}{id=${this.id}}: click to edit the directive`;
    const label = document.createElement("span");
    label.className = "cm-embed-kind";
    label.textContent = LABELS[this.kind];
    const text = document.createElement("span");
    text.className = "cm-embed-name";
    text.textContent = this.title ?? `not found: ${this.id}`;
    chip.append(label, text);
    return chip;
  }

  ignoreEvent() {
    return false;
  }
}

function decorationsFor(state: EditorState): DecorationSet {
  const { loaded, titles } = state.field(titlesField);
  const doc = state.doc;
  const lines = (function* () {
    for (let n = 1; n <= doc.lines; n++) yield doc.line(n).text;
  })();
  const ranges: Range<Decoration>[] = [];
  for (const embed of findEmbedLines(lines)) {
    const line = doc.line(embed.line + 1);
    if (state.selection.ranges.some((r) => r.to >= line.from && r.from <= line.to)) continue;
    const title = titles.get(`${embed.kind}:${embed.id}`);
    if (title === undefined && !loaded) continue;
    ranges.push(Decoration.replace({ widget: new EmbedTitleWidget(embed.kind, embed.id, title ?? null) }).range(line.from, line.to));
  }
  return Decoration.set(ranges);
}

const decorationsField = StateField.define<DecorationSet>({
  create: (state) => decorationsFor(state),
  update: (value, tr) => (tr.docChanged || tr.selection || tr.effects.some((e) => e.is(setEmbedTitles)) ? decorationsFor(tr.state) : value),
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.baseTheme({
  ".cm-embed-title": {
    display: "inline-flex",
    alignItems: "baseline",
    gap: "8px",
    maxWidth: "100%",
    boxSizing: "border-box",
    verticalAlign: "top",
    padding: "2px 10px",
    borderRadius: "6px",
    border: "1px solid var(--border)",
    borderLeft: "3px solid var(--accent)",
    background: "var(--surface-2)",
    cursor: "text",
  },
  ".cm-embed-question": { borderLeftColor: "#7a5af5" },
  ".cm-embed-missing": { borderLeftColor: "var(--danger)", color: "var(--text-2)" },
  ".cm-embed-kind": { flex: "none", whiteSpace: "nowrap", fontSize: "0.75em", textTransform: "uppercase", letterSpacing: "0.04em", color: "var(--text-3)", fontWeight: "600" },
  ".cm-embed-name": { minWidth: "0", fontWeight: "600", overflowWrap: "anywhere" },
});

/** The extension; feed it titles with `view.dispatch({ effects: setEmbedTitles.of(…) })`. */
export function embedTitles(): Extension {
  return [titlesField, decorationsField, theme];
}
