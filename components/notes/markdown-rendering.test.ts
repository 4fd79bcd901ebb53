// The app (MarkdownView) and the share page (sharedNoteArticleHtml) render a note's Markdown the same way: alignment, footnote links, the footnotes heading.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sharedNoteArticleHtml } from "@/lib/notes/standalone-html";
import { sharePageHtml } from "@/lib/share/page-html";
import { MarkdownView } from "./markdown-view";

const SOURCE = "| Index | YTD |\n|:--|--:|\n| Russell 2000 | 7.1% |\n| S&P 500 | 1.4% |\n\nSmall caps lead[^src].\n\n[^src]: Index returns to the end of January.";

/** The markup without what only differs in how React and rehype-stringify write the same tree. */
function normalized(html: string): string {
  return html
    .replace(/^<div class="prose">|<\/div>$/g, "")
    .replace(/="true"/g, "")
    .replace(/&#x26;/g, "&amp;")
    .replace(/>\s+</g, "><")
    .trim();
}

const app = () => renderToStaticMarkup(createElement(MarkdownView, { source: SOURCE }));
const share = () => sharedNoteArticleHtml(SOURCE, () => null);

describe("one Markdown rendering for the app and the share page", () => {
  it("renders the same markup", () => {
    expect(normalized(share())).toBe(normalized(app()));
  });

  it("keeps right-aligned columns right-aligned in both", () => {
    for (const html of [app(), share()]) {
      expect(html).toMatch(/<th class="align-right">YTD<\/th>/);
      expect(html).toMatch(/<td class="align-right">7.1%<\/td>/);
      expect(html).toMatch(/<td class="align-left">Russell 2000<\/td>/);
    }
    const page = sharePageHtml({ kind: "note", mode: "live", notebookName: "Research", asOf: null, title: "Rotation", body: SOURCE, editedAt: new Date(0), charts: new Map(), questions: new Map(), figures: new Map(), indexPath: null });
    expect(page).toContain("td.align-right{text-align:right}");
  });

  it("links the footnote and its way back in both", () => {
    for (const html of [app(), share()]) {
      const ref = /<a href="#(user-content-fn-src)"[^>]*data-footnote-ref/.exec(html);
      const back = /<a href="#(user-content-fnref-src)"[^>]*>↩<\/a>/.exec(html);
      expect(ref?.[1]).toBeTruthy();
      expect(back?.[1]).toBeTruthy();
      expect(html).toContain(`<li id="${ref![1]}">`);
      expect(html).toContain(`id="${back![1]}"`);
    }
  });

  it("hides the footnotes heading from sight in both (it stays for screen readers)", () => {
    for (const html of [app(), share()]) expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
    const page = sharePageHtml({ kind: "note", mode: "live", notebookName: "Research", asOf: null, title: "Rotation", body: SOURCE, editedAt: new Date(0), charts: new Map(), questions: new Map(), figures: new Map(), indexPath: null });
    expect(page).toMatch(/\.sr-only\{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect\(0 0 0 0\)/);
  });

  it("still drops links into the app on share pages, and keeps external ones safe", () => {
    const html = sharedNoteArticleHtml("[chart](/charts/x) and [site](https://example.org)", () => null);
    expect(html).toContain("<span>chart</span>");
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">site</a>');
  });
});
