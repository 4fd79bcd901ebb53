// A list of notes with their first lines and when they last changed.
import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";

type NoteRow = { id: string; title: string; excerpt: string; updatedAt: Date; notebookName: string; tags?: string[] };

export function NoteList({ notes, showNotebook = false }: { notes: NoteRow[]; showNotebook?: boolean }) {
  return (
    <div className="card list" data-testid="note-list">
      {notes.map((note) => (
        <Link key={note.id} href={`/notes/${note.id}`} className="note-row">
          <div className="row-between">
            <h3>{note.title}</h3>
            <span className="faint">
              {showNotebook && `${note.notebookName} · `}
              <TimeAgo date={note.updatedAt} />
            </span>
          </div>
          {note.excerpt && <p>{note.excerpt}</p>}
          {note.tags && note.tags.length > 0 && <span className="note-row-tags">{note.tags.map((t) => `#${t}`).join("  ")}</span>}
        </Link>
      ))}
    </div>
  );
}
