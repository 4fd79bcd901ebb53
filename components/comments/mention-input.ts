// The `@` in a comment box: which mention is being typed at the caret, the members it matches, and the text once one is picked.

export type MentionMember = { id: string; name: string };

/** An `@query` being typed: from the `@` (start) to the caret (end). */
export type ActiveMention = { start: number; end: number; query: string };

const MAX_QUERY = 40;
const OPENERS = /[\s([{"'“‘]/;

/**
 * The mention being typed at `caret`, if any: an `@` at the start of the text or after a space or an opening bracket
 * (so an email address is not one), followed by up to 40 characters on the same line with no `@`, brackets or
 * double spaces. A single space is allowed, to type a full name.
 */
export function activeMention(text: string, caret: number): ActiveMention | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  const at = text.lastIndexOf("@", caret - 1);
  if (at < from || at < 0) return null;
  if (at > 0 && !OPENERS.test(text[at - 1]!)) return null;
  const query = text.slice(at + 1, caret);
  if (/[\n@[\]()]/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, end: caret, query };
}

/** Members whose name matches the query, best first: the name starts with it, then a word of it does, then it contains it. */
export function filterMembers<M extends MentionMember>(members: readonly M[], query: string, limit = 8): M[] {
  const q = query.trim().toLowerCase();
  if (!q) return members.slice(0, limit);
  const scored: { member: M; score: number; i: number }[] = [];
  members.forEach((member, i) => {
    const name = member.name.toLowerCase();
    const score = name.startsWith(q) ? 0 : name.split(/\s+/).some((w) => w.startsWith(q)) ? 1 : name.includes(q) ? 2 : -1;
    if (score >= 0) scored.push({ member, score, i });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, limit)
    .map((s) => s.member);
}

/** The text with the typed `@query` replaced by a mention's Markdown and a space, and the caret after it. */
export function insertMention(text: string, mention: ActiveMention, markdown: string): { text: string; caret: number } {
  const after = text.slice(mention.end);
  const insert = after.startsWith(" ") ? markdown : `${markdown} `;
  return { text: text.slice(0, mention.start) + insert + after, caret: mention.start + insert.length + (after.startsWith(" ") ? 1 : 0) };
}
