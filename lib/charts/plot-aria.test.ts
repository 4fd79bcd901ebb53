// nameablePlotMarks: Plot's named groups and shapes get a role that allows a name; elements with a role, and the labels themselves, are kept.
import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { nameablePlotMarks } from "./plot-aria";
import { createServerDocument } from "./server-document";

describe("nameablePlotMarks", () => {
  it("gives every aria-labelled element of a Plot figure a role that may be named, keeping the labels", () => {
    const document = createServerDocument();
    const figure = Plot.plot({
      document,
      width: 400,
      marks: [Plot.lineY([1, 3, 2]), Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y", ariaLabel: () => "one dot" }), Plot.ruleY([0])],
    }) as unknown as Element;
    const named = () => Array.from(figure.querySelectorAll("[aria-label]"));
    expect(named().filter((el) => !el.hasAttribute("role")).length).toBeGreaterThan(3);
    const labels = named().map((el) => el.getAttribute("aria-label"));

    nameablePlotMarks(figure);

    expect(named().filter((el) => !el.hasAttribute("role"))).toEqual([]);
    expect(named().map((el) => el.getAttribute("aria-label"))).toEqual(labels);
    expect(figure.querySelector('g[aria-label="line"]')?.getAttribute("role")).toBe("group");
    expect(figure.querySelector('circle[aria-label="one dot"]')?.getAttribute("role")).toBe("img");
  });

  it("leaves a role already given alone", () => {
    const document = createServerDocument();
    const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("aria-label", "markers");
    g.setAttribute("role", "list");
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.appendChild(g);
    nameablePlotMarks(svg);
    expect(g.getAttribute("role")).toBe("list");
  });
});
