// The PostgreSQL search's superset filter: an FTS5 query (parsed by fts5-query.ts) rendered as a tsquery that keeps every note FTS5 would match, for the GIN index on notes.search.
import { evaluate, type Expr, lex, parse, type Word, wordsOf } from "./fts5-query";

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
export const MAX_FILTER_WORDS = 16;
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
export type Lookups = { kind: "lookups"; english: string[]; literal: string[] };
/** A superset filter: lookups combined with AND and OR, or "every note" (true), or "no note" (false). */
export type Filter = Lookups | { kind: "and" | "or"; left: Filter; right: Filter } | boolean;

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
/** An unweighted operand: its lexeme as written between the quotes, and whether it is a prefix. */
const PLAIN_OPERAND = /^'((?:[^'\\]|''|\\.)*)'(:\*)?$/;

/**
 * The operands of an OR that another one already covers: 'rotat':* when 'rota':* is there too, 'rota' beside 'ro':*.
 * Each prefix costs the GIN index a scan of its own (a prefix match collects every lexeme it begins and their notes),
 * so the OR of one word's lookups keeps only the shortest prefixes, and finds the same notes.
 */
function covered(parts: Set<string>): Set<string> {
  const prefixes: string[] = [];
  for (const part of parts) {
    const m = PLAIN_OPERAND.exec(part);
    if (m?.[2]) prefixes.push(m[1]!);
  }
  const out = new Set<string>();
  for (const part of parts) {
    const m = PLAIN_OPERAND.exec(part);
    if (m && prefixes.some((p) => m[1]!.startsWith(p) && (p !== m[1] || !m[2]))) out.add(part);
  }
  return out;
}

/** One word's lookups as tsquery operands (or parenthesized groups), the ones another covers left out. */
function partsOf(lookups: Lookups, english: EnglishForm): Set<string> {
  const parts = new Set<string>();
  for (const op of lookups.english) {
    const text = english(op).trim();
    if (text) parts.add(SINGLE_OPERAND.test(text) ? text : `( ${text} )`);
  }
  for (const op of lookups.literal) parts.add(op);
  for (const part of covered(parts)) parts.delete(part);
  return parts;
}

/** A prefix operand's text as stored (its quotes and escapes undone), or null when the part is not one prefix. */
function prefixOf(part: string): string | null {
  const m = PLAIN_OPERAND.exec(part);
  return m?.[2] ? m[1]!.replace(/''/g, "'").replace(/\\(.)/g, "$1") : null;
}

/**
 * The stored lexemes a prefix stands for, from the index's vocabulary (search_lexemes), or undefined to leave the
 * prefix to the index (too many lexemes, or not looked up). A prefix costs the GIN index far more than the same
 * lexemes named: it collects every note of every lexeme it begins before intersecting, where named lexemes' lists
 * are intersected as they are read ("small caps" over 100,000 notes: 10.5 ms against 1.8).
 */
export type PrefixLexemes = (prefix: string) => readonly string[] | undefined;

/**
 * One word's lookups as tsquery text; true when none is left (the index cannot narrow by this word); false when
 * `lexemes` says that none of its prefixes begins a stored lexeme and it has no other lookup (no note holds it).
 */
export function renderLookups(lookups: Lookups, english: EnglishForm, lexemes: PrefixLexemes = () => undefined): string | boolean {
  const parts = partsOf(lookups, english);
  if (parts.size === 0) return true;
  const named = new Set<string>();
  for (const part of parts) {
    const prefix = prefixOf(part);
    const found = prefix === null ? undefined : lexemes(prefix);
    if (found === undefined) named.add(part);
    else for (const lexeme of found) named.add(operand(lexeme, false));
  }
  if (named.size === 0) return false;
  return named.size === 1 ? [...named][0]! : `( ${[...named].join(" | ")} )`;
}

/** The prefixes of a plan's lookups (filter and rank), as stored: what `PrefixLexemes` is asked about. */
export function prefixesOfPlan(plan: Plan, english: EnglishForm): string[] {
  const out = new Set<string>();
  const add = (lookups: Lookups) => {
    for (const part of partsOf(lookups, english)) {
      const prefix = prefixOf(part);
      if (prefix !== null) out.add(prefix);
    }
  };
  const walk = (filter: Filter) => {
    if (typeof filter === "boolean") return;
    if (filter.kind === "lookups") add(filter);
    else {
      walk(filter.left);
      walk(filter.right);
    }
  };
  walk(plan.filter);
  plan.rank.forEach(add);
  return [...out];
}

export function render(filter: Filter, english: EnglishForm, lexemes?: PrefixLexemes): string | boolean {
  if (typeof filter === "boolean") return filter;
  if (filter.kind === "lookups") return renderLookups(filter, english, lexemes);
  const left = render(filter.left, english, lexemes);
  const right = render(filter.right, english, lexemes);
  if (filter.kind === "and") {
    if (left === false || right === false) return false;
    return left === true ? right : right === true ? left : `( ${left} & ${right} )`;
  }
  if (left === true || right === true) return true;
  return left === false ? right : right === false ? left : `( ${left} | ${right} )`;
}

export type Plan = { expr: Expr; filter: Filter; rank: Lookups[] };

/** How to run an FTS5 query, or null when it can match no note (nothing searchable, or only empty phrases). */
export function planOf(ftsQuery: string): Plan | null {
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

export function englishOperandsOfPlan(plan: Plan): string[] {
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
