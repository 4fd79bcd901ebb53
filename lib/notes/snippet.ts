// Builds a search snippet in plain code: the passage around the first matched word, with matches marked.
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./search-query";

export type SearchTerm = { text: string; prefix: boolean };

const WORD = /[\p{L}\p{N}_]+/gu;

function fold(word: string): string {
  const lower = word.toLowerCase();
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize("NFKD").replace(/\p{M}/gu, "");
}

/** The words of a typed query as the index sees them (lowercased, accents removed), each marked as a prefix or not. */
export function termsOf(ftsQuery: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of ftsQuery.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) {
    for (const word of match[1]!.replace(/""/g, '"').match(WORD) ?? []) terms.push({ text: fold(word), prefix: match[2] === "*" });
  }
  return terms;
}

/** The terms, and the first characters they start with: a word whose first character is ASCII folds it to its lower case. */
type Lookup = { terms: SearchTerm[]; firsts: Set<number> };

function lookupOf(terms: SearchTerm[]): Lookup {
  return { terms, firsts: new Set(terms.map((t) => t.text.charCodeAt(0))) };
}

/** False when the word starting with this character matches no term: most words are told apart so, without folding them. */
function mayMatch(firstCode: number, { firsts }: Lookup): boolean {
  return firstCode >= 0x80 || firsts.has(firstCode >= 0x41 && firstCode <= 0x5a ? firstCode + 0x20 : firstCode);
}

function matches(word: string, lookup: Lookup): boolean {
  if (!mayMatch(word.charCodeAt(0), lookup)) return false;
  const folded = fold(word);
  return lookup.terms.some((t) => (t.prefix ? folded.startsWith(t.text) : folded === t.text));
}

function mark(text: string, lookup: Lookup): string {
  return text.replace(WORD, (word) => (matches(word, lookup) ? `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}` : word));
}

/** `text` with every matched word wrapped in the highlight markers. */
export function markMatches(text: string, terms: SearchTerm[]): string {
  return mark(text, lookupOf(terms));
}

/** About `size` words of `text` around the first match (the start when nothing matches), with matches marked. */
export function snippetOf(text: string, terms: SearchTerm[], size = 24): string {
  // Each run of whitespace as one space; a lone space is left alone, so text that is already one line (as plainTextOf
  // makes it) is not copied.
  const plain = text.replace(/\s{2,}|[^\S ]/g, " ").trim();
  const lead = Math.floor(size / 3);
  // Word starts, read only as far as the snippet needs: up to the word after its last one.
  const lookup = lookupOf(terms);
  const starts: number[] = [];
  let first = -1;
  const scan = new RegExp(WORD.source, "gu");
  for (let m = scan.exec(plain); m; m = scan.exec(plain)) {
    starts.push(m.index);
    if (first === -1 && matches(m[0], lookup)) first = starts.length - 1;
    if (first !== -1 && starts.length > Math.max(0, first - lead) + size) break;
  }
  if (starts.length === 0) return "";
  const startWord = Math.max(0, (first === -1 ? 0 : first) - lead);
  const endWord = startWord + size;
  const from = startWord === 0 ? 0 : starts[startWord]!;
  const to = endWord >= starts.length ? plain.length : starts[endWord]!;
  return `${from > 0 ? "…" : ""}${mark(plain.slice(from, to).trim(), lookup)}${to < plain.length ? "…" : ""}`;
}
