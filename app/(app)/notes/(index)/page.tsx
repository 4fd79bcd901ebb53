// All notes across the user's notebooks, most recently changed first.
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { NoteIcon } from "@/components/ui/icons";
import { NoteList } from "@/components/notes/note-list";
import { caller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Notes" };

export default async function NotesPage() {
  const notes = await caller.notes.list({});
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Notes</h1>
          <p className="muted">Every note in your notebooks, most recently changed first.</p>
        </div>
      </div>
      {notes.length === 0 ? (
        <div className="card">
          <EmptyState icon={<NoteIcon />} title="No notes yet" action={<Link className="btn btn-primary" href="/notebooks">Go to notebooks</Link>}>
            <p>Notes live in notebooks. Open or create a notebook to start; the notes you can read show up here.</p>
          </EmptyState>
        </div>
      ) : (
        <NoteList notes={notes} showNotebook />
      )}
    </div>
  );
}
