// Full-text search over the notes a user may read: FTS5 with bm25 ranking, highlighted snippets, filters.
import { getDb } from "@/db/client";
import { HIGHLIGHT_END, HIGHLIGHT_START, toFtsQuery } from "@/lib/notes/search-query";
import { assertNotebookAccess, type Actor } from "./access";

export type SearchHit = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  titleMarked: string;
  snippetMarked: string;
  updatedAt: Date;
};

export type SearchResult = { hits: SearchHit[]; ftsQuery: string | null };

const TITLE_WEIGHT = 5;
const BODY_WEIGHT = 1;

type Row = { id: string; notebook_id: string; notebook_name: string; title: string; title_marked: string; snippet_marked: string; updated_at: number };

/**
 * The best matches for `q` among the live notes in the actor's notebooks (one notebook and one tag
 * when given), best first. Anything typed is made into a safe query, so there is no syntax error.
 */
export function searchNotes(actor: Actor, input: { q: string; notebookId?: string; tag?: string; limit?: number }): SearchResult {
  if (input.notebookId) assertNotebookAccess(actor, input.notebookId, "read");
  const ftsQuery = toFtsQuery(input.q);
  if (!ftsQuery) return { hits: [], ftsQuery };
  const filters: string[] = [];
  if (input.notebookId) filters.push("AND n.notebook_id = @notebookId");
  if (input.tag) filters.push("AND EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag = @tag)");
  const rows = getDb()
    .$client.prepare(
      `SELECT n.id, n.notebook_id, nb.name AS notebook_name, n.title, n.updated_at,
              highlight(notes_fts, 0, @start, @end) AS title_marked,
              snippet(notes_fts, 1, @start, @end, '…', 16) AS snippet_marked
         FROM notes_fts
         JOIN notes n ON n.rowid = notes_fts.rowid
         JOIN memberships m ON m.notebook_id = n.notebook_id AND m.user_id = @userId
         JOIN notebooks nb ON nb.id = n.notebook_id
        WHERE notes_fts MATCH @query AND n.deleted_at IS NULL ${filters.join(" ")}
        ORDER BY bm25(notes_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT})
        LIMIT @limit`,
    )
    .all({
      start: HIGHLIGHT_START,
      end: HIGHLIGHT_END,
      userId: actor.id,
      query: ftsQuery,
      limit: Math.min(Math.max(input.limit ?? 20, 1), 50),
      ...(input.notebookId ? { notebookId: input.notebookId } : {}),
      ...(input.tag ? { tag: input.tag } : {}),
    }) as Row[];
  return {
    ftsQuery,
    hits: rows.map((r) => ({
      id: r.id,
      notebookId: r.notebook_id,
      notebookName: r.notebook_name,
      title: r.title,
      titleMarked: r.title_marked,
      snippetMarked: r.snippet_marked,
      updatedAt: new Date(r.updated_at),
    })),
  };
}
