// The server document: an empty HTML document in which SVG elements can be built and serialized.
import { describe, expect, it } from "vitest";
import { createServerDocument } from "./server-document";

describe("createServerDocument", () => {
  it("builds SVG elements that serialize to markup", () => {
    const doc = createServerDocument();
    const svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "10");
    svg.appendChild(doc.createElementNS("http://www.w3.org/2000/svg", "g"));
    expect(svg.outerHTML).toBe('<svg width="10"><g /></svg>');
    expect(doc.body.childNodes).toHaveLength(0);
  });

  it("gives a fresh document each time", () => {
    expect(createServerDocument()).not.toBe(createServerDocument());
  });
});
