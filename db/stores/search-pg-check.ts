// The PostgreSQL search's server-side check: each word of an FTS5 query as a regular expression on the title or the body, a superset of FTS5's matches that drops most non-matches before they leave the server.
import { sql, type SQL } from "drizzle-orm";
import { DIACRITIC_CODES, type Expr, foldWord } from "./fts5-query";
import { MAX_FILTER_WORDS } from "./search-pg-query";

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
/** What may stand between two words of a phrase: anything but an ASCII letter or digit (more than FTS5 allows there). */
const BETWEEN_WORDS = "[^a-zA-Z0-9]+";
/** Before a word's first letter and after its last: no ASCII letter or digit (regular-expression lookbehind and lookahead). */
const WORD_START = "(?<![a-zA-Z0-9])";
const WORD_END = "(?![a-zA-Z0-9])";

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
 * The note's title or body holds the pattern. regexp_like (PostgreSQL 15) matches as `~` does, but has no planner
 * support function: `~` and textregexeq, the function behind it, do, and it estimates each pattern's selectivity by
 * running it on the column's sampled titles and bodies while planning (about 0.9 ms for each pattern and column over
 * bodies of 1 KB, which the plans here do not depend on; "copper" over 100,000 notes planned in 3.3 ms against 1.2).
 */
function matchesIn(pattern: string): SQL {
  return sql`(regexp_like(n.title, ${pattern}) OR regexp_like(n.body, ${pattern}))`;
}

/**
 * The server-side check: each word of a phrase (its first MAX_FILTER_WORDS) must occur in the title or the body as a
 * substring, folded as FTS5 folds, and a phrase's words one after the other, with no letter or digit between them;
 * AND and OR stay and `a NOT b` is a's check. It keeps every FTS5 match (any word
 * FTS5 sees is such a substring), so only notes that may match leave the server, stop words and stems included.
 */
export function substringCheckOf(expr: Expr): SQL | boolean {
  switch (expr.kind) {
    case "phrase": {
      if (expr.words.length === 0) return false;
      const words = expr.words.map((word) => word.folded);
      const last = words.length - 1;
      // A word starts where no ASCII letter or digit stands before it, and, unless it is the phrase's prefix, ends
      // where none follows (FTS5 keeps more in a word than these, so the check still keeps every match).
      const whole = (word: string, i: number) => `${WORD_START}${substringPattern(word)}${expr.prefix && i === last ? "" : WORD_END}`;
      if (words.length > 1 && words.length <= MAX_FILTER_WORDS && words.every((word) => [...word].length <= MAX_SUBSTRING_WORD)) {
        // A phrase's words are neighbours in one column: between two of them only characters FTS5 does not keep in a
        // word, none of which is an ASCII letter or digit. So "rate cuts" skips the notes holding "rates … cuts".
        const pattern = words.map((word, i) => (i === 0 ? whole(word, i) : substringPattern(word) + (expr.prefix && i === last ? "" : WORD_END))).join(BETWEEN_WORDS);
        return matchesIn(pattern);
      }
      const checks = words
        .slice(0, MAX_FILTER_WORDS)
        .map((word, i) => ({ word, i }))
        .filter(({ word }) => [...word].length <= MAX_SUBSTRING_WORD)
        .map(({ word, i }) => {
          const pattern = whole(word, i);
          return matchesIn(pattern);
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
