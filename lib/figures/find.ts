// Finds the live figures (`:value{…}`) in a note's Markdown as the renderer reads them (fenced and inline code are ignored), with where each stands in the text.
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { directiveAttributes } from "@/lib/notes/directives";
import { figureKey, figureSpecOf, type FigureSpec } from "./spec";

/** One `:value{…}` in a text: its spec and key, or why it cannot be read; `start`/`end` are offsets into the text. */
export type FoundFigure = { start: number; end: number; source: string } & ({ ok: true; spec: FigureSpec; key: string } | { ok: false; reason: string });

type DirectiveNode = Node & { name?: string; attributes?: Record<string, string | null | undefined> | null };

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** True when a text may hold a figure: a cheap test before parsing. */
export function mayHoldFigures(markdown: string): boolean {
  return markdown.includes(":value{") || markdown.includes(":value[");
}

/** Every figure directive in the text, in order (repeats included). */
export function findFigures(markdown: string): FoundFigure[] {
  if (!mayHoldFigures(markdown)) return [];
  const found: FoundFigure[] = [];
  visit(parser.parse(markdown), "textDirective", (node: DirectiveNode) => {
    if (node.name !== "value") return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const source = markdown.slice(start, end);
    const read = figureSpecOf(node.attributes);
    found.push(read.ok ? { start, end, source, ok: true, spec: read.spec, key: figureKey(read.spec) } : { start, end, source, ok: false, reason: read.reason });
  });
  return found;
}

const FIGURE_DIRECTIVE = /(?<!\\):value(?:\[[^\]\n]{0,200}\])?\{((?:[^}"'\n]|"[^"\n]*"|'[^'\n]*')*)\}/g;

/**
 * The distinct keys of the readable figures in a text, in order of first appearance, found by a scan rather than a
 * Markdown parse (a parse of a long note takes milliseconds, and a page asks several times). It may also list a
 * figure that the renderer leaves as text (inside code), never misses one the renderer shows.
 */
export function figureKeysOf(markdown: string): string[] {
  if (!mayHoldFigures(markdown)) return [];
  const keys = new Set<string>();
  for (const match of markdown.matchAll(FIGURE_DIRECTIVE)) {
    const read = figureSpecOf(directiveAttributes(match[1] ?? ""));
    if (read.ok) keys.add(figureKey(read.spec));
  }
  return [...keys];
}
