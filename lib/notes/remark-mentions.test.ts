// Mentions render as a styled `@Name` span, the same in the app and on share pages and exports, and never as a link or with the user's id.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "@/components/notes/markdown-view";
import { sharedNoteArticleHtml } from "./standalone-html";

const app = (source: string) => renderToStaticMarkup(createElement(MarkdownView, { source }));
const share = (source: string) => sharedNoteArticleHtml(source, () => null);

describe("mentions in Markdown", () => {
  it("renders @[Name](mention:ID) as a mention span in the app and on share pages", () => {
    for (const html of [app("Over to @[Ada Lovelace](mention:u_123) for the data."), share("Over to @[Ada Lovelace](mention:u_123) for the data.")]) {
      expect(html).toContain('Over to <span class="mention">@Ada Lovelace</span> for the data.');
      expect(html).not.toContain("u_123");
      expect(html).not.toContain("<a");
    }
  });

  it("renders two mentions in one line, inside emphasis and list items", () => {
    const html = app("- *ask* @[Ann](mention:a1) and @[Bo **B**](mention:b2)");
    expect(html).toContain('<span class="mention">@Ann</span> and <span class="mention">@Bo B</span>');
  });

  it("leaves a mention: link without the @ as plain link text, and other links alone", () => {
    const html = app("[Ann](mention:a1) and [site](https://example.com) and @[x](https://example.com)");
    expect(html).not.toContain("mention:");
    expect(html).not.toContain('class="mention"');
    expect(html).toContain('href="https://example.com"');
  });

  it("keeps its class through the sanitizer, but a raw span cannot pose as one with handlers", () => {
    const html = share('@[Ann" onclick="alert(1)](mention:a1) <span class="mention" onclick="alert(1)">x</span>');
    expect(html).not.toMatch(/<[^>]*onclick/);
    expect(html).toContain('<span class="mention">@Ann" onclick="alert(1)</span>');
  });
});
