// An exported HTML file opened on a reader's machine: it carries its own policy and loads nothing (no tracking beacon).
import { describe, expect, it } from "vitest";
import { standaloneNoteHtml } from "@/lib/notes/standalone-html";
import { EXPORT_FILE_CSP } from "@/server/http/headers";

const exported = (body: string) => standaloneNoteHtml({ title: "T", body, notebookName: "N", updatedAt: new Date(0) }, EXPORT_FILE_CSP);

describe("exported HTML", () => {
  it("declares a policy that runs and loads nothing, before anything else in its head", () => {
    const html = exported("Hello");
    const head = html.slice(html.indexOf("<head>") + 6);
    const meta = /^<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(head);
    expect(meta?.[1]?.replaceAll("&#39;", "'")).toBe(EXPORT_FILE_CSP);
    expect(EXPORT_FILE_CSP).toMatch(/^default-src 'none'; script-src 'none';/);
    expect(EXPORT_FILE_CSP).toMatch(/img-src data:;/);
    expect(EXPORT_FILE_CSP).not.toMatch(/https?:|\*/);
  });

  it.each([
    ["a Markdown image", "![pixel](https://tracker.example/p.gif?u=1)"],
    ["an image reference", "![pixel][1]\n\n[1]: https://tracker.example/p.gif"],
    ["a protocol-relative image", "![pixel](//tracker.example/p.gif)"],
    ["raw HTML", '<img src="https://tracker.example/p.gif">'],
  ])("turns %s into a link, so opening the file fetches nothing", (_, body) => {
    const html = exported(body);
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/\ssrc=/);
  });

  it("keeps the address of a remote image visible as a link labelled with its alt text", () => {
    expect(exported("![Fed dot plot](https://example.org/dots.png)")).toContain('<a href="https://example.org/dots.png" rel="noopener noreferrer">[Fed dot plot]</a>');
  });
});
