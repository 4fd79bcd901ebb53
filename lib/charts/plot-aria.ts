// Observable Plot names its mark and axis groups with aria-label ("line", "x-axis tick"); this gives each named element a role that may carry a name.
const SVG_SHAPES = new Set(["circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "text", "image", "use"]);

/**
 * Gives every element under `root` (a Plot figure: an <svg>, or a <figure> with a legend) that has an aria-label
 * and no role a role where a name is allowed: `group` for a <g>, `img` for a shape. A bare <g> or shape is
 * generic, where aria-label is prohibited (axe: aria-prohibited-attr). The labels stay, so tests and tools can
 * still find Plot's marks by them; under the chart's own role="img" they are not read out one by one.
 */
export function nameablePlotMarks(root: Element): void {
  for (const el of Array.from(root.querySelectorAll("[aria-label]:not([role])"))) {
    const tag = el.tagName.toLowerCase();
    if (tag === "g") el.setAttribute("role", "group");
    else if (SVG_SHAPES.has(tag)) el.setAttribute("role", "img");
  }
}
