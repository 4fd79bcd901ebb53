"use client";
// Draws a figure into a host element at its width (its drawing module loaded on demand), and again whenever the host resizes.
import type * as PlotTypes from "@observablehq/plot";
import { useEffect, useRef, useState, type DependencyList, type RefObject } from "react";
import { nameablePlotMarks } from "@/lib/charts/plot-aria";

export type PlotModule = typeof PlotTypes;

/** Loads Observable Plot, for usePlot callers that build with it directly. */
export const loadPlot = (): Promise<PlotModule> => import("@observablehq/plot");

/**
 * Loads `load()` once it is needed, then calls `build(module, width)` once the host has a width and again when
 * the width changes, and puts what it returns in the host (null, or no `build`, leaves the host as it is, e.g.
 * the server's SVG). Returns the host's ref and whether a drawing is in place; a build that throws leaves the
 * host unchanged and `drawn` false. Pass `hostRef` when the host's ref is needed before this hook runs.
 */
export function usePlot<M>(
  load: () => Promise<M>,
  build: ((module: M, width: number) => Element | null) | null,
  deps: DependencyList,
  hostRef?: RefObject<HTMLDivElement | null>,
): { ref: RefObject<HTMLDivElement | null>; drawn: boolean } {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = hostRef ?? ownRef;
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const host = ref.current;
    if (!host || !build) return;
    let cancelled = false;
    let width = 0;
    const draw = async () => {
      const module = await load();
      const next = Math.round(host.clientWidth);
      if (cancelled || next === 0 || next === width) return;
      width = next;
      try {
        const figure = build(module, width);
        if (!figure) return;
        nameablePlotMarks(figure);
        host.replaceChildren(figure);
        setDrawn(true);
      } catch {
        setDrawn(false);
      }
    };
    void draw();
    const observer = new ResizeObserver(() => void draw());
    observer.observe(host);
    // Plot redraws a tip or crosshair's group under the pointer: name those the same way.
    const marks = new MutationObserver(() => nameablePlotMarks(host));
    marks.observe(host, { childList: true, subtree: true });
    return () => {
      cancelled = true;
      observer.disconnect();
      marks.disconnect();
    };
    // The caller lists what `build` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { ref, drawn };
}
