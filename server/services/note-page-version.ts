// What a reader's note page shows depends on, read as one string on every request: the page cache's key (server/http/page-cache.ts).
import { eq, sql } from "drizzle-orm";
import { prepared } from "@/db/client";
import { notebooks, notes, noteTags, users } from "@/db/schema";
import { roleIn, type Actor } from "./access";

// The notebook's content_version moves on with every change to its series, charts, questions and forecasts (database
// triggers; on PostgreSQL a note's edit moves a shard of notebook_changes instead, see notebook-changes.ts): the note's
// own version, edit time and trash state stand for the note itself. The names are shown on the page but live elsewhere.
const versionQuery = prepared("note_page_version", (db) =>
  db
    .select({
      notebookId: notes.notebookId,
      contentVersion: notebooks.contentVersion,
      noteVersion: notes.version,
      updatedAt: notes.updatedAt,
      deletedAt: notes.deletedAt,
      notebookName: notebooks.name,
      updatedByName: users.name,
    })
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
 * role (what they may do), the note's version and trash state, the notebook's content version (its charts' series,
 * figures and questions), the notebook's and the last editor's names, and the note's tags. Null when the note does not exist or the reader is not a
 * member of its notebook: that page is never served from memory.
 */
export async function notePageVersion(actor: Actor, noteId: string): Promise<string | null> {
  const [row] = await versionQuery().execute({ noteId });
  if (!row) return null;
  const role = await roleIn(actor, row.notebookId);
  if (role === null) return null;
  const tags = await tagsQuery().execute({ noteId });
  const { contentVersion, noteVersion, updatedAt, deletedAt, notebookName, updatedByName } = row;
  return JSON.stringify([role, contentVersion, noteVersion, updatedAt.getTime(), deletedAt?.getTime() ?? null, notebookName, updatedByName, tags.map((t) => t.tag)]);
}
