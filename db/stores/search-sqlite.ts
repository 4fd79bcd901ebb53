// Note search on SQLite: the FTS5 index (bm25 ranking, title weighted five times the body), statements prepared once per connection.
import type Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import type { NoteMatch, SearchStore } from "./search";

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
    "n.notebook_id IN (SELECT notebook_id FROM memberships WHERE user_id = @userId)",
    filters.notebook ? "n.notebook_id = @notebookId" : null,
    // The MATCH already narrowed to notes whose tags hold the tag's words; this keeps the tag exact.
    filters.tag ? "EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag = @tag)" : null,
  ]
    .filter(Boolean)
    .join(" AND ");
}

const byClient = new WeakMap<Database.Database, Map<string, Statement>>();

function statement(sqlite: Database.Database, text: string): Statement {
  let bySql = byClient.get(sqlite);
  if (!bySql) byClient.set(sqlite, (bySql = new Map()));
  let s = bySql.get(text);
  if (!s) bySql.set(text, (s = sqlite.prepare(text)));
  return s;
}

/** The three statements of a search with these filters. */
function statementsFor(sqlite: Database.Database, filters: { notebook: boolean; tag: boolean }) {
  const where = filterSql(filters);
  return {
    fast: statement(
      sqlite,
      `WITH ranked AS (SELECT rowid, ${RANKING} AS score FROM notes_fts WHERE notes_fts MATCH @match ORDER BY score LIMIT @window)
       SELECT ${SELECT_NOTE} FROM ranked ${ACCESS_JOINS} WHERE ${where} ORDER BY ranked.score LIMIT @limit`,
    ),
    windowCount: statement(sqlite, `SELECT count(*) AS c FROM (SELECT 1 FROM notes_fts WHERE notes_fts MATCH @match LIMIT @window)`),
    full: statement(
      sqlite,
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
 * The search store over one SQLite connection. Fast path: rank inside the index alone (the tag filter is part of the
 * MATCH), then keep what the user may read; when that leaves too few, rank again over exactly the readable notes.
 */
export function sqliteSearch(sqlite: Database.Database): SearchStore {
  return {
    async searchNotes(query) {
      const params = {
        match: matchExpression(query.ftsQuery, query.tag),
        userId: query.userId,
        limit: query.limit,
        window: WINDOW,
        ...(query.notebookId ? { notebookId: query.notebookId } : {}),
        ...(query.tag ? { tag: query.tag } : {}),
      };
      const statements = statementsFor(sqlite, { notebook: Boolean(query.notebookId), tag: Boolean(query.tag) });
      const fast = statements.fast.all(params) as Row[];
      const mayHaveMissed = fast.length < query.limit && (statements.windowCount.get(params) as { c: number }).c >= WINDOW;
      const rows = mayHaveMissed ? (statements.full.all(params) as Row[]) : fast;
      return rows.map(
        (r): NoteMatch => ({ id: r.id, notebookId: r.notebook_id, notebookName: r.notebook_name, title: r.title, body: r.body, updatedAt: new Date(r.updated_at) }),
      );
    },
  };
}
