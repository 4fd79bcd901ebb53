"use client";
// The note's History button and panel: revisions with author and time, compare any two, restore one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { RevisionDiff } from "./revision-diff";

const KIND_LABELS: Record<string, string> = { created: "Created", edit: "Edited", checkpoint: "Checkpoint", restore: "Restored" };

function useRevisionText(noteId: string, revisionId: number | undefined) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.notes.revisions.get.queryOptions({ noteId, revisionId: revisionId ?? 1 }, { staleTime: Infinity }),
    enabled: revisionId !== undefined,
  });
}

function HistoryPanel({ noteId, canEdit, onRestored }: { noteId: string; canEdit: boolean; onRestored: (version: number) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revisions = useQuery({ ...trpc.notes.revisions.list.queryOptions({ id: noteId }), staleTime: 0 });
  const list = revisions.data ?? [];
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? list[0]?.id;
  const from = picked.from ?? list[1]?.id ?? list[0]?.id;
  const before = useRevisionText(noteId, from);
  const after = useRevisionText(noteId, to);
  const restore = useMutation(
    trpc.notes.revisions.restore.mutationOptions({
      onSuccess: async ({ version }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.notes.revisions.list.queryKey({ id: noteId }) });
        setPicked({});
        onRestored(version);
      },
    }),
  );

  if (revisions.isPending) return <div className="skeleton" style={{ height: 120 }} />;
  if (revisions.error) return <div className="alert alert-error">{revisions.error.message}</div>;

  return (
    <div className="history">
      <table className="history-list" data-testid="revision-list">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Revision</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.id} aria-selected={r.id === from || r.id === to}>
              <td>
                <input type="radio" name="from" aria-label={`Compare from revision of ${format(r.updatedAt, "PPpp")}`} checked={r.id === from} onChange={() => setPicked((p) => ({ ...p, from: r.id, to }))} />
              </td>
              <td>
                <input type="radio" name="to" aria-label={`Compare to revision of ${format(r.updatedAt, "PPpp")}`} checked={r.id === to} onChange={() => setPicked((p) => ({ ...p, to: r.id, from }))} />
              </td>
              <td>
                <div style={{ fontWeight: 560 }}>
                  {KIND_LABELS[r.kind] ?? r.kind} · v{r.noteVersion}
                </div>
                <div className="faint">
                  {r.authorName ?? "Someone"} · {format(r.updatedAt, "d MMM yyyy, HH:mm")}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="stack-sm" style={{ minWidth: 0 }}>
        {before.data && after.data ? (
          <>
            <div className="row-between">
              <span className="faint">
                Changes from v{before.data.noteVersion} to v{after.data.noteVersion}
              </span>
              {canEdit && (
                <button type="button" className="btn btn-sm" disabled={restore.isPending} onClick={() => restore.mutate({ noteId, revisionId: before.data.id })}>
                  {restore.isPending ? "Restoring…" : `Restore v${before.data.noteVersion}`}
                </button>
              )}
            </div>
            {before.data.title !== after.data.title && (
              <p className="faint">
                Title: “{before.data.title}” → “{after.data.title}”
              </p>
            )}
            <RevisionDiff before={before.data.body} after={after.data.body} />
          </>
        ) : before.error || after.error ? (
          <div className="alert alert-error">{(before.error ?? after.error)!.message}</div>
        ) : (
          <div className="skeleton" style={{ height: 160 }} />
        )}
        {restore.error && <div className="alert alert-error">{restore.error.message}</div>}
      </div>
    </div>
  );
}

export function NoteHistory({ noteId, canEdit, onRestored }: { noteId: string; canEdit: boolean; onRestored: (version: number) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)}>
        History
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Note history" wide>
        <div className="dialog-body">
          <div className="row-between">
            <h2>History</h2>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <p className="muted">Pick two revisions to compare. Restoring makes the old text current as a new revision; nothing is lost.</p>
          <HistoryPanel
            noteId={noteId}
            canEdit={canEdit}
            onRestored={(version) => {
              setOpen(false);
              onRestored(version);
            }}
          />
        </div>
      </Dialog>
    </>
  );
}
