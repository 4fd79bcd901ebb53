"use client";
// A plain SVG line chart of one series (y ticks, first/last dates, hover readout), sized to its container.
import { useEffect, useMemo, useRef, useState } from "react";
import { formatValue } from "./format";

type Point = { date: string; value: number };

const HEIGHT = 260;
const PAD = { top: 12, right: 16, bottom: 28, left: 64 };

function niceTicks(min: number, max: number, count = 4): number[] {
  if (min === max) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Every n-th point so that about `max` remain, always keeping the last. */
function thin(points: Point[], max: number): Point[] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

export function LineChart({ points, label, unit }: { points: Point[]; label: string; unit?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  const [hover, setHover] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const drawn = useMemo(() => thin(points, Math.max(2, width * 2)), [points, width]);
  const geometry = useMemo(() => {
    if (drawn.length === 0) return null;
    let min = Infinity;
    let max = -Infinity;
    for (const p of drawn) {
      if (p.value < min) min = p.value;
      if (p.value > max) max = p.value;
    }
    const ticks = niceTicks(min, max);
    const lo = Math.min(min, ticks[0] ?? min);
    const hi = Math.max(max, ticks.at(-1) ?? max);
    const span = hi - lo || Math.abs(hi) || 1;
    const t0 = Date.parse(drawn[0]!.date);
    const t1 = Date.parse(drawn.at(-1)!.date);
    const innerW = width - PAD.left - PAD.right;
    const innerH = HEIGHT - PAD.top - PAD.bottom;
    const x = (date: string) => PAD.left + (t1 === t0 ? innerW / 2 : ((Date.parse(date) - t0) / (t1 - t0)) * innerW);
    const y = (v: number) => PAD.top + innerH * (1 - (v - (hi === lo ? lo - span / 2 : lo)) / (hi === lo ? span : hi - lo));
    const path = drawn.map((p) => `${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
    return { ticks, x, y, path };
  }, [drawn, width]);

  if (!geometry) {
    return (
      <div ref={ref} className="chart-empty">
        No observations {label ? "to draw" : ""} yet.
      </div>
    );
  }
  const { ticks, x, y, path } = geometry;
  const hovered = hover === null ? null : drawn[hover];
  const onMove = (clientX: number, rect: DOMRect) => {
    const px = clientX - rect.left;
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < drawn.length; i++) {
      const d = Math.abs(x(drawn[i]!.date) - px);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    setHover(best);
  };
  const first = drawn[0]!;
  const last = drawn.at(-1)!;
  return (
    <div ref={ref} className="line-chart">
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={`${label}: ${points.length} observations from ${first.date} (${formatValue(first.value)}) to ${last.date} (${formatValue(last.value)})`}
        onMouseMove={(e) => onMove(e.clientX, e.currentTarget.getBoundingClientRect())}
        onMouseLeave={() => setHover(null)}
      >
        {ticks.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
              {formatValue(t)}
            </text>
          </g>
        ))}
        <g className="chart-axis">
          <text x={PAD.left} y={HEIGHT - 8} textAnchor="start">
            {first.date}
          </text>
          <text x={width - PAD.right} y={HEIGHT - 8} textAnchor="end">
            {last.date}
          </text>
        </g>
        <polyline className="chart-line" points={path} fill="none" />
        {hovered && (
          <g className="chart-hover">
            <line x1={x(hovered.date)} x2={x(hovered.date)} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
            <circle cx={x(hovered.date)} cy={y(hovered.value)} r={3.5} />
          </g>
        )}
      </svg>
      <div className="chart-readout faint" aria-live="off">
        {hovered ? (
          <>
            {hovered.date}: <strong>{formatValue(hovered.value)}</strong>
            {unit ? ` ${unit}` : ""}
          </>
        ) : (
          <>Hover the chart to read values.</>
        )}
      </div>
    </div>
  );
}
