// A note's Markdown as plain readable text for snippets and excerpts: no directives, table rules, markers or link targets; dates and hyphenated words kept.

const LEAF_DIRECTIVE = /^:{2,}[a-z][\w-]*(?:\[[^\]]{0,200}\])?(?:\{[^}]{0,400}\})?$/i;
const CONTAINER_FENCE = /^:{3,}[a-z\w-]*/i;
const TABLE_RULE = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const CODE_FENCE = /^(?:`{3,}|~{3,})/;
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]{1,60}\]:[ \t]*/;
/** The first characters a block-level construct (directive, table, rule, fence, quote, heading, list, footnote) can start with. */
const BLOCK_START = /^[:|\-*_`~\[>#+\d]/;
const INLINE_MARKUP = /[\\[\]`*_~<:#!]/;
const BLOCK_MARKERS = /^(?:>[ \t]?)+|^#{1,6}[ \t]+|^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

/** One line's inline Markdown as text. Every pattern is bounded or single-pass, so any input takes linear time. */
function inlineText(line: string): string {
  if (!INLINE_MARKUP.test(line)) return line;
  return line
    .replace(/:([a-z][\w-]*)(?:\[([^\]\n]{0,200})\])?\{[^}\n]{0,400}\}/gi, (_m, name: string, label: string | undefined) => label ?? (name === "value" ? "…" : ""))
    .replace(/\[\^[^\]\s]{1,60}\]/g, "")
    .replace(/\]\([^()\s]{0,2000}(?:[ \t]+"[^"\n]{0,200}")?\)/g, "]")
    .replace(/<(https?:\/\/[^>\s]{1,2000})>/gi, "$1")
    .replace(/<\/?[a-z][^<>\n]{0,200}>/gi, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])|!\[|[[\]`*]+|~~|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])/g, (_m, escaped: string | undefined) => escaped ?? "")
    .replace(/[ \t]*#+[ \t]*$/, "");
}

function tableRow(line: string): string {
  return line
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => inlineText(cell.trim()))
    .filter(Boolean)
    .join(" · ");
}

/** The readable text of a Markdown body, in one line; with `enough`, reading stops once that many characters are out. */
export function plainTextOf(markdown: string, enough = Infinity): string {
  const out: string[] = [];
  let length = 0;
  const push = (text: string) => {
    out.push(text);
    length += text.length + 1;
  };
  for (let from = 0; from < markdown.length && length <= enough; ) {
    const newline = markdown.indexOf("\n", from);
    const to = newline === -1 ? markdown.length : newline;
    const raw = markdown.slice(from, to);
    from = to + 1;
    const line = raw.trim();
    if (!line) continue;
    if (!BLOCK_START.test(line)) {
      push(inlineText(line));
      continue;
    }
    if (LEAF_DIRECTIVE.test(line) || CONTAINER_FENCE.test(line) || TABLE_RULE.test(line) || THEMATIC_BREAK.test(line) || CODE_FENCE.test(line)) continue;
    if (line.startsWith("|")) {
      push(tableRow(line));
      continue;
    }
    push(inlineText(line.replace(FOOTNOTE_DEFINITION, "").replace(BLOCK_MARKERS, "")));
  }
  // Each run of whitespace as one space; a lone space is left alone (replacing each of a body's spaces by itself took
  // about half of this function's time).
  return out.join(" ").replace(/\s{2,}|[^\S ]/g, " ").trim();
}

const EXCERPT_CHARS = 220;

/** The first words of a note's body as plain text (its leading heading, usually the title again, left out), for lists. */
export function excerptOf(body: string): string {
  const text = plainTextOf(body.replace(/^[ \t]*#{1,6}[ \t][^\n]*/, ""), EXCERPT_CHARS);
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
}
