// Note export: the Markdown file and the file name for a note the actor may read.
import type { Actor } from "./access";
import { getNote, type NoteDetail } from "./notes";

/** A file-name-safe slug of the title. */
export function exportFileName(title: string, extension: "md" | "html"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return `${slug || "note"}.${extension}`;
}

/** The note to export (access checked) and its Markdown: the body, with the title as a heading if it has none. */
export function noteForExport(actor: Actor, id: string): { note: NoteDetail; markdown: string } {
  const note = getNote(actor, id);
  const markdown = /^\s*#\s/.test(note.body) ? note.body : `# ${note.title}\n\n${note.body}`;
  return { note, markdown };
}
