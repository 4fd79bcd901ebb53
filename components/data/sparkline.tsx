// A tiny inline SVG line of a series' recent values, for lists.
export function Sparkline({ values, width = 120, height = 32, label }: { values: number[]; width?: number; height?: number; label?: string }) {
  if (values.length < 2) {
    return (
      <svg className="sparkline sparkline-empty" width={width} height={height} role="img" aria-label={label ?? "No recent data"}>
        <line x1={2} x2={width - 2} y1={height / 2} y2={height / 2} />
      </svg>
    );
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  const pad = 3;
  const step = (width - pad * 2) / (values.length - 1);
  const y = (v: number) => pad + (height - pad * 2) * (1 - (v - min) / span);
  const points = values.map((v, i) => `${(pad + i * step).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values[values.length - 1]!;
  const rising = last >= values[0]!;
  return (
    <svg className="sparkline" data-trend={rising ? "up" : "down"} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label ?? "Recent values"}>
      <polyline points={points} fill="none" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      <circle cx={width - pad} cy={y(last)} r={2} />
    </svg>
  );
}
