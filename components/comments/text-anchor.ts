// Finding a comment's passage in rendered text: the quote (Markdown from the note's source) and the page's text are compared without whitespace or Markdown markup.

/** What rendering drops or adds around text: whitespace and Markdown's markup characters. */
const IGNORED = /[\s*_~`#>|[\]\\]/;
const IGNORED_ALL = /[\s*_~`#>|[\]\\]+/g;

export function isIgnored(char: string): boolean {
  return IGNORED.test(char);
}

/** Rendered text as compared: without whitespace and markup characters. */
export function compactText(text: string): string {
  return text.replace(IGNORED_ALL, "");
}

/** A Markdown quote as the reader sees it, compacted: list and quote markers, link targets, footnote marks and tags dropped. */
export function compactQuote(markdown: string): string {
  return compactText(
    markdown
      .split("\n")
      .map((line) => line.replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/, ""))
      .join("\n")
      .replace(/\[\^[^\]\s]{1,60}\]/g, "")
      .replace(/(!?)\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, "$2")
      .replace(/<\/?[a-z][^<>\n]{0,200}>/gi, ""),
  );
}

/** A Markdown quote as plain text to show in a thread: markup dropped, whitespace collapsed. */
export function quoteText(markdown: string): string {
  return markdown
    .replace(/(!?)\[([^\]\n]{0,500})\]\(mention:[^)\n]{0,100}\)/g, "$2")
    .replace(/(!?)\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, "$2")
    .replace(/^\s*(?:>\s*)*(?:#{1,6}\s+|(?:[-*+]|\d{1,9}[.)])\s+)?/gm, "")
    .replace(/\*\*|__|~~|`|(?<![\w])[*_]|[*_](?![\w])/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Where `needle` (compacted) is in `haystack` (compacted): of several places, the one whose text before and after
 * matches the passage's prefix and suffix best, then the one nearest `near` (0 to 1: where it stood in the note).
 */
export function locate(haystack: string, needle: string, context: { prefix?: string; suffix?: string; near?: number } = {}): number {
  if (!needle) return -1;
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0 && found.length < 200; i = haystack.indexOf(needle, i + 1)) found.push(i);
  if (found.length <= 1) return found[0] ?? -1;
  const prefix = compactQuote(context.prefix ?? "").slice(-16);
  const suffix = compactQuote(context.suffix ?? "").slice(0, 16);
  const target = (context.near ?? 0) * haystack.length;
  const score = (i: number) => {
    let s = 0;
    if (prefix && haystack.slice(Math.max(0, i - prefix.length), i).endsWith(prefix)) s += 2;
    if (suffix && haystack.startsWith(suffix, i + needle.length)) s += 2;
    return s;
  };
  return found.reduce((best, i) => {
    const d = score(i) - score(best);
    return d > 0 || (d === 0 && Math.abs(i - target) < Math.abs(best - target)) ? i : best;
  });
}

/** Elements whose text is not the note's prose (charts, a figure's popover, embed cards). */
const SKIP = "svg, figure, .figure-pop, .embed-card, script, style, [data-comment-skip]";

/** The rendered text under `root`, compacted, with each of its characters' text node and offset. */
export type TextIndex = { text: string; nodes: Text[]; offsets: number[] };

export function buildTextIndex(root: Element): TextIndex {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) && root.contains(node.parentElement.closest(SKIP)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const chars: string[] = [];
  const nodes: Text[] = [];
  const offsets: number[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i += 1) {
      const c = data[i]!;
      if (IGNORED.test(c)) continue;
      chars.push(c);
      nodes.push(node);
      offsets.push(i);
    }
  }
  return { text: chars.join(""), nodes, offsets };
}

/** A DOM range over `length` compacted characters from `start`. */
export function rangeIn(index: TextIndex, start: number, length: number): Range | null {
  const end = start + length - 1;
  const first = index.nodes[start];
  const last = index.nodes[end];
  if (!first || !last || length <= 0) return null;
  const range = first.ownerDocument.createRange();
  range.setStart(first, index.offsets[start]!);
  range.setEnd(last, index.offsets[end]! + 1);
  return range;
}

/** The range of a thread's passage in rendered text, or null when it cannot be found there (a figure's value, an embed). */
export function findPassage(index: TextIndex, anchor: { quote: string; prefix?: string; suffix?: string; start?: number }, sourceLength: number): Range | null {
  const needle = compactQuote(anchor.quote);
  const at = locate(index.text, needle, { prefix: anchor.prefix, suffix: anchor.suffix, near: sourceLength > 0 && anchor.start !== undefined ? anchor.start / sourceLength : 0 });
  return at < 0 ? null : rangeIn(index, at, needle.length);
}
