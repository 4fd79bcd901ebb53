// Finding a comment's passage in rendered text: Markdown quotes against rendered text, choosing among repeats.
import { describe, expect, it } from "vitest";
import { compactQuote, compactText, locate, quoteText } from "./text-anchor";

describe("compactQuote", () => {
  it("drops whitespace, emphasis, list and quote markers, link targets and footnote marks", () => {
    expect(compactQuote("**Russell 2000** up _6–8%_ YTD")).toBe(compactText("Russell 2000 up 6–8% YTD"));
    expect(compactQuote("- first item\n- [x] second [link](https://x.example/a)")).toBe(compactText("first item second link"));
    expect(compactQuote("> quoted\n> text[^1]")).toBe("quotedtext");
    expect(compactQuote("## Heading\n\n1. one")).toBe("Headingone");
    expect(compactQuote("ask @[Ada L](mention:u1)")).toBe(compactText("ask @Ada L"));
  });
});

describe("quoteText", () => {
  it("shows a quote as readable text", () => {
    expect(quoteText("**Small caps** lead\n\n- by [a lot](https://x.example)")).toBe("Small caps lead by a lot");
    expect(quoteText("snake_case stays and @[Ada](mention:u1) reads as a name")).toBe("snake_case stays and @Ada reads as a name");
  });
});

describe("locate", () => {
  const text = compactText("Rates fall. Small caps lead. Later, small caps lead again. Small caps lead at the end.");
  const needle = compactText("Small caps lead");
  it("finds a single occurrence, or none", () => {
    expect(locate(compactText("abc Small caps lead"), needle)).toBe(3);
    expect(locate(text, compactText("nowhere"))).toBe(-1);
    expect(locate(text, "")).toBe(-1);
  });

  it("prefers the repeat whose prefix and suffix match, then the one nearest where it stood", () => {
    const first = text.indexOf(needle);
    const last = text.lastIndexOf(needle);
    expect(locate(text, needle)).toBe(first);
    expect(locate(text, needle, { near: 1 })).toBe(last);
    expect(locate(text, needle, { suffix: " at the end." })).toBe(last);
    expect(locate(text, needle, { prefix: "Rates fall. ", near: 1 })).toBe(first);
  });
});
