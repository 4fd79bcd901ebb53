// Plain text for snippets and excerpts: directives, tables, markers and link targets go; dates, hyphens and words stay.
import { describe, expect, it } from "vitest";
import { excerptOf, plainTextOf } from "./plain-text";

describe("plainTextOf", () => {
  it("leaves out embed directives, heading marks and table rules", () => {
    const md = "## Small caps lead\n\n::chart{id=rut-spx}\n\n| Index | YTD |\n| --- | ---: |\n| Russell 2000 | 7.1% |\n\n::question{id=\"cuts-2026\"}";
    expect(plainTextOf(md)).toBe("Small caps lead Index · YTD Russell 2000 · 7.1%");
  });

  it("keeps dates, hyphenated words and snake_case as written", () => {
    expect(plainTextOf("On 2025-01-02 the small-cap index rose; see series rut_spx.")).toBe("On 2025-01-02 the small-cap index rose; see series rut_spx.");
  });

  it("keeps the words of links, emphasis, code, lists, quotes and footnotes", () => {
    const md = "- **Bold** and _italic_ and `code`\n1. [FRED](https://fred.example/x?a=1) data\n> quoted ~~old~~ text[^1]\n\n[^1]: The source.\n\n---\n\n```\nplain code\n```";
    expect(plainTextOf(md)).toBe("Bold and italic and code FRED data quoted old text The source. plain code");
  });

  it("shows a directive's label, an ellipsis for a live figure without one, and nothing for other text directives", () => {
    expect(plainTextOf("Up :value[7%]{series=rut stat=ytd} this year, :value{series=spx} too, :abbr{title=x} here.")).toBe("Up 7% this year, … too, here.");
  });

  it.each([
    ["unclosed directives", ":a{".repeat(60_000)],
    ["open brackets", "[".repeat(200_000)],
    ["link starts", "](".repeat(100_000)],
    ["blank lines", "\n".repeat(200_000)],
    ["underscores", "_a".repeat(100_000)],
  ])("handles a 200,000-character body of %s", (_name, body) => {
    expect(typeof plainTextOf(body)).toBe("string");
  });
});

describe("excerptOf", () => {
  it("leaves out the leading heading and cuts long text", () => {
    expect(excerptOf("# Title\n\nFirst 2025-01-02 line.")).toBe("First 2025-01-02 line.");
    expect(excerptOf(`# T\n\n${"word ".repeat(100)}`)).toMatch(/^word( word)+…$/);
  });
});
