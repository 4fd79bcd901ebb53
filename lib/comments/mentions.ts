// Mentions in Markdown (`@[Display Name](mention:USER_ID)`): finding them, writing one, and a line of text around one for the inbox.
import { plainTextOf } from "@/lib/notes/plain-text";

/**
 * A mention as written in a comment or a note: `@[Display Name](mention:USER_ID)`. Global: use it with `matchAll` or
 * `replace` (never `exec`/`test` on the shared object, whose `lastIndex` moves). Group 1 is the name, group 2 the id.
 */
export const MENTION_PATTERN = /@\[([^[\]\n]{1,100})\]\(mention:([A-Za-z0-9_-]{1,64})\)/g;

export type Mention = { userId: string; name: string };

/** The people mentioned in a text, each once (the first name written for them), in order of first mention. */
export function mentionsIn(text: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const m of text.matchAll(MENTION_PATTERN)) {
    const userId = m[2]!;
    if (!seen.has(userId)) seen.set(userId, { userId, name: m[1]!.trim() });
  }
  return [...seen.values()];
}

/** The Markdown that mentions a person; brackets and line breaks in the name (which would end the mention) become spaces. */
export function mentionMarkdown(user: { id: string; name: string }): string {
  const name = user.name.replace(/[[\]\r\n]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 100) || "someone";
  return `@[${name}](mention:${user.id})`;
}

/** A text as it reads: mentions as `@Name`, Markdown markup gone, on one line. */
function readable(markdown: string): string {
  return plainTextOf(markdown.replace(MENTION_PATTERN, (_m, name: string) => `@${name.trim()}`))
    .replace(/\s+/g, " ")
    .trim();
}

export const EXCERPT_MAX = 140;
const WINDOW = 600;

/**
 * One line of plain text (at most 140 characters) around the character at `index` (where a mention starts): as much
 * of what follows as fits, with some of what leads up to it, cut at word boundaries and marked with "…" where cut.
 */
export function excerptAround(text: string, index: number): string {
  const at = Math.max(0, Math.min(index, text.length));
  // The paragraph around the mention, within a window.
  const paragraphStart = text.lastIndexOf("\n\n", at);
  const paragraphEnd = text.indexOf("\n\n", at);
  const from = Math.max(paragraphStart === -1 ? 0 : paragraphStart + 2, at - WINDOW);
  const to = Math.min(paragraphEnd === -1 ? text.length : paragraphEnd, at + WINDOW);
  // Start and end the window outside any mention it would cut.
  const before = readable(text.slice(from, at).replace(/@\[[^\]\n]*$/, ""));
  const after = readable(text.slice(at, to).replace(/^[^@[\n]*\]\(mention:[A-Za-z0-9_-]*\)/, ""));
  const whole = [before, after].filter(Boolean).join(" ");
  if (whole.length <= EXCERPT_MAX) return whole;
  // Room for what leads up to the mention: up to a third, more when what follows is short.
  const leadRoom = Math.min(before.length, Math.max(Math.floor(EXCERPT_MAX / 3), EXCERPT_MAX - 2 - after.length));
  let lead = "";
  if (leadRoom > 0 && before) {
    if (before.length <= leadRoom) lead = before;
    else {
      const tail = before.slice(before.length - (leadRoom - 1));
      const space = tail.indexOf(" ");
      lead = `…${space > 0 && space < tail.length - 1 ? tail.slice(space + 1) : tail}`;
    }
  }
  const room = EXCERPT_MAX - (lead ? lead.length + 1 : 0);
  let rest = after;
  if (rest.length > room) {
    const head = rest.slice(0, room - 1);
    const space = head.lastIndexOf(" ");
    rest = `${(space > room / 2 ? head.slice(0, space) : head).trimEnd()}…`;
  }
  return [lead, rest].filter(Boolean).join(" ").slice(0, EXCERPT_MAX);
}
