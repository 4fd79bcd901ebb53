// Snippets: the passage around the first match, matches marked by prefix or whole word, accents folded.
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from "./search-query";
import { markMatches, snippetOf, termsOf } from "./snippet";

describe("termsOf", () => {
  it("reads the words of a safe FTS query, with prefixes", () => {
    expect(termsOf('"Small"* AND "rate cuts" OR "Café"*')).toEqual([
      { text: "small", prefix: true },
      { text: "rate", prefix: false },
      { text: "cuts", prefix: false },
      { text: "cafe", prefix: true },
    ]);
  });
});

describe("snippetOf", () => {
  const body = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ") + " the rotation into small caps continued " + "tail ".repeat(40);

  it("centres on the first match and marks every match", () => {
    const snippet = snippetOf(body, termsOf('"rotat"* AND "caps"'));
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet).toContain(`${S}rotation${E} into small ${S}caps${E}`);
  });

  it("matches whole words unless the term is a prefix, ignoring case and accents", () => {
    expect(markMatches("Capsule caps CAPS", termsOf('"caps"'))).toBe(`Capsule ${S}caps${E} ${S}CAPS${E}`);
    expect(markMatches("Café cafés", termsOf('"cafe"*'))).toBe(`${S}Café${E} ${S}cafés${E}`);
    // Told apart by the first character, folded as the whole word is: capitals, accents, digits, underscores.
    expect(markMatches("Édition edition Zed zed 2026 _x", termsOf('"edi"* OR "zed" OR "2026" OR "_x"'))).toBe(
      `${S}Édition${E} ${S}edition${E} ${S}Zed${E} ${S}zed${E} ${S}2026${E} ${S}_x${E}`,
    );
    expect(markMatches("ÉDITION Ædition", termsOf('"édition"'))).toBe(`${S}ÉDITION${E} Ædition`);
  });

  it("starts at the beginning when nothing matches, and handles empty text", () => {
    expect(snippetOf("one two three", termsOf('"zzz"'))).toBe("one two three");
    expect(snippetOf("", termsOf('"x"'))).toBe("");
  });

  it("reads every run of whitespace as one space, and leaves single spaces as they are", () => {
    expect(snippetOf("  one\t two\n\nthree \u00a0four\r\nfive six ", termsOf('"zzz"'))).toBe("one two three four five six");
    expect(snippetOf("one two three", termsOf('"two"'))).toBe(`one ${S}two${E} three`);
  });
});
