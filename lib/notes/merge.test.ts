// mergeText: three-way line merges, conflicts, and the two-way fallback.
import { describe, expect, it } from "vitest";
import { MARKER_MINE, MARKER_SPLIT, MARKER_THEIRS, countConflictMarkers, mergeText, mergeTitle } from "./merge";

const lines = (...l: string[]) => l.join("\n");

describe("mergeText with a base", () => {
  const base = lines("# Rotation", "", "Small caps lead.", "", "Rates matter.", "", "End.");

  it("takes changes made on different lines from both sides", () => {
    const mine = base.replace("Small caps lead.", "Small caps lead by 6%.");
    const theirs = base.replace("End.", "End, for now.");
    expect(mergeText({ base, mine, theirs })).toEqual({ text: lines("# Rotation", "", "Small caps lead by 6%.", "", "Rates matter.", "", "End, for now."), conflicts: 0 });
  });

  it("takes an identical change once", () => {
    const both = base.replace("Rates matter.", "Rates matter most.");
    expect(mergeText({ base, mine: both, theirs: both })).toEqual({ text: both, conflicts: 0 });
  });

  it("keeps insertions from both sides at different places", () => {
    const mine = `Intro.\n${base}`;
    const theirs = `${base}\nOutro.`;
    expect(mergeText({ base, mine, theirs }).text).toBe(`Intro.\n${base}\nOutro.`);
  });

  it("marks a line changed differently on both sides as a conflict", () => {
    const mine = base.replace("Rates matter.", "Rates matter a lot.");
    const theirs = base.replace("Rates matter.", "Rates hardly matter.");
    const result = mergeText({ base, mine, theirs });
    expect(result.conflicts).toBe(1);
    expect(result.text).toBe(lines("# Rotation", "", "Small caps lead.", "", MARKER_MINE, "Rates matter a lot.", MARKER_SPLIT, "Rates hardly matter.", MARKER_THEIRS, "", "End."));
    expect(countConflictMarkers(result.text)).toBe(1);
  });

  it("takes a deletion on one side", () => {
    const mine = base.replace("Rates matter.\n\n", "");
    expect(mergeText({ base, mine, theirs: base }).text).toBe(mine);
    expect(mergeText({ base, mine: base, theirs: mine }).text).toBe(mine);
  });
});

describe("mergeText without a base", () => {
  it("keeps common lines and marks the runs that differ", () => {
    const mine = lines("a", "mine", "c");
    const theirs = lines("a", "theirs", "c");
    expect(mergeText({ mine, theirs })).toEqual({ text: lines("a", MARKER_MINE, "mine", MARKER_SPLIT, "theirs", MARKER_THEIRS, "c"), conflicts: 1 });
  });

  it("keeps lines present on one side only", () => {
    expect(mergeText({ mine: lines("a", "b"), theirs: lines("a", "b", "c") })).toEqual({ text: lines("a", "b", "c"), conflicts: 0 });
  });

  it("returns identical texts unchanged", () => {
    expect(mergeText({ mine: "same", theirs: "same" })).toEqual({ text: "same", conflicts: 0 });
  });
});

describe("mergeTitle", () => {
  it("keeps my title if I changed it, else theirs", () => {
    expect(mergeTitle({ base: "A", mine: "A", theirs: "B" })).toBe("B");
    expect(mergeTitle({ base: "A", mine: "C", theirs: "B" })).toBe("C");
    expect(mergeTitle({ mine: "C", theirs: "B" })).toBe("C");
  });
});
