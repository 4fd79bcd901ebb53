// Note export: the Markdown file, the charts drawn and figures computed for the HTML page, and the file name, for a note the actor may read.
import type { StaticFigure } from "@/lib/notes/standalone-html";
import type { Actor } from "./access";
import { getChart } from "./charts";
import { DomainError } from "./errors";
import { staticFiguresOf } from "./figures";
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
export async function noteForExport(actor: Actor, id: string): Promise<{ note: NoteDetail; markdown: string }> {
  const note = await getNote(actor, id);
  const markdown = /^\s*#\s/.test(note.body) ? note.body : `# ${note.title}\n\n${note.body}`;
  return { note, markdown };
}

/** The note's embedded charts that the actor can see, drawn on the server, keyed by chart id (missing ones are left out). */
export async function chartsForExport(actor: Actor, note: Pick<NoteDetail, "links">): Promise<Map<string, { title: string; description: string; svg: string }>> {
  const charts = new Map<string, { title: string; description: string; svg: string }>();
  for (const link of note.links) {
    if (link.kind !== "chart") continue;
    try {
      const chart = await getChart(actor, { id: link.id, withPoints: false });
      charts.set(link.id, { title: chart.title, description: chart.data.description, svg: chart.svg });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return charts;
}

/** The note's live figures as known now, for the HTML page (the note was read with access checked by noteForExport). */
export async function figuresForExport(note: Pick<NoteDetail, "notebookId" | "body">): Promise<Map<string, StaticFigure>> {
  return staticFiguresOf(note.notebookId, note.body);
}
