// Finds the ::chart{id=…} and ::question{id=…} embeds in a note's Markdown.
export type EmbedKind = "chart" | "question";
export type Embed = { kind: EmbedKind; id: string };

const LEAF_DIRECTIVE = /^[ \t]{0,3}::(chart|question)\{([^}\n]*)\}[ \t]*$/gm;
const ID_ATTRIBUTE = /(?:^|\s)id=(?:"([^"]*)"|'([^']*)'|([^\s"']+))/;

/** The embeds of a body, in order of first appearance, without repeats; fenced code is ignored. */
export function findEmbeds(markdown: string): Embed[] {
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, "");
  const seen = new Set<string>();
  const embeds: Embed[] = [];
  for (const match of withoutCode.matchAll(LEAF_DIRECTIVE)) {
    const attrs = ID_ATTRIBUTE.exec(match[2] ?? "");
    const id = (attrs?.[1] ?? attrs?.[2] ?? attrs?.[3] ?? "").trim();
    const kind = match[1] as EmbedKind;
    if (!id || id.length > 64 || seen.has(`${kind}:${id}`)) continue;
    seen.add(`${kind}:${id}`);
    embeds.push({ kind, id });
  }
  return embeds;
}

/** The directive text that embeds a chart or a question. */
export function embedDirective(embed: Embed): string {
  return `::${embed.kind}{id=${embed.id}}`;
}
