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

const STYLES = `
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

function processorFor(charts: Map<string, ExportChart>) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkEmbeds)
    .use(remarkRehype)
    .use(rehypeSanitize, noteSanitizeSchema)
    .use(rehypeSafeExternalLinks)
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
<title>${escapeHtml(note.title)}</title><style>${STYLES}</style></head>
<body><main><header>${escapeHtml(note.notebookName)} · exported from Quire · last edited ${escapeHtml(note.updatedAt.toISOString().slice(0, 16).replace("T", " "))} UTC</header>
<article>${article}</article>
</main></body></html>
`;
}
