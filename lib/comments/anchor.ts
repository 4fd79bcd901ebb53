// Where a comment thread sits in a note: an anchor (the quoted passage, a little context each side, its offsets), found from a selection and kept through edits.
/** The passage of a note a thread is on (the same shape as the `comments.anchor` column's). */
export type CommentAnchor = { quote: string; prefix: string; suffix: string; start: number; end: number };

/** Characters of context kept each side of a quoted passage. */
export const CONTEXT = 32;
/** The longest passage an anchor quotes. */
export const QUOTE_MAX = 2000;

/** The anchor for `body[start, end)`: the quote, with up to 32 characters of context each side. Offsets are clamped. */
export function anchorAt(body: string, start: number, end: number): CommentAnchor {
  const s = Math.max(0, Math.min(start, body.length));
  const e = Math.max(s, Math.min(end, body.length));
  return { quote: body.slice(s, e), prefix: body.slice(Math.max(0, s - CONTEXT), s), suffix: body.slice(e, e + CONTEXT), start: s, end: e };
}

/** Markup the reading view does not show: emphasis, code and strike marks, link brackets. */
const MARKUP = new Set(["*", "_", "`", "~", "[", "]"]);
const SPACE = /\s/;

/**
 * A text as the reading view shows it, for matching: markup marks left out, a link's target `](…)` left out, runs of
 * white space as one space. `at[i]` is the offset in the source of the i-th character kept.
 */
function normalized(text: string): { text: string; at: number[] } {
  let out = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "]" && text[i + 1] === "(") {
      const close = text.indexOf(")", i + 2);
      const target = close === -1 ? "" : text.slice(i + 2, close);
      if (close !== -1 && !/[\s()]/.test(target) && target.length <= 2000) {
        i = close;
        continue;
      }
    }
    if (MARKUP.has(c)) continue;
    if (SPACE.test(c)) {
      if (out.endsWith(" ") || out.length === 0) continue;
      out += " ";
      at.push(i);
      continue;
    }
    out += c;
    at.push(i);
  }
  return { text: out, at };
}

/** How many characters `a` and `b` share at their ends (`fromEnd`) or starts. */
function shared(a: string, b: string, fromEnd: boolean): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  if (fromEnd) while (k < n && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  else while (k < n && a[k] === b[k]) k++;
  return k;
}

/** Every offset where `needle` starts in `text` (non-empty needle). */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

type Hint = { prefix?: string; suffix?: string; start?: number };

/**
 * Picks the best of several candidate passages: the most context matching each side, then the nearest to `start`.
 * Context counts far more than distance, so a duplicate of the quote elsewhere loses to the passage that kept its context.
 */
function best<T extends { start: number; before: string; after: string }>(candidates: T[], hint: Hint, span: number): T | null {
  let winner: T | null = null;
  let top = -Infinity;
  for (const c of candidates) {
    const context = (hint.prefix ? shared(c.before, hint.prefix, true) : 0) + (hint.suffix ? shared(c.after, hint.suffix, false) : 0);
    const distance = hint.start === undefined ? 0 : Math.abs(c.start - hint.start);
    const score = context * (span + 1) - distance;
    if (score > top) {
      top = score;
      winner = c;
    }
  }
  return winner;
}

/**
 * Finds a passage selected in the rendered reading view in the note's Markdown: it matches even where the Markdown
 * has marks the reading view does not show (`*`, `_`, `` ` ``, `~`, link brackets and targets) and other white space.
 * Of several occurrences, the one whose surroundings match the hint's prefix and suffix best, then the one nearest
 * the hint's start. Returns the anchor over the Markdown's own text, or null when the passage is not there.
 */
export function locateQuote(body: string, quote: string, hint: Hint = {}): CommentAnchor | null {
  const q = normalized(quote).text.trim();
  if (!q) return null;
  const b = normalized(body);
  const prefix = hint.prefix === undefined ? undefined : normalized(hint.prefix).text;
  const suffix = hint.suffix === undefined ? undefined : normalized(hint.suffix).text;
  const candidates = occurrences(b.text, q).map((i) => ({
    start: b.at[i]!,
    end: b.at[i + q.length - 1]! + 1,
    before: b.text.slice(Math.max(0, i - CONTEXT), i),
    after: b.text.slice(i + q.length, i + q.length + CONTEXT),
  }));
  const chosen = best(candidates, { prefix, suffix, start: hint.start }, body.length);
  return chosen ? anchorAt(body, chosen.start, chosen.end) : null;
}

/** Context shorter than this (both sides together) is too little to find an edited passage by. */
const MIN_CONTEXT = 8;

/**
 * The passage `anchor` names, in a new version of the note. An exact occurrence of the quote, scored by the context
 * each side and closeness to where it was; if the quote is gone but its context each side is still there (the passage
 * was edited inside), the text between them, as the new quote; otherwise null: the passage is gone (detached).
 */
export function reanchor(anchor: CommentAnchor, newBody: string): CommentAnchor | null {
  if (newBody.slice(anchor.start, anchor.end) === anchor.quote && anchor.quote) {
    const same = anchorAt(newBody, anchor.start, anchor.end);
    if (same.prefix === anchor.prefix && same.suffix === anchor.suffix) return same;
  }
  const exact = occurrences(newBody, anchor.quote).map((start) => ({
    start,
    before: newBody.slice(Math.max(0, start - CONTEXT), start),
    after: newBody.slice(start + anchor.quote.length, start + anchor.quote.length + CONTEXT),
  }));
  const found = best(exact, anchor, newBody.length);
  if (found) return anchorAt(newBody, found.start, found.start + anchor.quote.length);
  return between(anchor, newBody);
}

/** The text between the anchor's prefix and suffix in the new body, when both are still there and something is between them. */
function between(anchor: CommentAnchor, body: string): CommentAnchor | null {
  const atStart = anchor.prefix === "" && anchor.start === 0;
  const atEnd = anchor.suffix === "";
  if (atStart && atEnd) return null;
  if (anchor.prefix.length + anchor.suffix.length < MIN_CONTEXT && !atStart && !atEnd) return null;
  const limit = Math.max(QUOTE_MAX, anchor.quote.length);
  const starts = atStart ? [0] : occurrences(body, anchor.prefix).map((p) => p + anchor.prefix.length);
  let chosen: { start: number; end: number } | null = null;
  for (const s of starts) {
    const e = atEnd ? body.length : body.indexOf(anchor.suffix, s);
    if (e === -1 || e - s > limit) continue;
    if (!chosen || Math.abs(s - anchor.start) < Math.abs(chosen.start - anchor.start)) chosen = { start: s, end: e };
  }
  if (!chosen || !body.slice(chosen.start, chosen.end).trim()) return null;
  return anchorAt(body, chosen.start, chosen.end);
}
