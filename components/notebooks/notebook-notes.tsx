"use client";
// The Notes tab of a notebook.
import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { NoteIcon } from "@/components/ui/icons";
import { NoteList } from "@/components/notes/note-list";

export function NotebookNotes({ notebookId }: { notebookId: string }) {
  const trpc = useTRPC();
  const { data: notes } = useSuspenseQuery(trpc.notes.list.queryOptions({ notebookId }));
  if (notes.length === 0) {
    return (
      <div className="card">
        <EmptyState icon={<NoteIcon />} title="No notes in this notebook yet">
          <p>Notes hold your commentary in Markdown. The note editor is being built; until it lands, notes appear here as they are added.</p>
        </EmptyState>
      </div>
    );
  }
  return <NoteList notes={notes} />;
}
