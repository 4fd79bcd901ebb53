"use client";
// One chart on screen: the server's SVG at first paint, then Observable Plot in the browser with tooltips and a crosshair.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { usePlot } from "./use-plot";
import { useTRPC } from "@/components/trpc/provider";
import type { ChartData } from "@/lib/charts/chart-data";

/** A saved chart whose points were left out of the first paint: fetched once the figure is on screen. */
export type LazyPoints = { chartId: string; asOf?: Date };

function useOnScreen(ref: React.RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || seen || !el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, enabled, seen]);
  return seen;
}

/**
 * Shows `svg` (rendered on the server) straight away, then, once the browser has loaded Plot, redraws the
 * same data interactively at the container's width. With `lazy`, the points are fetched when the figure
 * comes into view. If the browser cannot draw it, the server's SVG stays.
 */
/** The figure module (and Plot with it) stays out of the page's first bundle. */
const loadFigure = () => import("@/lib/charts/figure");

export function ChartFigure({ data, svg, label, lazy }: { data: ChartData; svg: string; label?: string; lazy?: LazyPoints }) {
  const trpc = useTRPC();
  const hostRef = useRef<HTMLDivElement>(null);
  const needsPoints = lazy !== undefined && data.lines.length === 0 && data.bars.length === 0 && data.missing.length < data.table.columns.length;
  const onScreen = useOnScreen(hostRef, needsPoints);
  const full = useQuery({ ...trpc.charts.get.queryOptions({ id: lazy?.chartId ?? "", asOf: lazy?.asOf, withPoints: true }), enabled: needsPoints && onScreen });
  const drawn = needsPoints ? full.data?.data : data;

  const { drawn: interactive } = usePlot(loadFigure, drawn ? (figure, width) => figure.chartFigure(drawn, { width, interactive: true }) : null, [drawn], hostRef);

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
