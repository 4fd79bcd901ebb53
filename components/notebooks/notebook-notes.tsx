"use client";
// The Notes tab of a notebook: its notes, most recently changed first, and a New note button for editors and owners.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { NoteIcon, PlusIcon } from "@/components/ui/icons";
import { NoteList } from "@/components/notes/note-list";
import { TagFilter } from "./tag-filter";

function NewNoteButton({ notebookId, primary }: { notebookId: string; primary?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.notes.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.notebooks.get.queryKey({ id: notebookId }) }),
        ]);
        router.push(`/notes/${id}`);
      },
    }),
  );
  return (
    <div className="stack-sm" style={{ alignItems: "flex-end" }}>
      <button type="button" className={primary ? "btn btn-primary" : "btn"} disabled={create.isPending || create.isSuccess} onClick={() => create.mutate({ notebookId, title: "Untitled note" })}>
        <PlusIcon /> {create.isPending || create.isSuccess ? "Creating…" : "New note"}
      </button>
      {create.error && (
        <span className="field-error" role="alert">
          {create.error.message}
        </span>
      )}
    </div>
  );
}

export function NotebookNotes({ notebookId, tag }: { notebookId: string; tag?: string }) {
  const trpc = useTRPC();
  const { data: notebook } = useSuspenseQuery(trpc.notebooks.get.queryOptions({ id: notebookId }));
  const { data: notes } = useSuspenseQuery(trpc.notes.list.queryOptions({ notebookId, tag }));
  const canWrite = notebook.role === "owner" || notebook.role === "editor";
  if (tag) {
    return (
      <div className="stack-sm">
        <TagFilter notebookId={notebookId} tag={tag} canWrite={canWrite} />
        {notes.length === 0 ? <p className="muted">No live note carries #{tag}.</p> : <NoteList notes={notes} />}
      </div>
    );
  }
  if (notes.length === 0) {
    return (
      <div className="card">
        <EmptyState icon={<NoteIcon />} title="No notes in this notebook yet" action={canWrite ? <NewNoteButton notebookId={notebookId} primary /> : undefined}>
          <p>
            {canWrite
              ? "Notes hold your commentary in Markdown, with a live preview, autosave and a history of every revision."
              : "Notes hold the notebook's commentary. When its editors write one, it shows up here."}
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="stack-sm">
      {canWrite && (
        <div className="row-between">
          <span className="faint">
            {notes.length === 1 ? "1 note" : `${notes.length} notes`}, most recently changed first
          </span>
          <NewNoteButton notebookId={notebookId} />
        </div>
      )}
      <TagFilter notebookId={notebookId} canWrite={canWrite} />
      <NoteList notes={notes} />
    </div>
  );
}
