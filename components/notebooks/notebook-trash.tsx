"use client";
// The Trash tab: notes moved to the trash, restorable one by one; editors can empty it for good.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { NoteIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";

export function NotebookTrash({ notebookId, canEdit }: { notebookId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: trashed } = useSuspenseQuery(trpc.notes.trash.queryOptions({ notebookId }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notes.trash.queryKey({ notebookId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notebooks.get.queryKey({ id: notebookId }) }),
    ]);
  const restore = useMutation(trpc.notes.restore.mutationOptions({ onSuccess: refresh }));
  const empty = useMutation(trpc.notes.emptyTrash.mutationOptions({ onSuccess: refresh }));
  const error = restore.error ?? empty.error;

  if (trashed.length === 0) {
    return (
      <div className="card">
        <EmptyState icon={<NoteIcon />} title="The trash is empty">
          <p>Notes moved to the trash wait here until you restore them or empty the trash.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="row-between">
        <p className="muted">
          {trashed.length} {trashed.length === 1 ? "note" : "notes"} in the trash. Restoring brings a note back with its history.
        </p>
        {canEdit && (
          <button
            type="button"
            className="btn btn-danger btn-sm"
            disabled={empty.isPending}
            onClick={() => {
              if (window.confirm(`Delete ${trashed.length} ${trashed.length === 1 ? "note" : "notes"} and their history for good? This cannot be undone.`)) {
                empty.mutate({ notebookId });
              }
            }}
          >
            Empty trash
          </button>
        )}
      </div>
      {error && <div className="alert alert-error">{error.message}</div>}
      <div className="card list" data-testid="trash-list">
        {trashed.map((note) => (
          <div key={note.id} className="list-item">
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ fontWeight: 600 }}>{note.title}</div>
              <div className="faint">
                Trashed <TimeAgo date={note.updatedAt} />
                {note.excerpt && ` · ${note.excerpt.slice(0, 90)}`}
              </div>
            </div>
            {canEdit && (
              <button type="button" className="btn btn-sm" disabled={restore.isPending} onClick={() => restore.mutate({ id: note.id })}>
                Restore
              </button>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
