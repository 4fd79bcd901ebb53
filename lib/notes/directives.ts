// Finds the ::chart{id=…} and ::question{id=…} embeds in a note's Markdown, as remark-directive reads them.
export type EmbedKind = "chart" | "question";
export type Embed = { kind: EmbedKind; id: string };

const LEAF_DIRECTIVE = /^ {0,3}::(chart|question)(?:\[(?:[^[\]\n]|\[[^[\]\n]*\])*\])?\{((?:[^}"'\n]|"[^"\n]*"|'[^'\n]*')*)\}[ \t]*$/;
const ATTRIBUTE = /#([^\s#.{}"'=]+)|\.[^\s#.{}"'=]+|([^\s#.{}"'=]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`{}]+)))?/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** A directive's `{…}` attributes as remark-directive reads them: `name=value`, `name="value"`, a bare `name` (""), `#id`; the last of a name wins. */
export function directiveAttributes(attributes: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of attributes.matchAll(ATTRIBUTE)) {
    if (a[1] !== undefined) out.id = a[1];
    else if (a[2] !== undefined) out[a[2]] = a[3] ?? a[4] ?? a[5] ?? "";
  }
  return out;
}

/** The directive's id: the last `id=…` or `#…` among its attributes, as remark-directive keeps it. */
function idOf(attributes: string): string {
  let id = "";
  for (const a of attributes.matchAll(ATTRIBUTE)) {
    if (a[1] !== undefined) id = a[1];
    else if (a[2] === "id") id = a[3] ?? a[4] ?? a[5] ?? "";
  }
  return id.trim();
}

/** Each line (0-based) of a body that is an embed directive, in order, repeats included; fenced code is ignored. */
export function findEmbedLines(lines: Iterable<string>): Array<Embed & { line: number }> {
  const found: Array<Embed & { line: number }> = [];
  let openFence: string | null = null;
  let index = -1;
  for (const line of lines) {
    index += 1;
    const fence = FENCE.exec(line);
    if (openFence !== null) {
      const closes = fence && fence[1]![0] === openFence[0] && fence[1]!.length >= openFence.length && fence[2]!.trim() === "";
      if (closes) openFence = null;
      continue;
    }
    if (fence && !(fence[1]![0] === "`" && fence[2]!.includes("`"))) {
      openFence = fence[1]!;
      continue;
    }
    const match = LEAF_DIRECTIVE.exec(line);
    if (!match) continue;
    const id = idOf(match[2] ?? "");
    if (id && id.length <= 64) found.push({ kind: match[1] as EmbedKind, id, line: index });
  }
  return found;
}

/** The embeds of a body, in order of first appearance, without repeats; fenced code is ignored. */
export function findEmbeds(markdown: string): Embed[] {
  const seen = new Set<string>();
  const embeds: Embed[] = [];
  for (const { kind, id } of findEmbedLines(markdown.split(/\r\n|\r|\n/))) {
    if (seen.has(`${kind}:${id}`)) continue;
    seen.add(`${kind}:${id}`);
    embeds.push({ kind, id });
  }
  return embeds;
}

/** The directive text that embeds a chart or a question. */
export function embedDirective(embed: Embed): string {
  return `::${embed.kind}{id=${embed.id}}`;
}
