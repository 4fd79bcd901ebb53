// Note search on PostgreSQL: the FTS5 query is read as a tsquery that narrows notes through the GIN index, then every candidate is checked word by word as SQLite's FTS5 would, so both stores find the same notes.
import { sql, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { DIACRITIC_CODES, evaluate, type Expr, foldWord, wordsOf } from "./fts5-query";
import { englishOperandsOfPlan, type EnglishForm, MAX_FILTER_WORDS, planOf, render, renderLookups } from "./search-pg-query";
import { transactionClient } from "../prepared";
import type { NoteMatch, NoteSearch, SearchStore } from "./search";

/*
 * Why two steps. notes.search is to_tsvector('english', …): stemmed ("rotation" is stored as 'rotat'), without stop
 * words ("the", "in", "about" are not stored at all), with diacritics kept, and with some tokens glued ("1.5", "-500").
 * SQLite's FTS5 (unicode61 remove_diacritics 2) keeps every word, unstemmed and folded, and `"rotati"*` matches
 * "rotation" while to_tsquery('rotati:*') does not match 'rotat'. So the tsquery is a superset filter (toTsQuery, search-pg-query.ts):
 * it keeps every note FTS5 would match (up to the gaps listed there) and some more; the candidates are then tokenized
 * in JavaScript the way unicode61 does, and the FTS5 expression is evaluated on those words, exactly. Before they
 * leave the server, a cheap superset check drops most non-matches: every word must occur in the title or body as a
 * substring (case and Latin diacritics folded). A search is two round trips: the English forms of the query's words
 * (to_tsquery('english', …) per word), then the candidates.
 */

// ---------------------------------------------------------------------------------------------------------------
// A second superset check, on the server: each word as a substring of the title or the body

/** For each character as FTS5 folds it, the characters of a text that fold to it: capitals, Latin letters with diacritics, ς. */
const FOLDED_FROM: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const ranges: Array<[number, number]> = [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x370, 0x4ff],
    [0x1e00, 0x1eff],
    [0x2c00, 0x2c7f],
    [0x212a, 0x212b],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCodePoint(code);
      const folded = foldWord(ch);
      if (!/\p{L}/u.test(ch) || folded === ch || [...folded].length !== 1) continue;
      let sources = map.get(folded);
      if (!sources) map.set(folded, (sources = new Set()));
      sources.add(ch);
    }
  }
  return map;
})();
/** Diacritics FTS5 drops from inside a word, which may sit between any two of its letters. */
const MARKS = `[${DIACRITIC_CODES.map((c) => String.fromCodePoint(c)).join("")}]*`;
/** Longer words are not looked for as substrings (the search still checks them exactly). */
const MAX_SUBSTRING_WORD = 64;

/**
 * A regular expression (PostgreSQL's) that finds the folded word inside any text in which FTS5 sees a word starting
 * with it: each letter as a bracket expression of what folds to it, and the diacritics FTS5 drops allowed between.
 * Only letters, digits and combining marks go into it, so nothing in it is regular-expression syntax.
 */
function substringPattern(folded: string): string {
  return [...folded]
    .map((c) => {
      const chars = new Set([c, ...(FOLDED_FROM.get(c) ?? [])]);
      const upper = c.toUpperCase();
      if ([...upper].length === 1) chars.add(upper);
      return chars.size === 1 && /^[0-9]$/.test(c) ? c : `[${[...chars].join("")}]`;
    })
    .join(MARKS);
}

/**
 * The server-side check: each word of a phrase (its first MAX_FILTER_WORDS) must occur in the title or the body as a
 * substring, folded as FTS5 folds; AND and OR stay and `a NOT b` is a's check. It keeps every FTS5 match (any word
 * FTS5 sees is such a substring), so only notes that may match leave the server, stop words and stems included.
 */
function substringCheckOf(expr: Expr): SQL | boolean {
  switch (expr.kind) {
    case "phrase": {
      if (expr.words.length === 0) return false;
      const checks = expr.words
        .slice(0, MAX_FILTER_WORDS)
        .filter((word) => [...word.folded].length <= MAX_SUBSTRING_WORD)
        .map((word) => {
          const pattern = substringPattern(word.folded);
          return sql`(n.title ~ ${pattern} OR n.body ~ ${pattern})`;
        });
      return checks.length === 0 ? true : sql`(${sql.join(checks, sql` AND `)})`;
    }
    case "not":
      return substringCheckOf(expr.left);
    case "and":
    case "or": {
      const left = substringCheckOf(expr.left);
      const right = substringCheckOf(expr.right);
      if (expr.kind === "and") {
        if (left === false || right === false) return false;
        return left === true ? right : right === true ? left : sql`(${left} AND ${right})`;
      }
      if (left === true || right === true) return true;
      return left === false ? right : right === false ? left : sql`(${left} OR ${right})`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The store

/** Candidates read per round trip at first; each further page is twice as large. */
const FIRST_PAGE = 50;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPgDatabase = NodePgDatabase<any>;

type Row = { id: string; notebook_id: string; notebook_name: string; title: string; body: string; updated_ms: number };

/** to_tsquery('english', …) of each operand, in one round trip. */
async function englishForms(db: AnyPgDatabase, operands: string[]): Promise<EnglishForm> {
  const forms = new Map<string, string>();
  if (operands.length > 0) {
    const { rows } = await db.execute<{ q: string }>(
      sql`SELECT to_tsquery('english', u.op)::text AS q FROM unnest(${sql.param(operands)}::text[]) WITH ORDINALITY AS u(op, i) ORDER BY u.i`,
    );
    operands.forEach((op, i) => forms.set(op, rows[i]?.q ?? ""));
  }
  return (op) => forms.get(op) ?? "";
}

/**
 * One page of candidates, best first: notes whose title holds a word of the query (notes.title_search, a small vector
 * with an index of its own), then the most recently updated, then by id. Ranking reads no note's full vector:
 * ts_rank did, and over the 9,000 notes a common word finds that cost half a second.
 */
function candidates(query: NoteSearch, filter: string, substrings: SQL | true, rank: string, page: number, offset: number): SQL {
  const notebook = query.notebookId ? sql` AND n.notebook_id = ${query.notebookId}` : sql``;
  const tag = query.tag ? sql` AND EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag = ${query.tag})` : sql``;
  const readable = sql`n.deleted_at IS NULL AND n.notebook_id IN (SELECT m.notebook_id FROM memberships m WHERE m.user_id = ${query.userId})${notebook}${tag}`;
  const inTitle = rank ? sql`n.id IN (SELECT t.id FROM notes t WHERE t.title_search @@ ${rank}::tsquery)` : sql`false`;
  const columns = sql`n.id, n.notebook_id, nb.name AS notebook_name, n.title, n.body, (extract(epoch FROM n.updated_at) * 1000)::float8 AS updated_ms`;
  if (!filter) {
    // Nothing for the index to narrow by: the readable notes, with the regular-expression check (about 55 ms over
    // 9,000 notes) sorting out those that cannot match before they leave the server.
    const check = substrings === true ? sql`true` : substrings;
    return sql`SELECT ${columns}, ${inTitle} AS in_title FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id
      WHERE ${check} AND ${readable}
      ORDER BY in_title DESC, n.updated_at DESC, n.id LIMIT ${page} OFFSET ${offset}`;
  }
  // The index's matches as a step of their own (MATERIALIZED), keys only, then the access filter: otherwise the planner
  // may walk the reader's notebooks' notes by date and test each one's vector, which reads every vector (0.7 s over
  // 100,000 notes).
  return sql`WITH matched AS MATERIALIZED (
      SELECT n.id, n.notebook_id, n.deleted_at, n.updated_at FROM notes n WHERE n.search @@ ${filter}::tsquery
    ), best AS (
      SELECT n.id, n.updated_at, ${inTitle} AS in_title FROM matched n
      WHERE ${readable} ORDER BY in_title DESC, n.updated_at DESC, n.id LIMIT ${page} OFFSET ${offset}
    )
    SELECT ${columns} FROM best JOIN notes n ON n.id = best.id JOIN notebooks nb ON nb.id = n.notebook_id
    ORDER BY best.in_title DESC, best.updated_at DESC, best.id`;
}

/**
 * Runs the candidate reads with sequential scans off. For a common word the planner reckons a sequential scan cheaper
 * than the GIN index, and it is not: it reads every note's whole vector (1.4 s over 100,000 notes against 25 ms). A
 * transaction of its own, or, inside the caller's, a savepoint, after which the setting is put back.
 */
async function withIndexScans<T>(db: AnyPgDatabase, fn: (db: AnyPgDatabase) => Promise<T>): Promise<T> {
  const nested = transactionClient(db) !== undefined;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    try {
      return await fn(tx);
    } finally {
      if (nested) await tx.execute(sql`SET LOCAL enable_seqscan = on`);
    }
  });
}

/**
 * The search store over a drizzle node-postgres handle (or a transaction). One round trip asks PostgreSQL for the
 * English forms of the query's words; then it reads the readable, live candidates the tsquery finds (through the GIN
 * index) and the substring check keeps, best first (a title holding a word of the query, then the most recently
 * updated, then id), keeps those the FTS5 expression matches word for word, and reads further pages, each twice the last,
 * until it has `limit` or none are left.
 */
export function postgresSearch(
  // Any schema, and a transaction too: only execute() is used.
  db: AnyPgDatabase,
): SearchStore {
  return {
    async searchNotes(query) {
      const limit = Math.floor(query.limit);
      if (!(limit > 0)) return [];
      const plan = planOf(query.ftsQuery);
      if (!plan) return [];
      const english = await englishForms(db, englishOperandsOfPlan(plan));
      const filter = render(plan.filter, english);
      const substrings = substringCheckOf(plan.expr);
      if (filter === false || substrings === false) return [];
      const rank = plan.rank.map((l) => renderLookups(l, english)).filter((t): t is string => t !== true);
      const found: NoteMatch[] = [];
      const seen = new Set<string>();
      let offset = 0;
      let page = Math.max(FIRST_PAGE, limit * 2);
      return withIndexScans(db, async (db) => {
        for (;;) {
          const { rows } = await db.execute<Row>(candidates(query, filter === true ? "" : filter, substrings, [...new Set(rank)].join(" | "), page, offset));
          for (const r of rows) {
            if (seen.has(r.id)) continue; // a note edited between two pages may come again
            seen.add(r.id);
            if (!evaluate(plan.expr, [wordsOf(r.title), wordsOf(r.body)])) continue;
            found.push({ id: r.id, notebookId: r.notebook_id, notebookName: r.notebook_name, title: r.title, body: r.body, updatedAt: new Date(r.updated_ms) });
            if (found.length >= limit) return found;
          }
          if (rows.length < page) return found;
          offset += page;
          page *= 2;
        }
      });
    },
  };
}
