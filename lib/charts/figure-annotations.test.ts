// Annotation labels are staggered so that none overlap on one line.
import { describe, expect, it } from "vitest";
import { labelWidth, staggerLevels } from "./figure-annotations";

describe("staggerLevels", () => {
  it("keeps labels that clear each other on the first line", () => {
    expect(staggerLevels([{ x: 100, width: 50, anchor: "start" }, { x: 300, width: 50, anchor: "start" }])).toEqual([0, 0]);
  });

  it("drops a label that would overlap onto the next line: 'Markets reopen after 9/11' and 'S&P 500 low' a year apart near the right edge", () => {
    const a = { x: 860, width: labelWidth("Markets reopen after 9/11"), anchor: "end" as const };
    const b = { x: 1120, width: labelWidth("S&P 500 low"), anchor: "end" as const };
    // a spans 860-4-w(a) .. 856; b spans 1116-w(b) .. 1116 = about 1040..1116: clear of each other.
    expect(staggerLevels([a, b])).toEqual([0, 0]);
    const close = { x: 900, width: labelWidth("S&P 500 low"), anchor: "end" as const };
    expect(staggerLevels([a, close])).toEqual([0, 1]);
  });

  it("uses the line whose last label ends earliest once every line is taken", () => {
    const boxes = Array.from({ length: 5 }, (_, i) => ({ x: 100 + i, width: 80, anchor: "start" as const }));
    expect(staggerLevels(boxes, 4)).toEqual([0, 1, 2, 3, 0]);
  });
});
