// Note search on PostgreSQL: the FTS5 query is read as a tsquery that narrows notes through the GIN index, then every candidate is checked word by word as SQLite's FTS5 would, so both stores find the same notes.
import { sql, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { DIACRITIC_CODES, evaluate, type Expr, foldWord, lex, parse, type Word, wordsOf } from "./fts5-query";
import { transactionClient } from "../prepared";
import type { NoteMatch, NoteSearch, SearchStore } from "./search";

/*
 * Why two steps. notes.search is to_tsvector('english', …): stemmed ("rotation" is stored as 'rotat'), without stop
 * words ("the", "in", "about" are not stored at all), with diacritics kept, and with some tokens glued ("1.5", "-500").
 * SQLite's FTS5 (unicode61 remove_diacritics 2) keeps every word, unstemmed and folded, and `"rotati"*` matches
 * "rotation" while to_tsquery('rotati:*') does not match 'rotat'. So the tsquery here is a superset filter (toTsQuery):
 * it keeps every note FTS5 would match (up to the gaps listed there) and some more; the candidates are then tokenized
 * in JavaScript the way unicode61 does, and the FTS5 expression is evaluated on those words, exactly. Before they
 * leave the server, a cheap superset check drops most non-matches: every word must occur in the title or body as a
 * substring (case and Latin diacritics folded). A search is two round trips: the English forms of the query's words
 * (to_tsquery('english', …) per word), then the candidates.
 */

// ---------------------------------------------------------------------------------------------------------------
// The superset filter, a tsquery

/** PostgreSQL's english stop words (tsearch_data/english.stop): to_tsvector('english', …) stores none of them. */
const STOP_WORDS = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them " +
    "their theirs themselves what which who whom this that these those am is are was were be been being have has had having do does did doing " +
    "a an the and but if or because as until while of at by for with about against between into through during before after above below to " +
    "from up down in out on off over under again further then once here there when where why how all any both each few more most other some " +
    "such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);
const STOP_LIST = [...STOP_WORDS];
/** Longer words are not looked up in the index (the search still checks them exactly). */
const MAX_INDEXED_WORD = 100;
/** Words of one phrase that go into the filter (all of them are checked). */
const MAX_FILTER_WORDS = 16;
/** Words that count towards the rank. */
const MAX_RANK_WORDS = 64;
/** Truncations are tried for prefixes up to this length. */
const MAX_TRUNCATED_WORD = 40;
/** Words the English (Porter2) stemmer does not derive by its rules, with their stems. */
const STEM_EXCEPTIONS: ReadonlyArray<[string, string]> = [
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["skies", "sky"],
  ["idly", "idl"],
  ["gently", "gentl"],
  ["ugly", "ugli"],
  ["early", "earli"],
  ["singly", "singl"],
];
const DIGIT = /[0-9]/;
const DIGITS = /^[0-9]+$/;

/**
 * The index lookups for one word, any of which finds a note: `english` operands are normalized by
 * to_tsquery('english', …) (stemmed; dropped when a stop word), `literal` ones are lexemes as they are stored.
 */
type Lookups = { kind: "lookups"; english: string[]; literal: string[] };
/** A superset filter: lookups combined with AND and OR, or "every note" (true), or "no note" (false). */
type Filter = Lookups | { kind: "and" | "or"; left: Filter; right: Filter } | boolean;

function andFilters(a: Filter, b: Filter): Filter {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return { kind: "and", left: a, right: b };
}

function orFilters(a: Filter, b: Filter): Filter {
  if (a === true || b === true) return true;
  if (a === false) return b;
  if (b === false) return a;
  return { kind: "or", left: a, right: b };
}

/**
 * One tsquery operand, quoted so that nothing in it is tsquery syntax. Without a weight: a weighted operand (:AB,
 * title and body) makes the GIN index hand every candidate back for a recheck, which reads its whole vector (about
 * 20 µs a note); unweighted, a note whose only match is a tag becomes a candidate, and the exact check drops it.
 */
function operand(text: string, prefix: boolean): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${prefix ? ":*" : ""}`;
}

/** The spellings of a word worth looking up, lowercased: as typed (PostgreSQL keeps diacritics) and folded (as FTS5 compares). */
function formsOf(word: Word): string[] {
  return [...new Set([word.raw.toLowerCase(), word.folded])];
}

/**
 * The index lookups that together find every note holding the word (or, with `prefix`, a word starting with it).
 * - The word, stemmed by to_tsquery('english', …): `'rotations':*` becomes 'rotat':*, `'probabilities':*`
 *   'probabl':*, `'happy':*` 'happi':*; this finds whole words, whatever PostgreSQL made of them.
 * - For a prefix, which may be part of a word whose stored stem is shorter than it or spelled otherwise ("rotati" of
 *   "rotation", stored 'rotat'; "runni" of "running", 'run'; "capabilitie" of "capabilities", 'capabl'; "willi"
 *   of "willing", 'will', which to_tsquery would drop as a stop word; "copyi" of "copying", 'copi'): as stored
 *   lexemes, its first max(4, n − 7) letters (all of them up to 4) as a prefix; each shorter beginning of at least
 *   two letters, alone and with "e" (Porter's "hoping" → 'hope'), as whole lexemes; a beginning ending in "y" with
 *   "i" instead, as a prefix; and the stems of the stemmer's exceptions it begins ("lyi" of "lying", 'lie').
 * - A number also as PostgreSQL may store it signed ("S&P-500" holds '-500', "2026-01-15" '-01' and '-15') and as
 *   the start of a decimal, date or version ('1.5', 'v1.2.3').
 */
function lookups(word: Word, prefix: boolean): Lookups {
  const english = new Set<string>();
  const literal = new Set<string>();
  for (const form of formsOf(word)) {
    if (DIGITS.test(form)) {
      for (const text of [form, `-${form}`, `+${form}`]) literal.add(operand(text, prefix));
      literal.add(operand(form, true));
      continue;
    }
    english.add(operand(form, prefix));
    if (!prefix) continue;
    const chars = [...form];
    const root = chars.length <= 4 ? chars.length : Math.max(4, chars.length - 7);
    literal.add(operand(chars.slice(0, root).join(""), true));
    if (chars.length > MAX_TRUNCATED_WORD) continue;
    for (let k = 2; k <= root; k++) {
      const start = chars.slice(0, k).join("");
      if (k < root) {
        literal.add(operand(start, false));
        literal.add(operand(`${start}e`, false));
      }
      if (chars[k - 1] === "y") literal.add(operand(`${start.slice(0, -1)}i`, true));
    }
    for (const [whole, stem] of STEM_EXCEPTIONS) if (chars.length >= 2 && whole.startsWith(form)) literal.add(operand(stem, false));
  }
  return { kind: "lookups", english: [...english], literal: [...literal] };
}

/** Whether the index cannot vouch for the word: a stop word (or, as a prefix, the start of one) is not stored at all. */
function unindexed(word: Word, prefix: boolean): boolean {
  return formsOf(word).some(
    (form) => form.length > MAX_INDEXED_WORD || STOP_WORDS.has(form) || (prefix && STOP_LIST.some((stop) => stop.startsWith(form))),
  );
}

const hasDigit = (word: Word | undefined) => word !== undefined && DIGIT.test(word.folded);

function firstWord(expr: Expr): Word | undefined {
  if (expr.kind === "phrase") return expr.words[0];
  return expr.kind === "or" ? undefined : firstWord(expr.left);
}

function lastWord(expr: Expr): Word | undefined {
  if (expr.kind === "phrase") return expr.words.at(-1);
  return expr.kind === "and" ? lastWord(expr.right) : undefined;
}

/**
 * The superset filter of an expression. `glued`: the expression's first word follows a number in the query, so the
 * two may be one token in PostgreSQL ("1.5" is `"1" AND "5"` for FTS5 but the single lexeme '1.5'): it filters nothing.
 */
function filterOf(expr: Expr, glued: boolean): Filter {
  switch (expr.kind) {
    case "phrase": {
      if (expr.words.length === 0) return false;
      let filter: Filter = true;
      expr.words.forEach((word, i) => {
        const isPrefix = expr.prefix && i === expr.words.length - 1;
        const afterNumber = i === 0 ? glued : hasDigit(expr.words[i - 1]) && hasDigit(word);
        // Fewer words of a phrase filter less but still keep every match: a phrase's first words are enough.
        if (i < MAX_FILTER_WORDS && !afterNumber && !unindexed(word, isPrefix)) filter = andFilters(filter, lookups(word, isPrefix));
      });
      return filter;
    }
    case "and":
      return andFilters(filterOf(expr.left, glued), filterOf(expr.right, hasDigit(lastWord(expr.left)) && hasDigit(firstWord(expr.right))));
    case "or":
      return orFilters(filterOf(expr.left, false), filterOf(expr.right, false));
    case "not":
      // A note matching `a NOT b` matches a; b is checked exactly afterwards.
      return filterOf(expr.left, glued);
  }
}

/** The lookups of every word that counts towards a note's rank: all but those on a NOT's right side. */
function rankOf(expr: Expr, out: Lookups[] = []): Lookups[] {
  if (expr.kind === "phrase") {
    expr.words.forEach((word, i) => {
      if (word.folded.length <= MAX_INDEXED_WORD && out.length < MAX_RANK_WORDS) out.push(lookups(word, expr.prefix && i === expr.words.length - 1));
    });
  } else {
    rankOf(expr.left, out);
    if (expr.kind !== "not") rankOf(expr.right, out);
  }
  return out;
}

/** How to_tsquery('english', …) normalizes one operand, as text ('' when nothing is left, as for a stop word). */
export type EnglishForm = (operand: string) => string;

const SINGLE_OPERAND = /^'(?:[^'\\]|''|\\.)*'(?::[*A-D]+)?$/;

/** One word's lookups as tsquery text, or true when none is left (the index cannot narrow by this word). */
function renderLookups(lookups: Lookups, english: EnglishForm): string | true {
  const parts = new Set<string>();
  for (const op of lookups.english) {
    const text = english(op).trim();
    if (text) parts.add(SINGLE_OPERAND.test(text) ? text : `( ${text} )`);
  }
  for (const op of lookups.literal) parts.add(op);
  if (parts.size === 0) return true;
  return parts.size === 1 ? [...parts][0]! : `( ${[...parts].join(" | ")} )`;
}

function render(filter: Filter, english: EnglishForm): string | boolean {
  if (typeof filter === "boolean") return filter;
  if (filter.kind === "lookups") return renderLookups(filter, english);
  const left = render(filter.left, english);
  const right = render(filter.right, english);
  if (filter.kind === "and") {
    if (left === false || right === false) return false;
    return left === true ? right : right === true ? left : `( ${left} & ${right} )`;
  }
  if (left === true || right === true) return true;
  return left === false ? right : right === false ? left : `( ${left} | ${right} )`;
}

type Plan = { expr: Expr; filter: Filter; rank: Lookups[] };

/** How to run an FTS5 query, or null when it can match no note (nothing searchable, or only empty phrases). */
function planOf(ftsQuery: string): Plan | null {
  const expr = parse(lex(ftsQuery));
  if (!expr) return null;
  const filter = filterOf(expr, false);
  if (filter === false) return null;
  return { expr, filter, rank: rankOf(expr) };
}

function englishOperandsOf(filter: Filter, out: Set<string>): Set<string> {
  if (typeof filter === "boolean") return out;
  if (filter.kind === "lookups") for (const op of filter.english) out.add(op);
  else {
    englishOperandsOf(filter.left, out);
    englishOperandsOf(filter.right, out);
  }
  return out;
}

function englishOperandsOfPlan(plan: Plan): string[] {
  const ops = englishOperandsOf(plan.filter, new Set());
  for (const lookups of plan.rank) for (const op of lookups.english) ops.add(op);
  return [...ops];
}

/** The operands of a query's tsquery that to_tsquery('english', …) is to normalize: what `english` is asked about. */
export function englishOperands(ftsQuery: string): string[] {
  const plan = planOf(ftsQuery);
  return plan ? englishOperandsOfPlan(plan) : [];
}

/**
 * The FTS5 query toFtsQuery made (quoted phrases, `"word"*` prefixes, AND / OR / NOT, parentheses; FTS5's
 * precedence: NOT, then AND, then OR) as a tsquery (text for `::tsquery`) that keeps every note the FTS5 query
 * matches in title or body, and some more, which the search then checks word by word:
 * - every word becomes the OR of its lookups (see `lookups`), each operand quoted (nothing typed is tsquery syntax)
 *   and weighted :AB (title and body; tags, weight C, never match); `english` gives to_tsquery('english', …)'s form
 *   of the stemmed lookups (the store asks PostgreSQL; by default they stay as written);
 * - a phrase is the AND of its words (their order is checked afterwards); AND and OR stay; `a NOT b` is a's filter;
 * - left out, as the index cannot vouch for them: stop words, and a prefix that starts a stop word ("the"*, "ab"*),
 *   which PostgreSQL does not store, and a number right after a number ("1.5" is one lexeme in PostgreSQL).
 * "" when no word narrows the search (every readable note is then checked) or when nothing can match.
 *
 * Known gaps (notes FTS5 matches that this filter misses): a word typed without its diacritics where the note has
 * them ("cafe" against "café": PostgreSQL stores 'café'); a part of a token PostgreSQL keeps whole other than its
 * first ("com" in "x.com", parts of e-mail addresses, URLs and paths, the "5" of "1.5" unless typed after its "1");
 * words PostgreSQL's parser drops from notes (HTML-like tags "<b>" and entities such as the "&P-500;" of
 * "S&P-500;").
 */
export function toTsQuery(ftsQuery: string, english: EnglishForm = (op) => op): string {
  const plan = planOf(ftsQuery);
  const text = plan ? render(plan.filter, english) : false;
  return typeof text === "string" ? text : "";
}

/** Whether a note matches the FTS5 query in its title or body, word for word as FTS5 (unicode61, remove_diacritics 2) decides. */
export function matchesFts(ftsQuery: string, title: string, body: string): boolean {
  const plan = planOf(ftsQuery);
  return plan !== null && evaluate(plan.expr, [wordsOf(title), wordsOf(body)]);
}

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
