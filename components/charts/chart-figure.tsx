"use client";
// One chart on screen: the server's SVG at first paint, then Observable Plot in the browser with tooltips and a crosshair.
import { useEffect, useRef, useState } from "react";
import type { ChartData } from "@/lib/charts/chart-data";

/**
 * Shows `svg` (rendered on the server) straight away, then, once the browser has loaded Plot, redraws the
 * same data interactively at the container's width. If the browser cannot draw it, the server's SVG stays.
 */
export function ChartFigure({ data, svg, label }: { data: ChartData; svg: string; label?: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [interactive, setInteractive] = useState(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let cancelled = false;
    let width = 0;
    const draw = async () => {
      const { chartFigure } = await import("@/lib/charts/figure");
      if (cancelled) return;
      const next = Math.round(host.clientWidth);
      if (next === 0 || next === width) return;
      width = next;
      try {
        const figure = chartFigure(data, { width, interactive: true });
        host.replaceChildren(figure);
        setInteractive(true);
      } catch {
        setInteractive(false);
      }
    };
    void draw();
    const observer = new ResizeObserver(() => void draw());
    observer.observe(host);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [data]);

  return (
    <div
      ref={hostRef}
      className="chart-figure"
      role="img"
      aria-label={label ?? data.title}
      aria-description={data.description}
      data-interactive={interactive ? "true" : "false"}
      // The SVG is made by Plot on the server from our own data; attribute values are escaped there (see renderChartSvg).
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
