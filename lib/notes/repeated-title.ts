// A note body without an opening "# heading" that only repeats the note's title (the reading view shows the title above it).

const OPENING_HEADING = /^\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/;

/** The body with its first-line level-one heading removed when that heading is the title (case and spacing aside). */
export function withoutRepeatedTitle(body: string, title: string): string {
  const match = OPENING_HEADING.exec(body);
  const normal = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
  if (!match || normal(match[1]!) !== normal(title)) return body;
  return body.slice(match[0].length);
}
