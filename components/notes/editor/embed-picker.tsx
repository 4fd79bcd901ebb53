"use client";
// The picker that inserts a chart or question embed (::chart{id=…}, ::question{id=…}): searchable, with chart thumbnails; says plainly when there is nothing to embed yet.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { ChartIcon, QuestionIcon } from "@/components/ui/icons";
import type { EmbedKind } from "@/lib/notes/directives";

export type EmbedChoice = { id: string; title: string; detail?: string };

type Source = { label: string; plural: string; empty: string };

/** What each kind is called, and what the picker says when the notebook has none. */
export const EMBED_SOURCES: Record<EmbedKind, Source> = {
  chart: { label: "Chart", plural: "Charts", empty: "This notebook has no charts yet. Make one on the Charts page, then insert it here." },
  question: { label: "Question", plural: "Questions", empty: "This notebook has no questions yet. Add one on the Questions page, then insert it here." },
};

/** The notebook's charts or questions as picker choices. */
function useChoices(kind: EmbedKind, notebookId: string): { items: EmbedChoice[]; loading: boolean; error: string | null } {
  const trpc = useTRPC();
  const charts = useQuery({ ...trpc.charts.list.queryOptions({ notebookId }), enabled: kind === "chart" });
  const questions = useQuery({ ...trpc.questions.list.queryOptions({ notebookId }), enabled: kind === "question" });
  if (kind === "question") {
    return {
      items: (questions.data ?? []).map((q) => ({ id: q.id, title: q.title, detail: `${q.status === "open" ? `resolve by ${q.resolveBy}` : q.status} · ${q.kind}` })),
      loading: questions.isPending,
      error: questions.error?.message ?? null,
    };
  }
  return {
    items: (charts.data ?? []).map((c) => ({ id: c.id, title: c.title, detail: c.series.join(", ") })),
    loading: charts.isPending,
    error: charts.error?.message ?? null,
  };
}

const THUMBNAILS = 12;

/** A chart's server-drawn SVG, small (trusted markup made by Plot on the server, as ChartFigure shows it). */
function ChartThumb({ id }: { id: string }) {
  const trpc = useTRPC();
  const chart = useQuery({ ...trpc.charts.get.queryOptions({ id, withPoints: false }), retry: false, staleTime: 60_000 });
  if (!chart.data) return <span className="picker-thumb" aria-hidden="true" />;
  return <span className="picker-thumb" aria-hidden="true" dangerouslySetInnerHTML={{ __html: chart.data.svg }} />;
}

function matchesQuery(item: EmbedChoice, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${item.title} ${item.detail ?? ""} ${item.id}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function EmbedPicker({
  open,
  kind: initialKind,
  notebookId,
  onClose,
  onInsert,
}: {
  open: boolean;
  kind: EmbedKind;
  notebookId: string;
  onClose: () => void;
  onInsert: (kind: EmbedKind, id: string) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Insert an embed">
      {open && <PickerBody initialKind={initialKind} notebookId={notebookId} onClose={onClose} onInsert={onInsert} />}
    </Dialog>
  );
}

function PickerBody({
  initialKind,
  notebookId,
  onClose,
  onInsert,
}: {
  initialKind: EmbedKind;
  notebookId: string;
  onClose: () => void;
  onInsert: (kind: EmbedKind, id: string) => void;
}) {
  const [kind, setKind] = useState<EmbedKind>(initialKind);
  const choices = useChoices(kind, notebookId);
  const [manualId, setManualId] = useState("");
  const [query, setQuery] = useState("");
  const shown = choices.items.filter((item) => matchesQuery(item, query));
  const [touched, setTouched] = useState(false);
  const source = EMBED_SOURCES[kind];
  const idValid = ID_PATTERN.test(manualId.trim());
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (idValid) onInsert(kind, manualId.trim());
      }}
      noValidate
    >
      <div className="dialog-body">
        <h2>Insert an embed</h2>
        <div className="segmented" role="tablist" aria-label="What to embed">
          {(Object.keys(EMBED_SOURCES) as EmbedKind[]).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={k === kind} className="segmented-option" onClick={() => setKind(k)}>
              {k === "chart" ? <ChartIcon /> : <QuestionIcon />} {EMBED_SOURCES[k].plural}
            </button>
          ))}
        </div>
        {choices.loading ? (
          <div className="picker-empty">Loading {source.plural.toLowerCase()}…</div>
        ) : choices.error ? (
          <div className="alert alert-error">{choices.error}</div>
        ) : choices.items.length === 0 ? (
          <div className="picker-empty" data-testid="embed-picker-empty">
            {source.empty}
          </div>
        ) : (
          <>
            <input
              className="input"
              type="search"
              aria-label={`Search ${source.plural.toLowerCase()}`}
              placeholder={`Search ${source.plural.toLowerCase()}…`}
              value={query}
              autoFocus
              data-testid="embed-picker-search"
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  if (shown[0]) onInsert(kind, shown[0].id);
                }
              }}
            />
            {shown.length === 0 ? (
              <div className="picker-empty">No {source.plural.toLowerCase()} match “{query.trim()}”.</div>
            ) : (
              <ul className="picker-list" aria-label={source.plural}>
                {shown.map((item, i) => (
                  <li key={item.id}>
                    <button type="button" className={kind === "chart" ? "picker-item picker-item-thumb" : "picker-item"} onClick={() => onInsert(kind, item.id)}>
                      {kind === "chart" && (i < THUMBNAILS ? <ChartThumb id={item.id} /> : <span className="picker-thumb" aria-hidden="true" />)}
                      <span className="picker-item-text">
                        <span>{item.title}</span>
                        {item.detail && <span className="faint">{item.detail}</span>}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="field">
          <label htmlFor="embed-id">Or insert by id</label>
          <input
            id="embed-id"
            className="input"
            value={manualId}
            placeholder={kind === "chart" ? "e.g. rut-vs-spx" : "e.g. cuts-2026"}
            aria-invalid={touched && !idValid ? true : undefined}
            onChange={(e) => setManualId(e.target.value)}
          />
          {touched && !idValid ? (
            <span className="field-error">Use letters, digits, - and _ (up to 64).</span>
          ) : (
            <span className="field-hint">
              Inserts <code>{`::${kind}{id=${manualId.trim() || "…"}}`}</code> on its own line.
            </span>
          )}
        </div>
        <p className="field-hint">
          Figures go inside a sentence: write <code>{":value{series=KEY stat=…}"}</code> or use Figure in the toolbar. Only figures written as directives are
          checked for staleness.
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Insert {source.label.toLowerCase()}
        </button>
      </div>
    </form>
  );
}
