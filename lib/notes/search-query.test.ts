// toFtsQuery and splitHighlights: safe FTS5 expressions from anything typed, highlights as plain parts.
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END, HIGHLIGHT_START, splitHighlights, toFtsQuery } from "./search-query";

describe("toFtsQuery", () => {
  it("matches words as prefixes, joined by AND", () => {
    expect(toFtsQuery("small caps")).toBe('"small"* AND "caps"*');
  });

  it("keeps quoted phrases exact", () => {
    expect(toFtsQuery('"rate cuts" fed')).toBe('"rate cuts" AND "fed"*');
  });

  it("keeps OR and NOT between terms, and drops them where they would be a syntax error", () => {
    expect(toFtsQuery("staples OR materials")).toBe('"staples"* OR "materials"*');
    expect(toFtsQuery("tech NOT apple")).toBe('"tech"* NOT "apple"*');
    expect(toFtsQuery("AND rotation AND")).toBe('"rotation"*');
    expect(toFtsQuery("OR NOT")).toBeNull();
  });

  it("survives a lone quote, FTS punctuation and column filters", () => {
    expect(toFtsQuery('"')).toBeNull();
    expect(toFtsQuery('"unclosed phrase')).toBe('"unclosed phrase"');
    expect(toFtsQuery("title:secret (a OR b) NEAR(x y) ^start col*")).toBe(
      '"title"* AND "secret"* AND "a" OR "b" AND "NEAR"* AND "x" AND "y" AND "start"* AND "col"*',
    );
    expect(toFtsQuery("S&P-500 6–8%")).toBe('"S" AND "P" AND "500"* AND "6" AND "8"');
  });

  it("returns null for nothing searchable", () => {
    expect(toFtsQuery("   ")).toBeNull();
    expect(toFtsQuery("*** --- ???")).toBeNull();
  });
});

describe("splitHighlights", () => {
  it("splits marked text into plain and highlighted parts", () => {
    expect(splitHighlights(`small ${HIGHLIGHT_START}caps${HIGHLIGHT_END} led`)).toEqual([
      { text: "small ", highlighted: false },
      { text: "caps", highlighted: true },
      { text: " led", highlighted: false },
    ]);
  });

  it("keeps markup in the text as text", () => {
    expect(splitHighlights(`<script>${HIGHLIGHT_START}x${HIGHLIGHT_END}`)).toEqual([
      { text: "<script>", highlighted: false },
      { text: "x", highlighted: true },
    ]);
  });
});
