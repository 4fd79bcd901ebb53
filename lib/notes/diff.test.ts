// lineDiff and diffStats: changed lines are marked, long unchanged runs fold, counts add up.
import { describe, expect, it } from "vitest";
import { diffStats, lineDiff } from "./diff";

describe("lineDiff", () => {
  it("marks a changed line as removed then added, keeping the lines around it", () => {
    const parts = lineDiff("a\nb\nc\n", "a\nB\nc\n");
    expect(parts).toEqual([
      { kind: "same", text: "a\n" },
      { kind: "removed", text: "b\n" },
      { kind: "added", text: "B\n" },
      { kind: "same", text: "c\n" },
    ]);
  });

  it("folds a long unchanged run between two changes, keeping three lines of context each side", () => {
    const middle = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const parts = lineDiff(`first\n${middle}\nlast\n`, `FIRST\n${middle}\nLAST\n`);
    const folded = parts.find((p) => p.kind === "folded");
    expect(folded).toEqual({ kind: "folded", lines: 14 });
    expect(parts.filter((p) => p.kind === "added").map((p) => ("text" in p ? p.text : ""))).toEqual(["FIRST\n", "LAST\n"]);
  });

  it("reports no changes for identical texts", () => {
    expect(lineDiff("same\n", "same\n").every((p) => p.kind === "same")).toBe(true);
    expect(diffStats("same\n", "same\n")).toEqual({ added: 0, removed: 0 });
  });

  it("counts added and removed lines", () => {
    expect(diffStats("a\nb\n", "a\nc\nd\n")).toEqual({ added: 2, removed: 1 });
  });
});
