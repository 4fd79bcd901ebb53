// A note as a standalone HTML page (for export), through the same Markdown plugins and sanitizer as the app.
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Element, Root } from "hast";
import { remarkEmbeds } from "@/lib/notes/remark-embeds";
import { isExternalHref, noteSanitizeSchema } from "./markdown-view";

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
`;

/** A chart as the export shows it: its server-drawn SVG (trusted markup from Plot), title and text description. */
export type ExportChart = { title: string; description: string; svg: string };

/** After sanitizing: each chart embed card whose chart was drawn becomes the drawing (no JavaScript needed). */
function rehypeChartFigures(charts: Map<string, ExportChart>) {
  return () => (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined || node.tagName !== "div") return;
      const chart = node.properties?.dataEmbedKind === "chart" ? charts.get(String(node.properties.dataEmbedId ?? "")) : undefined;
      if (!chart) return;
      const html = `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption>${chart.svg}<p>${escapeHtml(chart.description)}</p></figure>`;
      parent.children[index] = { type: "raw", value: html } as unknown as Element;
    });
  };
}

/** After sanitizing: external links open in a new tab without handing over the opener or the referrer. */
function rehypeSafeExternalLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a" && isExternalHref(String(node.properties?.href ?? ""))) {
        node.properties = { ...node.properties, target: "_blank", rel: ["noopener", "noreferrer"] };
      }
    });
  };
}

/** After sanitizing, for share pages: a link that is not external (into the app, or relative) keeps its text only. */
function rehypeDropInternalLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a" && !isExternalHref(String(node.properties?.href ?? ""))) {
        node.tagName = "span";
        node.properties = {};
      }
    });
  };
}

function processorFor(charts: Map<string, ExportChart>, opts: { dropInternalLinks?: boolean } = {}) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkEmbeds)
    .use(remarkRehype)
    .use(rehypeSanitize, noteSanitizeSchema)
    .use(rehypeSafeExternalLinks)
    .use(opts.dropInternalLinks ? rehypeDropInternalLinks : () => undefined)
    .use(rehypeChartFigures(charts))
    .use(rehypeStringify, { allowDangerousHtml: true });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The whole HTML document for a note. Charts given by id are drawn in place of their embed cards; the
 * only raw markup is theirs (user Markdown is sanitized before they are put in).
 */
export function standaloneNoteHtml(note: { title: string; body: string; notebookName: string; updatedAt: Date }, charts: Map<string, ExportChart> = new Map()): string {
  const article = String(processorFor(charts).processSync(note.body));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(note.title)}</title><style>${STANDALONE_STYLES}</style></head>
<body><main><header>${escapeHtml(note.notebookName)} · exported from Quire · last edited ${escapeHtml(note.updatedAt.toISOString().slice(0, 16).replace("T", " "))} UTC</header>
<article>${article}</article>
</main></body></html>
`;
}

/**
 * A note's body as sanitized HTML for a share page: charts drawn in place of their embed cards, and no link that
 * leads into the app (only external links stay, opening in a new tab without a referrer).
 */
export function sharedNoteArticleHtml(body: string, charts: Map<string, ExportChart> = new Map()): string {
  return String(processorFor(charts, { dropInternalLinks: true }).processSync(body));
}

const SHARE_STYLES = `
.share-banner{background:#fff7e0;border:1px solid #eed9a0;border-radius:8px;padding:10px 14px;margin:0 0 20px;color:#5b4a14;font-size:.92rem}
main{padding:32px 20px 48px}footer{color:#8a8d93;font-size:.8rem;margin-top:40px;border-top:1px solid #e4e4df;padding-top:12px}
.not-found{text-align:center;padding-top:20vh}
`;

function shareDocument(title: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow, noarchive"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STANDALONE_STYLES}${SHARE_STYLES}</style></head>
<body><main data-testid="share-page">${main}</main></body></html>
`;
}

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The share page: a note read-only, with its charts drawn in place, an "as of" banner for a snapshot, and no script,
 * form or link into the app (only external links, opening without a referrer).
 */
export function sharePageHtml(note: { title: string; body: string; notebookName: string; editedAt: Date; asOf: Date | null }, charts: Map<string, ExportChart> = new Map()): string {
  const body = /^\s*#\s/.test(note.body) ? note.body : `# ${note.title}\n\n${note.body}`;
  const banner = note.asOf
    ? `<p class="share-banner" data-testid="share-as-of">A snapshot: this note and its charts as of ${utc(note.asOf)}. Later edits and data are not shown.</p>`
    : "";
  return shareDocument(
    `${note.title} · shared from Quire`,
    `<header>${escapeHtml(note.notebookName)} · shared read-only from Quire · last edited ${utc(note.editedAt)}</header>${banner}<article data-testid="share-article">${sharedNoteArticleHtml(body, charts)}</article><footer>Read-only copy, shared with you by its author.</footer>`,
  );
}

/** The one page for an unknown, revoked or expired link (and a note that is gone): it tells nothing apart. */
export function shareNotFoundHtml(): string {
  return shareDocument(
    "Not found",
    `<div class="not-found" data-testid="share-not-found"><h1>Not found</h1><p>This link does not exist, has expired or was revoked. Ask the person who sent it for a new one.</p></div>`,
  );
}
