// Finding figures in a text: the parse (with offsets) and the quick scan the pages use agree on what the renderer shows.
import { describe, expect, it } from "vitest";
import { figureKeysOf, findFigures } from "./find";

const TEXT = [
  "Up :value{series=RUT stat=ytd} this year and :value[about 1.5%]{series=\"SPX-2026\" stat=ytd digits=1}.",
  "A repeat: :value{stat=ytd series=RUT}, a bad one :value{stat=bogus series=RUT}, an escaped \\:value{series=NO}.",
  "",
  "```",
  ":value{series=INCODE}",
  "```",
  "",
  "Inline `:value{series=SPAN}` code, and :value{series=SPX stat=drawdown from=2000-01-01 to=2002-12-31 sign}.",
].join("\n");

describe("finding figures", () => {
  it("parses each figure the renderer shows, with its offsets, and its reason when it cannot be read", () => {
    const found = findFigures(TEXT);
    expect(found.map((f) => (f.ok ? f.key : `! ${f.reason}`))).toEqual([
      "series=RUT stat=ytd",
      "series=SPX-2026 stat=ytd digits=1",
      "series=RUT stat=ytd",
      "! unknown stat “bogus” (use last, value, change, return, ytd, ratio, drawdown, high, low)",
      "series=SPX stat=drawdown from=2000-01-01 to=2002-12-31 sign=true",
    ]);
    expect(TEXT.slice(found[0]!.start, found[0]!.end)).toBe(":value{series=RUT stat=ytd}");
  });

  it("the quick scan lists every key the parse finds, once each (and may add one from code)", () => {
    const parsed = [...new Set(findFigures(TEXT).flatMap((f) => (f.ok ? [f.key] : [])))];
    const scanned = figureKeysOf(TEXT);
    expect(scanned).toEqual(expect.arrayContaining(parsed));
    expect(scanned.filter((k) => !parsed.includes(k)).sort()).toEqual(["series=INCODE stat=last", "series=SPAN stat=last"]);
    expect(figureKeysOf("no figures here")).toEqual([]);
  });
});
