// Note search on PostgreSQL: the FTS5 query is read as a tsquery that narrows notes through the GIN index, then every candidate is checked word by word as SQLite's FTS5 would, so both stores find the same notes.
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { evaluate, type Expr, wordsOf } from "./fts5-query";
import { substringCheckOf } from "./search-pg-check";
import { englishOperandsOfPlan, type EnglishForm, type Filter, planOf, prefixesOfPlan, type PrefixLexemes, render, renderLookups } from "./search-pg-query";
import { lexemeStats, titleMatchesMatch, walkPays } from "./search-pg-walk";
import { transactionClient, transactionConnection } from "../prepared";
import { searchPoolFor } from "../search-pool";
import type { NoteMatch, NoteSearch, SearchStore } from "./search";

/*
 * Why two steps. notes.search is to_tsvector('english', …): stemmed ("rotation" is stored as 'rotat'), without stop
 * words ("the", "in", "about" are not stored at all), with diacritics kept, and with some tokens glued ("1.5", "-500").
 * SQLite's FTS5 (unicode61 remove_diacritics 2) keeps every word, unstemmed and folded, and `"rotati"*` matches
 * "rotation" while to_tsquery('rotati:*') does not match 'rotat'. So the tsquery is a superset filter (toTsQuery, search-pg-query.ts):
 * it keeps every note FTS5 would match (up to the gaps listed there) and some more; the candidates are then tokenized
 * in JavaScript the way unicode61 does, and the FTS5 expression is evaluated on those words, exactly. Before they
 * leave the server, a cheap superset check drops most non-matches: every word must occur in the title or body as a
 * substring (case and Latin diacritics folded; search-pg-check.ts). A search is three round trips: the English forms of the query's words
 * (to_tsquery('english', …) per word, remembered), the stored lexemes its prefixes begin (search_lexemes), then the
 * candidates.
 */

/**
 * Candidates read at first beyond the limit (each further page is twice as large): the server's check leaves few that
 * FTS5 would not match, so the first page is nearly always the last.
 */
const FIRST_PAGE_SPARE = 5;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPgDatabase = NodePgDatabase<any>;

type Row = { id: string; notebook_id: string; notebook_name: string; title: string; body: string; updated_ms: number; in_title: boolean; in_window: boolean };

/**
 * to_tsquery('english', …) of operands seen before: what PostgreSQL makes of a word depends only on the word (and the
 * built-in English configuration), so a word's form is asked for once per process, not once per search.
 */
const ENGLISH_FORMS = new Map<string, string>();
/** Forms remembered at most; past that the memory starts again (a search asks for a few words). */
const MAX_ENGLISH_FORMS = 20_000;

/** to_tsquery('english', …) of each operand: those not remembered in one round trip, none when all are. */
async function englishForms(db: AnyPgDatabase, operands: string[]): Promise<EnglishForm> {
  const unknown = operands.filter((op) => !ENGLISH_FORMS.has(op));
  if (unknown.length > 0) {
    const { rows } = await db.execute<{ q: string }>(
      sql`SELECT to_tsquery('english', u.op)::text AS q FROM unnest(${sql.param(unknown)}::text[]) WITH ORDINALITY AS u(op, i) ORDER BY u.i`,
    );
    if (ENGLISH_FORMS.size + unknown.length > MAX_ENGLISH_FORMS) ENGLISH_FORMS.clear();
    unknown.forEach((op, i) => ENGLISH_FORMS.set(op, rows[i]?.q ?? ""));
  }
  const forms = new Map(operands.map((op) => [op, ENGLISH_FORMS.get(op) ?? ""]));
  return (op) => forms.get(op) ?? "";
}

/** Lexemes a prefix may stand for at most; past that the index matches the prefix itself. */
const MAX_PREFIX_LEXEMES = 64;

/**
 * The stored lexemes each prefix begins, from the index's vocabulary (search_lexemes, kept by triggers on notes:
 * migration 0013), in one round trip. Read on every search: another server's save may have added one a moment ago.
 * The range [p, p || U+10FFFF) holds every lexeme beginning with p but one that has the noncharacter U+10FFFF right
 * after it.
 */
async function prefixLexemes(db: AnyPgDatabase, prefixes: string[]): Promise<PrefixLexemes> {
  if (prefixes.length === 0) return () => undefined;
  const { rows } = await db.execute<{ i: number; lexemes: string[] }>(
    sql`SELECT u.i::int AS i, ARRAY(SELECT s.lexeme FROM search_lexemes s WHERE s.lexeme >= u.p AND s.lexeme < u.p || chr(1114111)
      ORDER BY s.lexeme LIMIT ${MAX_PREFIX_LEXEMES + 1}) AS lexemes FROM unnest(${sql.param(prefixes)}::text[]) WITH ORDINALITY AS u(p, i)`,
  );
  const found = new Map(rows.map((r) => [prefixes[r.i - 1]!, r.lexemes]));
  return (prefix) => {
    const lexemes = found.get(prefix);
    return lexemes && lexemes.length <= MAX_PREFIX_LEXEMES ? lexemes : undefined;
  };
}

/** How many of the newest notes of each readable notebook the first read ranks besides the title matches (see candidates). */
const RECENT_WINDOW = 2_000;

/**
 * Whether a first read over the recent window is worth trying: when the filter is one word or words joined by OR, which
 * for a common word finds thousands of notes. Words that must all be there, or a tag, narrow the matches to few, which
 * the window would mostly miss, and a second read would repeat the index lookup.
 */
function worthAWindow(filter: Filter, query: NoteSearch): boolean {
  if (query.tag) return false;
  if (typeof filter === "boolean" || filter.kind === "lookups") return filter !== false;
  return filter.kind === "or" && worthAWindow(filter.left, query) && worthAWindow(filter.right, query);
}

/**
 * A first read walks the recent window newest first (walk) rather than looking its matches up in the GIN index: each
 * note's vector is read and matched in turn until the page is full, which for a common word stops after a few hundred
 * notes, where the index lists every match first ("rotation", 9,252 of 100,000 notes: the statement took 3.1 ms
 * walking against 12.0 through the index). For a rare word the walk would read most of the window, so it is taken only
 * when the filter's lexemes are common (walkPays, search-pg-walk.ts).
 */
type Page = { query: NoteSearch; filter: string; substrings: SQL | true; rank: string; page: number; offset: number; enough: number; window: number; walk?: boolean; lane?: number };

/**
 * One page of candidates, best first: notes whose title holds a word of the query (notes.title_search, a small vector
 * with an index of its own), then the most recently updated, then by id. Ranking reads no note's full vector:
 * ts_rank did, and over the 9,000 notes a common word finds that cost half a second.
 *
 * The index's matches are put in order on their keys alone; only then is each note read and the regular-expression
 * check run on it, in rank order, until the page is full (the check reads the body, which costs far more than the
 * order). With `enough` (the first page), the statement first ranks only the matches that hold a word of the query in
 * their title or sit among the `window` newest notes of their notebook (the GIN match ANDed with the title index
 * ORed with the notebook-date index): for a common word that spares reading thousands of older notes' rows, which is
 * most of a search's cost. Every match this leaves out ranks below every match it keeps (no title match, and older
 * than all of them), so what it keeps is the start of the full order; when that is fewer than `enough` notes, the
 * same statement reads the page from the full order instead. `in_window` says which the rows came from.
 */
function candidates({ query, filter, substrings, rank, page, offset, enough, window, walk, lane }: Page): SQL {
  const inNotebook = query.notebookId ? sql` AND m.notebook_id = ${query.notebookId}` : sql``;
  // notes.tags_text holds the note's tags (kept by triggers on note_tags); its array has a GIN index of its own
  // (notes_tags_idx), which the planner ANDs with the word index's matches before any note is read.
  const tag = query.tag ? sql` AND string_to_array(n.tags_text, ' ') @> ARRAY[${query.tag}::text]` : sql``;
  const inLane = lane === undefined ? sql`` : sql` AND (hashtext(n.id) & ${LANES - 1}) = ${lane}`;
  const inTitle = rank ? sql`n.title_search @@ ${rank}::tsquery` : sql`false`;
  const check = substrings === true ? sql`true` : substrings;
  const columns = sql`n.id, n.notebook_id, nb.name AS notebook_name, n.title, n.body, (extract(epoch FROM n.updated_at) * 1000)::float8 AS updated_ms`;
  const readableIds = sql`ARRAY(SELECT m.notebook_id FROM memberships m WHERE m.user_id = ${query.userId}${inNotebook})`;
  const readable = sql`n.deleted_at IS NULL AND n.notebook_id = ANY((SELECT ids FROM readable)::text[])${tag}${inLane}`;
  if (!filter) {
    // Nothing for the index to narrow by: the readable notes, with the regular-expression check (about 55 ms over
    // 9,000 notes) sorting out those that cannot match before they leave the server.
    return sql`WITH readable AS (SELECT ${readableIds} AS ids)
      SELECT ${columns}, ${inTitle} AS in_title, false AS in_window FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id
      WHERE ${check} AND ${readable}
      ORDER BY in_title DESC, n.updated_at DESC, n.id COLLATE "C" LIMIT ${page} OFFSET ${offset}`;
  }
  // The ranked keys (a subquery, whose order the outer ORDER BY reuses), then each note read and checked in turn, by
  // its row's address in this statement's snapshot (a TID scan: the primary key's index cost 1.5 ms more over the 471
  // candidates of a lane of "rate cuts").
  const ranked = (window: SQL, inWindow: boolean, skip: number, when: SQL = sql``) => sql`SELECT c.*, best.in_title, ${sql.raw(String(inWindow))} AS in_window FROM (
      SELECT n.ctid AS row_at, n.id, n.updated_at, ${inTitle} AS in_title FROM notes n WHERE n.search @@ ${filter}::tsquery AND ${readable}${window}
      ORDER BY in_title DESC, n.updated_at DESC, n.id COLLATE "C"
    ) best, LATERAL (
      SELECT ${columns} FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id WHERE n.ctid = best.row_at AND ${check}
    ) c${when}
    ORDER BY best.in_title DESC, best.updated_at DESC, best.id COLLATE "C" LIMIT ${page} OFFSET ${skip}`;
  if (enough === 0) return sql`WITH readable AS (SELECT ${readableIds} AS ids) ${ranked(sql``, false, offset)}`;
  // The title matches and the window's matches: through the GIN index, or (walk) the title matches through the title
  // index alone (walk is only asked when a title match is a match: titleMatchesMatch), then each readable notebook's window walked
  // newest first through the notebook-date index, its notes matched one by one until the page is full.
  const inRecent = walk
    ? sql`SELECT id, notebook_id, notebook_name, title, body, updated_ms, in_title, in_window FROM ((
          SELECT c.*, true AS in_title, true AS in_window, best.updated_at AS at FROM (
            SELECT n.ctid AS row_at, n.id, n.updated_at FROM notes n WHERE ${inTitle} AND ${readable}
            ORDER BY n.updated_at DESC, n.id COLLATE "C"
          ) best, LATERAL (
            SELECT ${columns} FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id WHERE n.ctid = best.row_at AND ${check}
          ) c ORDER BY best.updated_at DESC, best.id COLLATE "C" LIMIT ${page}
        ) UNION ALL (
          SELECT w.id, w.notebook_id, w.notebook_name, w.title, w.body, w.updated_ms, false AS in_title, true AS in_window, w.at FROM unnest((SELECT ids FROM readable)::text[]) AS r(id), LATERAL (
            SELECT ${columns}, n.updated_at AS at FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id
            WHERE n.notebook_id = r.id AND n.updated_at >= (SELECT at FROM cutoff) AND n.deleted_at IS NULL
              AND n.search @@ ${filter}::tsquery AND NOT (${inTitle}) AND ${check}
            ORDER BY n.updated_at DESC, n.id COLLATE "C" LIMIT ${page}
          ) w ORDER BY w.at DESC, w.id COLLATE "C" LIMIT ${page}
        )) u ORDER BY u.in_title DESC, u.at DESC, u.id COLLATE "C" LIMIT ${page}`
    : ranked(sql` AND (${inTitle} OR n.updated_at >= (SELECT at FROM cutoff))`, true, 0);
  return sql`WITH readable AS (SELECT ${readableIds} AS ids),
    cutoff AS (
      SELECT coalesce(max(c.at), '-infinity'::timestamptz) AS at FROM readable, unnest(readable.ids) AS r(id),
        LATERAL (SELECT x.updated_at AS at FROM notes x WHERE x.notebook_id = r.id ORDER BY x.updated_at DESC OFFSET ${window - 1} LIMIT 1) c
    ),
    recent AS MATERIALIZED (${inRecent})
    SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= ${enough}
    UNION ALL
    (${ranked(sql``, false, 0, sql` WHERE (SELECT count(*) FROM recent) < ${enough}`)})`;
}

/**
 * Ways a search's candidates are split (by a hash of the note's id) when they are read with a kept plan outside a
 * transaction and most may fail their checks (mostMayFail): each part is read and checked on its own search
 * connection at the same time, and their rows are merged in rank order. Checking candidates is then a search's cost
 * (about 10 µs a note for the regular expressions: a phrase of two common words checks a thousand notes over
 * 100,000), and the two reads share it out over two cores. A power of two.
 */
const LANES = 2;

/**
 * Whether most candidates may fail their checks, so that many are read and checked before a page is full: a phrase
 * of two words or more (the index finds notes holding its words anywhere; the check wants them side by side) or a
 * NOT (checked here, on every row the server sends). Only then are the candidates read in lanes. Otherwise the first
 * candidates in rank order mostly match and few are checked, and each lane would repeat the whole index lookup and
 * the read of every match's row that ranking needs: over 100,000 notes, "small caps" took 11.5 ms in two lanes and
 * 8.8 in one, where the phrase "rate cuts" took 15.5 in two and 19.2 in one.
 */
function mostMayFail(expr: Expr): boolean {
  if (expr.kind === "phrase") return expr.words.length > 1;
  return expr.kind === "not" || mostMayFail(expr.left) || mostMayFail(expr.right);
}

/** True when a before b in the candidates' order: a title match first, then the most recently updated, then by id. */
function ranksBefore(a: Row, b: Row): boolean {
  if (a.in_title !== b.in_title) return a.in_title;
  if (a.updated_ms !== b.updated_ms) return a.updated_ms > b.updated_ms;
  return a.id < b.id;
}

/** Turns statements into text and parameters (no connection needed). */
const DIALECT = new PgDialect();

/** A value as an SQL literal: E'…' with quotes and backslashes escaped, which reads the same whatever standard_conforming_strings says. */
function literal(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "string") throw new Error(`search statement: cannot inline a ${typeof value} parameter`);
  return `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** Planner settings a candidate read needs on a connection that does not carry them (the search pool's do: db/search-pool.ts). */
const SETTINGS = "SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0";

/** The name a statement is prepared under on a search connection: one per text, so one per query shape. */
function statementName(text: string): string {
  return `quire_search_${createHash("sha1").update(text).digest("hex").slice(0, 40)}`;
}

/** The pool behind a handle or a transaction (outside a transaction the handle's connection is the pool itself). */
function poolOf(db: AnyPgDatabase): pg.Pool {
  return (transactionClient(db) ?? (db as unknown as { $client: pg.Pool }).$client) as pg.Pool;
}

/**
 * Runs one candidate read in a single round trip.
 *
 * With `keepPlan`, outside a transaction, it is a named prepared statement on the search pool, whose connections keep
 * its generic plan and carry the settings it needs (db/search-pool.ts): planning afresh cost 1.4 to 5.7 ms a search.
 * A first read over the recent window is planned for its values instead (keepPlan false): a generic plan cannot tell
 * a common word from a rare one, and for a common word it reads the rows of all its matches rather than intersecting
 * them with the window in the indexes (12.5 ms against 5.8 for "rotation" over 100,000 notes).
 *
 * Otherwise the settings, the read and the end of its transaction go as one simple query (parameters inlined as
 * escaped literals): BEGIN … COMMIT on a pooled connection of its own, or, inside the caller's transaction, a savepoint
 * rolled back after the read (a read changes nothing), which puts the settings back.
 */
async function readCandidates(db: AnyPgDatabase, statement: SQL, keepPlan: boolean): Promise<Row[]> {
  const query = DIALECT.sqlToQuery(statement);
  const inTransaction = transactionConnection(db);
  const pool = poolOf(db);
  if (!inTransaction && keepPlan) {
    const { rows } = await searchPoolFor(pool).query<Row>({ name: statementName(query.sql), text: query.sql, values: query.params });
    return rows;
  }
  const text = query.sql.replace(/\$(\d+)/g, (_m, n: string) => literal(query.params[Number(n) - 1]));
  if (inTransaction) {
    try {
      const results = (await inTransaction.query(`SAVEPOINT quire_search; ${SETTINGS}; ${text}; ROLLBACK TO SAVEPOINT quire_search; RELEASE SAVEPOINT quire_search`)) as unknown as pg.QueryResult<Row>[];
      return results[3]!.rows;
    } catch (error) {
      await inTransaction.query("ROLLBACK TO SAVEPOINT quire_search; RELEASE SAVEPOINT quire_search").catch(() => {});
      throw error;
    }
  }
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const results = (await client.query(`BEGIN; ${SETTINGS}; ${text}; COMMIT`)) as unknown as pg.QueryResult<Row>[];
    return results[3]!.rows;
  } catch (error) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Reads the candidates in LANES parts at once and hands them to `take` in rank order (a merge of the parts' orders),
 * until it says the page is full or none are left. A part is read again, a page twice the last, when its rows run out.
 */
async function readInLanes(db: AnyPgDatabase, from: Omit<Page, "page" | "offset">, firstPage: number, take: (row: Row) => boolean): Promise<void> {
  const lanes = Array.from({ length: LANES }, (_, lane) => ({ lane, rows: [] as Row[], next: 0, offset: 0, page: firstPage, done: false }));
  for (;;) {
    await Promise.all(
      lanes
        .filter((l) => l.next >= l.rows.length && !l.done)
        .map(async (l) => {
          l.rows = await readCandidates(db, candidates({ ...from, page: l.page, offset: l.offset, lane: l.lane }), true);
          l.next = 0;
          l.offset += l.rows.length;
          l.done = l.rows.length < l.page;
          l.page *= 2;
        }),
    );
    let best: (typeof lanes)[number] | undefined;
    for (const l of lanes) if (l.next < l.rows.length && (!best || ranksBefore(l.rows[l.next]!, best.rows[best.next]!))) best = l;
    if (!best || take(best.rows[best.next++]!)) return;
  }
}

/**
 * The search store over a drizzle node-postgres handle (or a transaction). It asks PostgreSQL for the English forms
 * of words it has not seen before (one round trip, remembered for the process) and for the lexemes the query's
 * prefixes begin (one round trip); then it reads the readable, live
 * candidates the tsquery finds (through the GIN index) and the substring check keeps, best first (a title holding a
 * word of the query, then the most recently updated, then id), keeps those the FTS5 expression matches word for word,
 * and reads further pages, each twice the last, until it has `limit` or none are left. Usually one statement does it.
 */
export function postgresSearch(
  // Any schema, and a transaction too: execute() and the pool or the transaction's connection are used.
  db: AnyPgDatabase,
  // Whether a first read ranks only the title matches and the recent window (see candidates), how many of each
  // notebook's newest notes that window holds, and whether it walks the window (see Page; "always" where it can);
  // tests try each way.
  options: { recentFirst?: "auto" | "always" | "never"; recentWindow?: number; walk?: "auto" | "always" | "never" } = {},
): SearchStore {
  return {
    async searchNotes(query) {
      const limit = Math.floor(query.limit);
      if (!(limit > 0)) return [];
      const plan = planOf(query.ftsQuery);
      if (!plan) return [];
      const english = await englishForms(db, englishOperandsOfPlan(plan));
      const substrings = substringCheckOf(plan.expr);
      if (substrings === false) return [];
      const lexemes = await prefixLexemes(db, prefixesOfPlan(plan, english));
      const filter = render(plan.filter, english, lexemes);
      if (filter === false) return [];
      const rank = plan.rank.map((l) => renderLookups(l, english, lexemes)).filter((t): t is string => typeof t === "string");
      const recentFirst = options.recentFirst ?? "auto";
      const windowed = recentFirst === "auto" ? worthAWindow(plan.filter, query) : recentFirst === "always";
      const window = Math.max(1, Math.floor(options.recentWindow ?? RECENT_WINDOW));
      const rankParts = [...new Set(rank)];
      const from = { query, filter: filter === true ? "" : filter, substrings, rank: rankParts.join(" | "), window, enough: 0 };
      const found: NoteMatch[] = [];
      const seen = new Set<string>();
      /** Keeps the candidate when FTS5 would match it; true once the page is full. */
      const take = (r: Row): boolean => {
        if (seen.has(r.id)) return false; // a note edited between two pages may come again
        seen.add(r.id);
        if (!evaluate(plan.expr, [wordsOf(r.title), wordsOf(r.body)])) return false;
        found.push({ id: r.id, notebookId: r.notebook_id, notebookName: r.notebook_name, title: r.title, body: r.body, updatedAt: new Date(r.updated_ms) });
        return found.length >= limit;
      };
      let offset = 0;
      let page = limit + FIRST_PAGE_SPARE;
      if (windowed) {
        // Statistics are read on the pool, so not for a search inside a transaction.
        const walkMode = options.walk ?? "auto";
        const walk =
          !!from.filter &&
          walkMode !== "never" &&
          titleMatchesMatch(plan.filter, rankParts, (l) => renderLookups(l, english, lexemes)) &&
          (walkMode === "always" || (!transactionConnection(db) && walkPays(from.filter, page, await lexemeStats(poolOf(db)))));
        const rows = await readCandidates(db, candidates({ ...from, page, offset, enough: limit, walk }), false);
        if (rows.some(take)) return found;
        // Rows from the recent window are the start of the full order, however many there are.
        if (rows.length < page && !rows[0]?.in_window) return found;
        offset += rows.length;
        page *= 2;
      } else if (from.filter && !transactionConnection(db) && mostMayFail(plan.expr)) {
        return readInLanes(db, from, Math.ceil(page / LANES) + FIRST_PAGE_SPARE, take).then(() => found);
      }
      for (;;) {
        const rows = await readCandidates(db, candidates({ ...from, page, offset }), true);
        if (rows.some(take)) return found;
        if (rows.length < page) return found;
        offset += rows.length;
        page *= 2;
      }
    },
  };
}
