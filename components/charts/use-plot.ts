"use client";
// Draws an Observable Plot figure into a host element at its width (Plot loaded on demand), and again whenever the host resizes.
import type * as PlotTypes from "@observablehq/plot";
import { useEffect, useRef, useState, type DependencyList, type RefObject } from "react";

export type PlotModule = typeof PlotTypes;

/**
 * Calls `build(Plot, width)` once the host has a width and again when the width changes, and puts what it
 * returns in the host (null leaves the host as it is). Returns the host's ref and whether a drawing is in
 * place; a build that throws leaves the host unchanged and `drawn` false.
 */
export function usePlot(build: ((Plot: PlotModule, width: number) => Element | null) | null, deps: DependencyList): { ref: RefObject<HTMLDivElement | null>; drawn: boolean } {
  const ref = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const host = ref.current;
    if (!host || !build) return;
    let cancelled = false;
    let width = 0;
    const draw = async () => {
      const Plot = await import("@observablehq/plot");
      const next = Math.round(host.clientWidth);
      if (cancelled || next === 0 || next === width) return;
      width = next;
      try {
        const figure = build(Plot, width);
        if (!figure) return;
        host.replaceChildren(figure);
        setDrawn(true);
      } catch {
        setDrawn(false);
      }
    };
    void draw();
    const observer = new ResizeObserver(() => void draw());
    observer.observe(host);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
    // The caller lists what `build` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { ref, drawn };
}
