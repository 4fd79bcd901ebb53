// MarkdownView: GFM, footnotes, embed cards, unknown directives as text, and sanitizing, rendered to static HTML.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { isExternalHref } from "@/lib/notes/sanitize";
import { MarkdownView } from "./markdown-view";

const render = (source: string) => renderToStaticMarkup(createElement(MarkdownView, { source }));

describe("MarkdownView", () => {
  it("renders GFM tables, task lists and autolinks", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nsee www.example.org");
    expect(html).toContain("<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>");
    expect(html).toContain('<input type="checkbox" disabled="" checked=""/> done');
    expect(html).toContain('<a href="http://www.example.org" target="_blank" rel="noopener noreferrer">www.example.org</a>');
  });

  it("renders footnotes whose links reach their targets", () => {
    const html = render("A claim[^src].\n\n[^src]: The source.");
    const refHref = /<a href="#([^"]+)"[^>]*data-footnote-ref="true"/.exec(html)?.[1];
    const backHref = /<a href="#([^"]+)"[^>]*class="data-footnote-backref"/.exec(html)?.[1];
    expect(refHref).toBeTruthy();
    expect(html).toContain(`<li id="${refHref}">`);
    expect(html).toContain(`id="${backHref}"`);
    expect(html).toContain('<section data-footnotes="true" class="footnotes">');
  });

  it("renders chart and question directives as placeholder cards", () => {
    const html = render('::chart{id=rut-spx}\n\n::question{id="cuts-2026"}');
    expect(html).toContain('<div class="embed-card embed-chart" data-embed-kind="chart" data-embed-id="rut-spx"><span class="embed-card-title">Chart rut-spx</span>');
    expect(html).toContain("a live chart: open the note in Quire to see it");
    expect(html).toContain('data-embed-kind="question" data-embed-id="cuts-2026"><span class="embed-card-title">Question cuts-2026</span>');
  });

  it("puts unknown or incomplete directives back as plain text", () => {
    const html = render("::other{id=x}\n\nNote:this at 10:30, :abbr[HTML]{title=x}\n\n:::warning\nInside **bold**\n:::\n\n::chart");
    expect(html).toContain("<p>::other{id=x}</p>");
    expect(html).toContain("<p>Note:this at 10:30, :abbr[HTML]{title=x}</p>");
    expect(html).toContain("<p>:::warning</p>\n<p>Inside <strong>bold</strong></p>\n<p>:::</p>");
    expect(html).toContain("<p>::chart</p>");
  });

  it("keeps attribute tricks in directives inert", () => {
    const html = render('::chart{id="a\\" onclick=alert(1)"}\n\n::chart{id=x onclick="alert(1)" style="position:fixed"}');
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
    expect(html).not.toContain("style=");
    expect(html).toContain('data-embed-id="x"');
  });

  it("drops scripts, event handlers and dangerous URLs", () => {
    const html = render(
      [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1)) [y](data:text/html,hi) [z](JaVaScRiPt:alert(1))",
        "![i](javascript:alert(1)) ![j](data:image/png;base64,AAAA)",
        '<iframe src="https://evil.example"></iframe>',
        '<svg onload="alert(1)"><circle/></svg>',
        '<a href="#" style="position:fixed;inset:0">cover</a>',
        "<div <img src=x onerror=alert(1)>",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<(script|iframe|svg|style|object|embed)/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data):/i);
    expect(html).not.toContain("style=");
  });

  it("tells external links from local ones", () => {
    expect(isExternalHref("https://example.com")).toBe(true);
    expect(isExternalHref("//example.com")).toBe(true);
    expect(isExternalHref("/notes/abc")).toBe(false);
    expect(isExternalHref("#user-content-fn-1")).toBe(false);
  });
});
