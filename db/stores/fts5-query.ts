// FTS5 queries read in JavaScript: words as SQLite's unicode61 tokenizer sees them, the query language parsed, and a query evaluated on a note's words exactly.

// ---------------------------------------------------------------------------------------------------------------
// Words as SQLite's unicode61 tokenizer (remove_diacritics 2) sees them

/** Combining marks unicode61 treats as diacritics (sqlite3Fts5UnicodeIsdiacritic): part of a word, dropped from it. */
export const DIACRITIC_CODES: number[] = (() => {
  const codes: number[] = [];
  for (const [base, mask] of [
    [768, 0x08029fdf],
    [800, 0x000361f8],
  ] as const) {
    for (let bit = 0; bit < 32; bit++) if ((mask >>> bit) & 1 && base + bit <= 817) codes.push(base + bit);
  }
  return codes;
})();
const DIACRITICS = new Set(DIACRITIC_CODES);
/** A word: letters, numbers and private-use characters (unicode61's token characters), with its diacritics. */
const WORD = new RegExp(`[\\p{L}\\p{N}\\p{Co}${DIACRITIC_CODES.map((c) => `\\u{${c.toString(16)}}`).join("")}]+`, "gu");
const ASCII = /^[\x00-\x7f]*$/;
const LATIN_WITH_MARKS = /^[\x00-\x7f]\p{M}+$/u;

/** A word lowercased, with the diacritics of Latin letters removed (é → e, ṩ → s; ø, ß and Greek accents stay, as in unicode61). */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return lower;
  let out = "";
  for (const ch of lower) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out += ch;
    else if (DIACRITICS.has(code)) continue;
    else if (code === 0x3c2) out += "σ"; // final sigma folds to σ
    else {
      const decomposed = ch.normalize("NFD");
      out += LATIN_WITH_MARKS.test(decomposed) ? decomposed[0] : ch;
    }
  }
  return out;
}

/** The words of a text as FTS5 indexes them. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded) words.push(folded);
  }
  return words;
}

// ---------------------------------------------------------------------------------------------------------------
// The FTS5 expression

export type Word = { raw: string; folded: string };
/** A phrase (its words in order; with `prefix`, the last word is a prefix); one with no words matches nothing, as in FTS5. */
type Phrase = { kind: "phrase"; words: Word[]; prefix: boolean };
export type Expr = Phrase | { kind: "and" | "or" | "not"; left: Expr; right: Expr };

type Token = { type: "phrase"; text: string; prefix: boolean } | { type: "op"; op: "AND" | "OR" | "NOT" } | { type: "(" | ")" };

/** toFtsQuery makes at most 63 terms; anything past these bounds is ignored. */
const MAX_PHRASES = 64;
const MAX_TOKENS = 512;
const BAREWORD = /(?:[A-Za-z0-9_\x1a]|[^\x00-\x7f])+/uy;

/** FTS5's tokens: "quoted strings" ("" inside is a quote) and barewords, `*` after either for a prefix, AND/OR/NOT, parentheses; anything else is skipped. */
export function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let phrases = 0;
  let i = 0;
  while (i < query.length && tokens.length < MAX_TOKENS && phrases < MAX_PHRASES) {
    const c = query[i]!;
    if (c === '"') {
      let text = "";
      i++;
      for (;;) {
        const close = query.indexOf('"', i);
        if (close === -1) {
          text += query.slice(i);
          i = query.length;
          break;
        }
        text += query.slice(i, close);
        if (query[close + 1] === '"') {
          text += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const prefix = query[i] === "*";
      if (prefix) i++;
      tokens.push({ type: "phrase", text, prefix });
      phrases++;
    } else if (c === "(" || c === ")") {
      tokens.push({ type: c });
      i++;
    } else {
      BAREWORD.lastIndex = i;
      const match = BAREWORD.exec(query);
      if (!match) {
        i++;
        continue;
      }
      const word = match[0];
      i += word.length;
      if (word === "AND" || word === "OR" || word === "NOT") tokens.push({ type: "op", op: word });
      else {
        const prefix = query[i] === "*";
        if (prefix) i++;
        tokens.push({ type: "phrase", text: word, prefix });
        phrases++;
      }
    }
  }
  return tokens;
}

function phraseOf(text: string, prefix: boolean): Phrase {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded) words.push({ raw: match[0], folded });
  }
  return { kind: "phrase", words, prefix };
}

function join(kind: "and" | "or", left: Expr | null, right: Expr | null): Expr | null {
  return left && right ? { kind, left, right } : (left ?? right);
}

/**
 * FTS5's grammar with its precedence (NOT binds tighter than AND, AND tighter than OR; juxtaposed phrases are ANDed),
 * read leniently: an operator without an operand and unbalanced parentheses are ignored rather than an error.
 */
export function parse(tokens: Token[]): Expr | null {
  let pos = 0;
  const isOp = (op: "AND" | "OR" | "NOT") => {
    const t = tokens[pos];
    return t?.type === "op" && t.op === op;
  };
  function primary(): Expr | null {
    const t = tokens[pos];
    if (t?.type === "phrase") {
      pos++;
      return phraseOf(t.text, t.prefix);
    }
    if (t?.type === "(") {
      pos++;
      const inner = or();
      if (tokens[pos]?.type === ")") pos++;
      return inner;
    }
    return null;
  }
  function not(): Expr | null {
    let left = primary();
    while (isOp("NOT")) {
      pos++;
      const right = primary();
      left = left && right ? { kind: "not", left, right } : (left ?? right);
    }
    return left;
  }
  function and(): Expr | null {
    let left = not();
    for (;;) {
      const t = tokens[pos];
      if (isOp("AND")) {
        pos++;
        left = join("and", left, not());
      } else if (t?.type === "phrase" || t?.type === "(") left = join("and", left, not());
      else return left;
    }
  }
  function or(): Expr | null {
    let left = and();
    while (isOp("OR")) {
      pos++;
      left = join("or", left, and());
    }
    return left;
  }
  let expr: Expr | null = null;
  while (pos < tokens.length) {
    const before = pos;
    expr = join("and", expr, or());
    if (pos === before) pos++; // a stray ")" or operator
  }
  return expr;
}

// ---------------------------------------------------------------------------------------------------------------
// The exact check: the FTS5 expression over the words of the title and of the body

function phraseIn(words: string[], phrase: Phrase): boolean {
  const n = phrase.words.length;
  if (n === 0) return false;
  outer: for (let i = 0; i + n <= words.length; i++) {
    for (let j = 0; j < n; j++) {
      const word = words[i + j]!;
      const wanted = phrase.words[j]!.folded;
      if (j === n - 1 && phrase.prefix ? !word.startsWith(wanted) : word !== wanted) continue outer;
    }
    return true;
  }
  return false;
}

/** Whether the expression matches a note whose columns hold these words (a phrase matches within one column). */
export function evaluate(expr: Expr, columns: string[][]): boolean {
  switch (expr.kind) {
    case "phrase":
      return columns.some((words) => phraseIn(words, expr));
    case "and":
      return evaluate(expr.left, columns) && evaluate(expr.right, columns);
    case "or":
      return evaluate(expr.left, columns) || evaluate(expr.right, columns);
    case "not":
      return evaluate(expr.left, columns) && !evaluate(expr.right, columns);
  }
}

