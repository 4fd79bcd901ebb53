"use client";
// "N figures changed since you wrote them": each stale figure then → now with the reason, and the author's answers (take the new value, or pin it to when it was written).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { describeFigureKey } from "@/lib/figures/spec";

const REASONS = { "new data": "new data", revised: "a revised value", unavailable: "it cannot be computed now" } as const;

/**
 * The note's stale figures, for its editors. `beforePin` saves pending edits and returns the version to pin from (or
 * null when the text could not be saved); `afterPin` reloads the note's text.
 */
export function FigureChanges({ noteId, beforePin, afterPin }: { noteId: string; beforePin: () => Promise<number | null>; afterPin: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changes = useQuery(trpc.figures.changes.queryOptions({ noteId }));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.figures.changes.queryKey({ noteId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.figures.evaluate.queryKey() });
  };
  const accept = useMutation(trpc.figures.accept.mutationOptions({ onSuccess: refresh, onError: (e) => setError(e.message) }));
  const pin = useMutation(trpc.figures.pin.mutationOptions({ onError: (e) => setError(e.message) }));
  const list = changes.data ?? [];
  if (list.length === 0) return null;
  const busy = accept.isPending || pin.isPending;

  const pinFigure = async (key: string) => {
    setError(null);
    const baseVersion = await beforePin();
    if (baseVersion === null) {
      setError("The latest text is not saved yet, so the figure was not pinned. Try again once it is saved.");
      return;
    }
    await pin.mutateAsync({ noteId, key, baseVersion });
    afterPin();
    await refresh();
  };

  return (
    <section className="alert alert-warning figure-changes" data-testid="figure-changes" aria-label="Figures that changed">
      <div className="figure-changes-head">
        <span>
          <strong>
            {list.length} {list.length === 1 ? "figure" : "figures"} changed since you wrote {list.length === 1 ? "it" : "them"}.
          </strong>{" "}
          The text shows each figure as the data stands now.
        </span>
        <button type="button" className="btn btn-sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? "Hide" : "Review"}
        </button>
      </div>
      {open && (
        <ul className="figure-changes-list">
          {list.map((c) => (
            <li key={c.key} data-testid="figure-change">
              <span className="figure-change-what">{describeFigureKey(c.key)}</span>
              <span className="figure-change-values">
                <s>{c.was.text || "–"}</s> → <strong>{c.now.ok ? c.now.text : "unavailable"}</strong>
              </span>
              <span className="faint figure-change-why">
                Because of {REASONS[c.reason]}: {c.detail}. Written {format(c.was.recordedAt, "yyyy-MM-dd HH:mm")}.
              </span>
              <span className="figure-change-actions">
                <button type="button" className="btn btn-sm btn-primary" disabled={busy || !c.now.ok} onClick={() => accept.mutate({ noteId, key: c.key })}>
                  Use the new value
                </button>
                <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void pinFigure(c.key)} title="Keep showing what it showed when you wrote it (adds asOf to the figure)">
                  Keep the old value
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="figure-changes-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
