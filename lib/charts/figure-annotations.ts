// Annotation marks for chart figures: dashed rules, shaded bands and labels staggered so that none overlap.
import * as Plot from "@observablehq/plot";

/** One annotation as the figure draws it; `endDate` makes it a band, `level` is its label's line (0 at the top). */
export type AnnotationRow = { date: Date; endDate?: Date; label: string; level: number; end: boolean };

/** A label's place along the x axis in pixels, its width, and which side of its rule it runs to. */
export type LabelBox = { x: number; width: number; anchor: "start" | "end" };

/** How wide a label of `text` is at the figure's 10px font, in pixels (an estimate that errs wide). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.2) + 4;
}

/**
 * The line each label goes on so that no two on one line overlap: labels are placed left to right,
 * each on the first line where it clears those already there by `gap` pixels. When every one of
 * `maxLevels` lines is taken, the label goes on the line whose last label ends earliest.
 */
export function staggerLevels(boxes: LabelBox[], maxLevels = 4, gap = 6): number[] {
  const order = boxes.map((b, i) => ({ i, left: b.anchor === "start" ? b.x + 4 : b.x - 4 - b.width })).sort((a, b) => a.left - b.left);
  const ends: number[] = [];
  const levels = new Array<number>(boxes.length).fill(0);
  for (const { i, left } of order) {
    const right = left + boxes[i]!.width;
    let level = ends.findIndex((e) => left >= e + gap);
    if (level < 0) level = ends.length < maxLevels ? ends.length : ends.indexOf(Math.min(...ends));
    ends[level] = right;
    levels[i] = level;
  }
  return levels;
}

/** Rules (or bands) and their labels; `fx` for a faceted bar chart, where each label sits in its period's facet. */
export function annotationMarks(rows: AnnotationRow[], x: (r: AnnotationRow) => Date | string, fx?: boolean): Plot.Markish[] {
  if (rows.length === 0) return [];
  const marks: Plot.Markish[] = [];
  const bands = rows.filter((r) => r.endDate !== undefined);
  const points = rows.filter((r) => r.endDate === undefined);
  if (!fx && bands.length > 0) {
    marks.push(Plot.rectX(bands, { x1: (r: AnnotationRow) => r.date, x2: (r: AnnotationRow) => r.endDate, fill: "currentColor", fillOpacity: 0.09 }));
  }
  if (!fx && points.length > 0) {
    marks.push(Plot.ruleX(points, { x, stroke: "currentColor", strokeOpacity: 0.6, strokeDasharray: "4,3" }));
  }
  const levels = [...new Set(rows.map((r) => r.level))];
  for (const end of [false, true]) {
    for (const level of levels) {
      const subset = rows.filter((r) => r.end === end && r.level === level);
      if (subset.length === 0) continue;
      marks.push(
        Plot.text(subset, {
          ...(fx ? { fx: x, frameAnchor: "top-left" as const } : { x, frameAnchor: "top" as const }),
          text: "label",
          lineAnchor: "top",
          textAnchor: end && !fx ? "end" : "start",
          dx: end && !fx ? -4 : 4,
          dy: 2 + level * 13,
          fill: "currentColor",
          stroke: "var(--plot-background)",
          strokeWidth: 3,
          paintOrder: "stroke",
        }),
      );
    }
  }
  return marks;
}
