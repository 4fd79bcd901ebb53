import { describe, expect, it } from "vitest";
import { anchorAt, locateQuote, reanchor } from "./anchor";

const BODY = "Rates first. Small caps led in January: the Russell 2000 rose 7%. Large caps lagged behind all month.";

function anchorOn(body: string, quote: string) {
  const start = body.indexOf(quote);
  return anchorAt(body, start, start + quote.length);
}

describe("anchorAt", () => {
  it("quotes the passage with up to 32 characters of context each side, clamped to the text", () => {
    const a = anchorOn(BODY, "led in January");
    expect(a.quote).toBe("led in January");
    expect(a.prefix).toBe("Rates first. Small caps ");
    expect(a.suffix).toBe(": the Russell 2000 rose 7%. Larg");
    expect(BODY.slice(a.start, a.end)).toBe(a.quote);
    expect(anchorAt("short", -4, 99)).toEqual({ quote: "short", prefix: "", suffix: "", start: 0, end: 5 });
  });
});

describe("locateQuote", () => {
  it("finds a reading-view selection in Markdown with emphasis, code, links and other line breaks", () => {
    const md = "Rates first.\n\n**Small caps** led in _January_:\nthe [Russell 2000](https://example.org/rut) rose `7%`.";
    const a = locateQuote(md, "Small caps led in January: the Russell 2000 rose 7%")!;
    expect(a).not.toBeNull();
    expect(a.quote).toBe("Small caps** led in _January_:\nthe [Russell 2000](https://example.org/rut) rose `7%");
    expect(md.slice(a.start, a.end)).toBe(a.quote);
  });

  it("picks the occurrence whose context matches, then the nearest to the hint", () => {
    const md = "Small caps led. Then large caps led. Later small caps led again, and small caps led once more.";
    const second = md.indexOf("small caps led", 30);
    expect(locateQuote(md, "small caps led", { prefix: "Later ", suffix: " again" })!.start).toBe(second);
    const third = md.lastIndexOf("small caps led");
    expect(locateQuote(md, "small caps led", { start: third - 2 })!.start).toBe(third);
  });

  it("answers null when the passage is not there", () => {
    expect(locateQuote(BODY, "Small caps lagged")).toBeNull();
    expect(locateQuote(BODY, "  ** ")).toBeNull();
  });
});

describe("reanchor", () => {
  const anchor = anchorOn(BODY, "led in January");

  it("keeps an anchor whose text did not move", () => {
    expect(reanchor(anchor, BODY)).toEqual(anchor);
  });

  it("follows the passage when text is inserted before it", () => {
    const body = `A new opening paragraph.\n\n${BODY}`;
    const moved = reanchor(anchor, body)!;
    expect(moved.quote).toBe("led in January");
    expect(moved.start).toBe(anchor.start + 26);
    expect(body.slice(moved.start, moved.end)).toBe("led in January");
  });

  it("takes the edited passage between its unchanged context when the text inside it was edited", () => {
    const body = BODY.replace("led in January", "led strongly through January");
    const moved = reanchor(anchor, body)!;
    expect(moved.quote).toBe("led strongly through January");
    expect(body.slice(moved.start, moved.end)).toBe(moved.quote);
  });

  it("is null (detached) when the passage is deleted", () => {
    expect(reanchor(anchor, BODY.replace("led in January", ""))).toBeNull();
    expect(reanchor(anchor, "Something else entirely.")).toBeNull();
  });

  it("prefers the occurrence that kept its context over a duplicate elsewhere", () => {
    const body = `Elsewhere: led in January, twice. ${BODY} And again it led in January.`;
    const moved = reanchor(anchor, body)!;
    expect(moved.start).toBe(body.indexOf("Small caps led in January") + "Small caps ".length);
    expect(moved.prefix.endsWith("Small caps ")).toBe(true);
  });

  it("takes the occurrence nearest the old place when context cannot tell duplicates apart", () => {
    const a = anchorAt("x x x", 2, 3);
    expect(reanchor(a, "x x x x")?.start).toBe(2);
  });
});
