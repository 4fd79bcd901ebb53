// Notes: reads for now (lists and one note); the notes capability adds editing, revisions and search.
import { TRPCError } from "@trpc/server";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, notebooks, notes, users } from "@/db/schema";
import { assertNotebookAccess, type Actor } from "./access";

export type NoteSummary = { id: string; notebookId: string; notebookName: string; title: string; excerpt: string; updatedAt: Date };

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

/**
 * The live notes of one notebook, or of every notebook the actor belongs to when none is given,
 * most recently changed first.
 */
export function listNotes(actor: Actor, notebookId?: string): NoteSummary[] {
  if (notebookId) assertNotebookAccess(actor, notebookId, "read");
  const scope = notebookId
    ? eq(notes.notebookId, notebookId)
    : inArray(notes.notebookId, getDb().select({ id: memberships.notebookId }).from(memberships).where(eq(memberships.userId, actor.id)));
  return getDb()
    .select({
      id: notes.id,
      notebookId: notes.notebookId,
      notebookName: notebooks.name,
      title: notes.title,
      body: notes.body,
      updatedAt: notes.updatedAt,
    })
    .from(notes)
    .innerJoin(notebooks, eq(notebooks.id, notes.notebookId))
    .where(and(scope, isNull(notes.deletedAt)))
    .orderBy(desc(notes.updatedAt))
    .limit(200)
    .all()
    .map(({ body, ...n }) => ({ ...n, excerpt: excerptOf(body) }));
}

export type NoteDetail = {
  id: string;
  notebookId: string;
  notebookName: string;
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
      notebookName: notebooks.name,
      title: notes.title,
      body: notes.body,
      version: notes.version,
      updatedAt: notes.updatedAt,
      updatedByName: users.name,
    })
    .from(notes)
    .innerJoin(notebooks, eq(notebooks.id, notes.notebookId))
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
