"use client";
// The editor's save indicator (saving, saved, offline, conflict) and the offer of a draft kept in this browser.
import { format, isToday } from "date-fns";
import { useEffect, useRef } from "react";
import type { AutosaveSnapshot, NoteText } from "@/lib/notes/autosave";
import { diffStats } from "@/lib/notes/diff";
import type { LocalDraft } from "@/lib/notes/local-draft";

export function clock(date: Date): string {
  return format(date, isToday(date) ? "HH:mm" : "d MMM, HH:mm");
}

export function SaveIndicator({ snapshot, onRetry, onResolve }: { snapshot: AutosaveSnapshot; onRetry: () => void; onResolve: () => void }) {
  const { status } = snapshot;
  const last = <time suppressHydrationWarning>{clock(snapshot.lastSavedAt)}</time>;
  return (
    <div className="save-status" data-testid="save-status" data-state={status.state} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {status.state === "saved" && <span>Saved {last}</span>}
      {(status.state === "pending" || status.state === "saving") && <span>Saving…</span>}
      {status.state === "offline" && (
        <>
          <span title={status.message}>Offline · not saved (last saved {last})</span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onRetry}>
            Retry now
          </button>
        </>
      )}
      {status.state === "conflict" && (
        <>
          <span>Not saved · changed elsewhere</span>
          <button type="button" className="btn btn-sm" onClick={onResolve}>
            Resolve…
          </button>
        </>
      )}
      {status.state === "error" && <span title={status.message}>Not saved: {status.message}</span>}
    </div>
  );
}

export function DraftOffer({ draft, server, onRestore, onDiscard }: { draft: LocalDraft; server: NoteText & { version: number }; onRestore: () => void; onDiscard: () => void }) {
  const savedAt = new Date(draft.savedAt);
  const { added, removed } = diffStats(server.body, draft.body);
  const changes = [added > 0 && `${added} line${added === 1 ? "" : "s"} added`, removed > 0 && `${removed} removed`, draft.title.trim() && draft.title.trim() !== server.title.trim() && "a new title"].filter(Boolean);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const rect = ref.current?.getBoundingClientRect();
      if (rect && (rect.top < 64 || rect.bottom > window.innerHeight)) ref.current?.scrollIntoView({ block: "start" });
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div ref={ref} className="alert alert-warning draft-offer" role="alert" data-testid="draft-offer">
      <div>
        <strong>Unsaved changes were kept in this browser</strong>
        <p>
          From {format(savedAt, "d MMM, HH:mm")}{changes.length > 0 && ` (${changes.join(", ")})`}; the server never confirmed them.
          {draft.baseVersion !== server.version && " The note has changed since, so restoring lets you compare and choose."}
        </p>
      </div>
      <div className="row">
        <button type="button" className="btn btn-sm" onClick={onDiscard}>
          Discard draft
        </button>
        <button type="button" className="btn btn-sm btn-primary" onClick={onRestore}>
          Restore draft
        </button>
      </div>
    </div>
  );
}

