// A note as a standalone HTML page (export) and as a share page's article, through the same Markdown plugins and sanitizer as the app.
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Element, Root } from "hast";
import { NOTE_MARKDOWN_STYLES, noteRehypePlugins, noteRemarkPlugins } from "./markdown-pipeline";
import { isExternalHref } from "./sanitize";

/** The export's stylesheet (the share page uses it too). */
export const STANDALONE_STYLES = `
body{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1d1f;background:#fff;margin:0;line-height:1.65}
main{max-width:760px;margin:0 auto;padding:48px 24px}
header{color:#6b6f76;font-size:.85rem;margin-bottom:28px;border-bottom:1px solid #e4e4df;padding-bottom:12px}
h1{font-size:1.9rem;line-height:1.25;margin:0 0 16px}h2{font-size:1.3rem;margin:28px 0 10px}
table{border-collapse:collapse;width:100%;margin:0 0 16px}th,td{border:1px solid #e4e4df;padding:7px 12px;text-align:left}th{background:#f4f4f1}
code{background:#f1f1ee;padding:1px 5px;border-radius:4px;font-size:.9em}pre{background:#f1f1ee;padding:14px;border-radius:6px;overflow-x:auto}
blockquote{border-left:3px solid #d2d2cb;margin:0 0 14px;padding-left:14px;color:#55585e}a{color:#2f5bd3}
.embed-card{border:1px dashed #d2d2cb;border-radius:8px;padding:12px 14px;margin:0 0 14px;color:#55585e}
figure.chart{margin:0 0 18px;padding:12px 14px;border:1px solid #e4e4df;border-radius:8px}figure.chart svg{max-width:100%;height:auto}
figure.chart figcaption{font-weight:600;margin-bottom:6px}figure.chart p{color:#6b6f76;font-size:.85rem;margin:6px 0 0}
.figure{border-bottom:1px dotted #2f5bd3;background:#e8eefc;border-radius:3px;padding:0 3px}.figure-error{border-bottom:1px dashed #c2362f;background:#fbeceb;font-size:.9em}
${NOTE_MARKDOWN_STYLES}`;

/** A chart as the export shows it: its server-drawn SVG (trusted markup from Plot), title and text description. */
export type ExportChart = { title: string; description: string; svg: string };

/** Markup for an embed (trusted: drawn by Quire, not written by the user), or null to keep its card. */
export type EmbedHtml = (kind: "chart" | "question", id: string) => string | null;

/** After sanitizing: each embed card that `render` draws becomes that markup (no JavaScript needed). */
function rehypeEmbedsAsHtml(render: EmbedHtml) {
  return () => (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined || node.tagName !== "div") return;
      const kind = node.properties?.dataEmbedKind;
      if (kind !== "chart" && kind !== "question") return;
      const html = render(kind, String(node.properties?.dataEmbedId ?? ""));
      if (html !== null) parent.children[index] = { type: "raw", value: html } as unknown as Element;
    });
  };
}

/** A live figure as a page without JavaScript shows it: its text and, on hover, where it came from; or why it has none. */
export type StaticFigure = { text: string; provenance: string } | { problem: string };

/**
 * After sanitizing: each `:value{…}` place (lib/notes/remark-embeds.ts) shows its figure from `figures` (by key), its
 * reading problem, or, when `figures` has no entry, a marker saying it is not available here.
 */
function rehypeFiguresAsText(figures: Map<string, StaticFigure>) {
  return () => (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "span") return;
      const key = node.properties?.dataFigure;
      const error = node.properties?.dataFigureError;
      if (key === undefined && error === undefined) return;
      const figure: StaticFigure = error !== undefined ? { problem: String(error) } : (figures.get(String(key)) ?? { problem: "this figure is not available here" });
      if ("problem" in figure) {
        node.properties = { className: ["figure", "figure-error"] };
        node.children = [{ type: "text", value: `⚠ ${figure.problem}` }];
      } else {
        node.properties = { className: ["figure"], title: figure.provenance };
        node.children = [{ type: "text", value: figure.text }];
      }
    });
  };
}

/** A chart as a figure: its server-drawn SVG, title and text description. */
export function chartFigureHtml(chart: ExportChart, svg = chart.svg): string {
  return `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption>${svg}<p>${escapeHtml(chart.description)}</p></figure>`;
}

/** True for a link to a place in the same page (a footnote and its way back). */
const isFragmentHref = (href: string) => /^#[^\s]*$/.test(href);

/** After sanitizing, for share pages: a link that is neither external nor within the page (into the app, or relative) keeps its text only. */
function rehypeDropInternalLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const href = String(node.properties?.href ?? "");
      if (node.tagName === "a" && !isExternalHref(href) && !isFragmentHref(href)) {
        node.tagName = "span";
        node.properties = {};
      }
    });
  };
}

/**
 * After sanitizing, for exported files: an image that is not inside the file (a remote or relative address, which
 * would be fetched when the file is opened: a beacon) becomes a link to it, labelled with its alt text.
 */
function rehypeRemoteImagesAsLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const src = String(node.properties?.src ?? "");
      if (node.tagName !== "img" || src.startsWith("data:")) return;
      const label = String(node.properties?.alt ?? "") || "image";
      node.tagName = "a";
      node.properties = { href: src, rel: ["noopener", "noreferrer"] };
      node.children = [{ type: "text", value: `[${label}]` }];
    });
  };
}

function processorFor(render: EmbedHtml, opts: { dropInternalLinks?: boolean; inlineImagesOnly?: boolean; figures?: Map<string, StaticFigure> } = {}) {
  return unified()
    .use(remarkParse)
    .use(noteRemarkPlugins)
    .use(remarkRehype)
    .use(noteRehypePlugins)
    .use(opts.dropInternalLinks ? rehypeDropInternalLinks : () => undefined)
    .use(opts.inlineImagesOnly ? rehypeRemoteImagesAsLinks : () => undefined)
    .use(rehypeEmbedsAsHtml(render))
    .use(rehypeFiguresAsText(opts.figures ?? new Map()))
    .use(rehypeStringify, { allowDangerousHtml: true });
}

/** Text made safe to put in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The whole HTML document for a note. Charts given by id are drawn in place of their embed cards; the
 * only raw markup is theirs (user Markdown is sanitized before they are put in). The file carries its own
 * policy (`contentSecurityPolicy`, first in its head) and loads nothing from anywhere: remote images become links.
 */
export function standaloneNoteHtml(
  note: { title: string; body: string; notebookName: string; updatedAt: Date },
  contentSecurityPolicy: string,
  charts: Map<string, ExportChart> = new Map(),
  figures: Map<string, StaticFigure> = new Map(),
): string {
  const render: EmbedHtml = (kind, id) => (kind === "chart" && charts.has(id) ? chartFigureHtml(charts.get(id)!) : null);
  const article = String(processorFor(render, { inlineImagesOnly: true, figures }).processSync(note.body));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy)}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(note.title)}</title><style>${STANDALONE_STYLES}</style></head>
<body><main><header>${escapeHtml(note.notebookName)} · exported from Quire · last edited ${escapeHtml(note.updatedAt.toISOString().slice(0, 16).replace("T", " "))} UTC</header>
<article>${article}</article>
</main></body></html>
`;
}

/**
 * A note's body as sanitized HTML for a share page: embeds drawn by `render` in place of their cards, and no link
 * that leads into the app (only external links stay, opening in a new tab without a referrer).
 */
export function sharedNoteArticleHtml(body: string, render: EmbedHtml, figures: Map<string, StaticFigure> = new Map()): string {
  return String(processorFor(render, { dropInternalLinks: true, figures }).processSync(body));
}
