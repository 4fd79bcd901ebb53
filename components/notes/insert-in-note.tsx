"use client";
// "Insert in a note" on a chart's page: pick a note of the chart's notebook, append the chart's directive (or a figure of one of its series) to it, and open the note in the editor.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import { figureDirective } from "@/lib/figures/spec";
import { embedDirective } from "@/lib/notes/directives";

/** The body with the directive on its own line at the end. */
export function appendDirective(body: string, directive: string): string {
  const kept = body.replace(/\s+$/, "");
  return kept ? `${kept}\n\n${directive}\n` : `${directive}\n`;
}

export function InsertInNoteButton({ chartId, notebookId }: { chartId: string; notebookId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="insert-in-note">
        Insert in a note
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Insert in a note">
        {open && (
          <NotePickerBody
            directive={embedDirective({ kind: "chart", id: chartId })}
            heading="Insert this chart in a note"
            notebookId={notebookId}
            onClose={() => setOpen(false)}
          />
        )}
      </Dialog>
    </>
  );
}

/** The figures a chart's series offer for a note: each series' latest value, its change year to date and over the chart's range. */
function figureChoices(seriesKeys: string[], from: string | null): Array<{ label: string; directive: string }> {
  return seriesKeys.flatMap((key) => [
    { label: `${key}: latest value`, directive: figureDirective({ series: key, stat: "last" }) },
    { label: `${key}: % change year to date`, directive: figureDirective({ series: key, stat: "ytd" }) },
    ...(from ? [{ label: `${key}: % change since ${from}`, directive: figureDirective({ series: key, stat: "return", from }) }] : []),
  ]);
}

/** "Insert a figure": one of the chart's series as a live figure, appended to a note of the notebook. */
export function InsertFigureButton({ seriesKeys, from, notebookId }: { seriesKeys: string[]; from: string | null; notebookId: string }) {
  const [open, setOpen] = useState(false);
  const choices = figureChoices(seriesKeys, from);
  const [choice, setChoice] = useState(0);
  if (choices.length === 0) return null;
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="insert-figure-in-note">
        Insert a figure
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Insert a figure in a note">
        {open && (
          <NotePickerBody
            directive={choices[choice]!.directive}
            heading="Insert a figure from this chart in a note"
            notebookId={notebookId}
            onClose={() => setOpen(false)}
            before={
              <div className="field">
                <label htmlFor="insert-figure-choice">Figure</label>
                <select id="insert-figure-choice" className="input" value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
                  {choices.map((c, i) => (
                    <option key={c.directive} value={i}>
                      {c.label}
                    </option>
                  ))}
                </select>
                <span className="field-hint">
                  It goes at the end of the note as <code>{choices[choice]!.directive}</code>; move it into a sentence in the editor.
                </span>
              </div>
            }
          />
        )}
      </Dialog>
    </>
  );
}

function NotePickerBody({
  directive,
  heading,
  notebookId,
  onClose,
  before,
}: {
  directive: string;
  heading: string;
  notebookId: string;
  onClose: () => void;
  before?: ReactNode;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const notes = useQuery(trpc.notes.list.queryOptions({ notebookId }));
  const [query, setQuery] = useState("");
  const update = useMutation(trpc.notes.update.mutationOptions());
  const insert = useMutation({
    mutationFn: async (noteId: string) => {
      for (let attempt = 0; ; attempt++) {
        const note = await queryClient.fetchQuery({ ...trpc.notes.get.queryOptions({ id: noteId }), staleTime: 0 });
        try {
          await update.mutateAsync({ id: noteId, baseVersion: note.version, body: appendDirective(note.body, directive) });
          return noteId;
        } catch (error) {
          const code = (error as { data?: { code?: string } }).data?.code;
          if (code !== "CONFLICT" || attempt >= 2) throw error;
        }
      }
    },
    onSuccess: (noteId) => {
      queryClient.removeQueries({ queryKey: trpc.notes.get.queryKey({ id: noteId }) });
      router.push(`/notes/${noteId}?edit`);
    },
  });
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (notes.data ?? []).filter((n) => words.every((w) => `${n.title} ${n.excerpt}`.toLowerCase().includes(w)));
  return (
    <>
      <div className="dialog-body">
        <h2>{heading}</h2>
        <p className="muted">It goes at the end of the note you pick, and the note opens in the editor.</p>
        {before}
        {notes.isPending ? (
          <div className="picker-empty">Loading notes…</div>
        ) : notes.error ? (
          <div className="alert alert-error">{notes.error.message}</div>
        ) : (notes.data ?? []).length === 0 ? (
          <div className="picker-empty">This notebook has no notes yet. Write one, then insert the chart from here or from the editor.</div>
        ) : (
          <>
            <input className="input" type="search" aria-label="Search notes" placeholder="Search notes…" value={query} onChange={(e) => setQuery(e.target.value)} />
            {shown.length === 0 ? (
              <div className="picker-empty">No notes match “{query.trim()}”.</div>
            ) : (
              <ul className="picker-list" aria-label="Notes">
                {shown.map((n) => (
                  <li key={n.id}>
                    <button type="button" className="picker-item" disabled={insert.isPending} onClick={() => insert.mutate(n.id)}>
                      <span className="picker-item-text">
                        <span>{n.title || "Untitled"}</span>
                        <span className="faint">
                          <TimeAgo date={n.updatedAt} />
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {insert.error && <div className="alert alert-error">{insert.error.message}</div>}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </>
  );
}
