// The reading view drops a body's opening heading only when it repeats the title.
import { describe, expect, it } from "vitest";
import { withoutRepeatedTitle } from "./repeated-title";

describe("withoutRepeatedTitle", () => {
  it("drops an opening # heading equal to the title, whatever its case and spacing", () => {
    expect(withoutRepeatedTitle("# Welcome to Quire\n\nThis notebook follows one story.", "Welcome to Quire")).toBe("\nThis notebook follows one story.");
    expect(withoutRepeatedTitle("\n#   welcome  to quire  #\nText", "Welcome to Quire")).toBe("Text");
    expect(withoutRepeatedTitle("# Welcome to Quire", "Welcome to Quire")).toBe("");
  });

  it("keeps any other opening: another heading, a level-two heading, text first, a heading further down", () => {
    for (const body of ["# XSS corpus\nText", "## Welcome to Quire\nText", "Intro\n# Welcome to Quire", "#Welcome to Quire"]) {
      expect(withoutRepeatedTitle(body, "Welcome to Quire")).toBe(body);
    }
  });
});
