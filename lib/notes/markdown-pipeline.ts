// The one set of remark/rehype plugins that turns a note's Markdown into HTML: the app's MarkdownView, the export and the share page all use it.
import rehypeSanitize from "rehype-sanitize";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import type { Element, Root } from "hast";
import type { PluggableList } from "unified";
import { visit } from "unist-util-visit";
import { remarkEmbeds } from "./remark-embeds";
import { remarkMentions } from "./remark-mentions";
import { isExternalHref, noteSanitizeSchema } from "./sanitize";

const ALIGNMENTS = new Set(["left", "right", "center"]);

/**
 * After sanitizing: a table cell's `align` becomes a class (`align-right`…), so that the app's and the share page's
 * stylesheets both honour it (a stylesheet's `text-align` would override the attribute).
 */
export function rehypeTableAlignClasses() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "td" && node.tagName !== "th") return;
      const align = node.properties?.align;
      if (align === undefined) return;
      const { align: _dropped, ...rest } = node.properties;
      node.properties = ALIGNMENTS.has(String(align)) ? { ...rest, className: [`align-${String(align)}`] } : rest;
    });
  };
}

/** After sanitizing: external links open in a new tab without handing over the opener or the referrer. */
export function rehypeSafeExternalLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a" && isExternalHref(String(node.properties?.href ?? ""))) {
        node.properties = { ...node.properties, target: "_blank", rel: ["noopener", "noreferrer"] };
      }
    });
  };
}

/** Markdown to mdast: GFM (tables, footnotes, task lists), directives, chart and question embeds, and mentions (`@[Name](mention:ID)`). */
export const noteRemarkPlugins: PluggableList = [remarkGfm, remarkDirective, remarkEmbeds, remarkMentions];

/** hast to safe hast: the sanitizer first, then table alignment as classes and safe external links. */
export const noteRehypePlugins: PluggableList = [[rehypeSanitize, noteSanitizeSchema], rehypeTableAlignClasses, rehypeSafeExternalLinks];

/** The CSS both the app and the share page carry for what the pipeline makes (alignment, the footnotes' hidden heading). */
export const NOTE_MARKDOWN_STYLES = `
th.align-left,td.align-left{text-align:left}th.align-center,td.align-center{text-align:center}th.align-right,td.align-right{text-align:right}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.footnotes{margin-top:28px;padding-top:10px;border-top:1px solid #e4e4df;font-size:.88rem}
.mention{color:#2f5bd3;background:#e8eefc;border-radius:3px;padding:0 3px;font-weight:550;white-space:nowrap}
`;
