// What a reader's note page shows depends on, read as one string on every request: the page cache's key (server/http/page-cache.ts).
import { eq, sql } from "drizzle-orm";
import { prepared } from "@/db/client";
import { notebooks, notes, noteTags, users } from "@/db/schema";
import { roleOnNote, type Actor } from "./access";

// The notebook's content version moves on with every change to its notes, series, charts, questions and forecasts
// (database triggers); the names beside it are shown on the page but live outside those tables.
const versionQuery = prepared("note_page_version", (db) =>
  db
    .select({ contentVersion: notebooks.contentVersion, notebookName: notebooks.name, updatedByName: users.name })
    .from(notes)
    .innerJoin(notebooks, eq(notebooks.id, notes.notebookId))
    .leftJoin(users, eq(users.id, notes.updatedBy))
    .where(eq(notes.id, sql.placeholder("noteId"))),
);

const tagsQuery = prepared("note_page_tags", (db) =>
  db.select({ tag: noteTags.tag }).from(noteTags).where(eq(noteTags.noteId, sql.placeholder("noteId"))).orderBy(noteTags.tag),
);

/**
 * The state of everything the note's page shows this reader, as a string that changes whenever any of it does: their
 * role (what they may do), the notebook's content version (the note, its charts' series, figures and questions), the
 * notebook's and the last editor's names, and the note's tags. Null when the note does not exist or the reader is not a
 * member of its notebook: that page is never served from memory.
 */
export async function notePageVersion(actor: Actor, noteId: string): Promise<string | null> {
  const role = await roleOnNote(actor, noteId);
  if (role === null) return null;
  const [row] = await versionQuery().execute({ noteId });
  if (!row) return null;
  const tags = await tagsQuery().execute({ noteId });
  return JSON.stringify([role, row.contentVersion, row.notebookName, row.updatedByName, tags.map((t) => t.tag)]);
}
