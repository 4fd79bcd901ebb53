// Search over what a user may read: notes by full text (FTS5, bm25 ranking, highlighted snippets, filters), and
// questions, charts and series by title, key or name (search-catalogue.ts), grouped by kind.
import { toFtsQuery } from "@/lib/notes/search-query";
import { plainTextOf } from "@/lib/notes/plain-text";
import { markMatches, snippetOf, termsOf } from "@/lib/notes/snippet";
import { assertNotebookAccess, READABLE_NOTEBOOK_IDS_SQL, type Actor } from "./access";
import { preparedSql } from "./prepared";
import { searchCatalogue, type CatalogueResult } from "./search-catalogue";

export type SearchHit = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  titleMarked: string;
  snippetMarked: string;
  updatedAt: Date;
};

export type SearchResult = { hits: SearchHit[]; ftsQuery: string | null; tookMs: number };

/** bm25 weights: a match in the title counts five times one in the body; tags_text only filters, so it weighs nothing. */
const RANKING = "bm25(notes_fts, 5.0, 1.0, 0.0)";
/** How many best matches are ranked before access and filters are applied on the fast path. */
const WINDOW = 200;

type Row = { id: string; notebook_id: string; notebook_name: string; title: string; body: string; updated_at: number };

const SELECT_NOTE = `n.id, n.notebook_id, nb.name AS notebook_name, n.title, n.body, n.updated_at`;
// CROSS JOIN keeps SQLite from driving the join from the notebook's notes: start from the ranked matches.
const ACCESS_JOINS = `CROSS JOIN notes n ON n.rowid = ranked.rowid
  JOIN notebooks nb ON nb.id = n.notebook_id`;

function filterSql(filters: { notebook: boolean; tag: boolean }): string {
  return [
    "n.deleted_at IS NULL",
    `n.notebook_id IN (${READABLE_NOTEBOOK_IDS_SQL})`,
    filters.notebook ? "n.notebook_id = @notebookId" : null,
    // The MATCH already narrowed to notes whose tags hold the tag's words; this keeps the tag exact.
    filters.tag ? "EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag = @tag)" : null,
  ]
    .filter(Boolean)
    .join(" AND ");
}

/** The three statements of a search with these filters, prepared once per connection. */
function statementsFor(filters: { notebook: boolean; tag: boolean }) {
  const where = filterSql(filters);
  return {
    fast: preparedSql(
      `WITH ranked AS (SELECT rowid, ${RANKING} AS score FROM notes_fts WHERE notes_fts MATCH @match ORDER BY score LIMIT @window)
       SELECT ${SELECT_NOTE} FROM ranked ${ACCESS_JOINS} WHERE ${where} ORDER BY ranked.score LIMIT @limit`,
    ),
    windowCount: preparedSql(`SELECT count(*) AS c FROM (SELECT 1 FROM notes_fts WHERE notes_fts MATCH @match LIMIT @window)`),
    full: preparedSql(
      `WITH ranked AS (SELECT rowid, ${RANKING} AS score FROM notes_fts WHERE notes_fts MATCH @match)
       SELECT ${SELECT_NOTE} FROM ranked ${ACCESS_JOINS} WHERE ${where} ORDER BY ranked.score LIMIT @limit`,
    ),
  };
}

/** The MATCH expression: the typed query over title and body, and the tag's words in tags_text when filtering by tag. */
export function matchExpression(ftsQuery: string, tag?: string): string {
  const text = `{title body} : (${ftsQuery})`;
  return tag ? `${text} AND {tags_text} : "${tag.replace(/"/g, '""')}"` : text;
}

/**
 * The best matches for `q` among the live notes in the actor's notebooks (one notebook and one tag
 * when given), best first. Anything typed is made into a safe query, so there is no syntax error.
 * Fast path: rank inside the index alone (the tag filter is part of the MATCH), then keep what the
 * actor may read; when that leaves too few, rank again over exactly the readable notes.
 */
export function searchNotes(actor: Actor, input: { q: string; notebookId?: string; tag?: string; limit?: number }): SearchResult {
  const started = performance.now();
  if (input.notebookId) assertNotebookAccess(actor, input.notebookId, "read");
  const ftsQuery = toFtsQuery(input.q);
  if (!ftsQuery) return { hits: [], ftsQuery, tookMs: 0 };
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 50);
  const params = {
    match: matchExpression(ftsQuery, input.tag),
    userId: actor.id,
    limit,
    window: WINDOW,
    ...(input.notebookId ? { notebookId: input.notebookId } : {}),
    ...(input.tag ? { tag: input.tag } : {}),
  };
  const statements = statementsFor({ notebook: Boolean(input.notebookId), tag: Boolean(input.tag) });
  const fast = statements.fast.all(params) as Row[];
  const mayHaveMissed = fast.length < limit && (statements.windowCount.get(params) as { c: number }).c >= WINDOW;
  const rows = mayHaveMissed ? (statements.full.all(params) as Row[]) : fast;
  const terms = termsOf(ftsQuery);
  const hits = rows.map((r) => ({
    id: r.id,
    notebookId: r.notebook_id,
    notebookName: r.notebook_name,
    title: r.title,
    titleMarked: markMatches(r.title, terms),
    snippetMarked: snippetOf(plainTextOf(r.body), terms),
    updatedAt: new Date(r.updated_at),
  }));
  return { ftsQuery, hits, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}

/**
 * One search for everything the actor may read: the notes ranked by full text, and the questions, charts and series
 * whose titles, keys or names hold every word, each kind in its own group. A tag filter applies to notes only, so with
 * one the other groups are empty.
 */
export function searchEverything(actor: Actor, input: { q: string; notebookId?: string; tag?: string; limit?: number }): SearchResult & CatalogueResult {
  const notes = searchNotes(actor, input);
  const others = input.tag ? { questions: [], charts: [], series: [] } : searchCatalogue(actor, { q: input.q, notebookId: input.notebookId, limit: Math.min(input.limit ?? 10, 10) });
  return { ...notes, ...others };
}
