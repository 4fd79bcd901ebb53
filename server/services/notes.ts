// Notes: reads for now (list and one note); the notes capability adds editing, revisions and search.
import { TRPCError } from "@trpc/server";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notes, users } from "@/db/schema";
import { assertNotebookAccess, type Actor } from "./access";

export type NoteSummary = { id: string; notebookId: string; title: string; excerpt: string; updatedAt: Date };

const EXCERPT_CHARS = 220;

/** The first words of a note's body without Markdown punctuation, for lists. */
function excerptOf(body: string): string {
  const text = body
    .replace(/^#+\s.*$/m, "")
    .replace(/[#>*_`~\[\]|-]+/g, " ")
    .replace(/\(https?:[^)]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
}

/** The live notes of a notebook, most recently changed first. */
export function listNotes(actor: Actor, notebookId: string): NoteSummary[] {
  assertNotebookAccess(actor, notebookId, "read");
  return getDb()
    .select({ id: notes.id, notebookId: notes.notebookId, title: notes.title, body: notes.body, updatedAt: notes.updatedAt })
    .from(notes)
    .where(and(eq(notes.notebookId, notebookId), isNull(notes.deletedAt)))
    .orderBy(desc(notes.updatedAt))
    .all()
    .map(({ body, ...n }) => ({ ...n, excerpt: excerptOf(body) }));
}

export type NoteDetail = {
  id: string;
  notebookId: string;
  title: string;
  body: string;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
};

/** One note the actor may read; NOT_FOUND for a note in a notebook they cannot see. */
export function getNote(actor: Actor, id: string): NoteDetail {
  const row = getDb()
    .select({
      id: notes.id,
      notebookId: notes.notebookId,
      title: notes.title,
      body: notes.body,
      version: notes.version,
      updatedAt: notes.updatedAt,
      updatedByName: users.name,
    })
    .from(notes)
    .leftJoin(users, eq(users.id, notes.updatedBy))
    .where(and(eq(notes.id, id), isNull(notes.deletedAt)))
    .get();
  const notFound = new TRPCError({ code: "NOT_FOUND", message: "That note does not exist, or you have no access to it." });
  if (!row) throw notFound;
  try {
    assertNotebookAccess(actor, row.notebookId, "read");
  } catch {
    throw notFound;
  }
  return row;
}
