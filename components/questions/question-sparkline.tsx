// A question's forecast history as a tiny inline SVG step line (binary on a fixed 0–100% scale).
export function QuestionSparkline({ values, kind, width = 96, height = 28 }: { values: number[]; kind: "binary" | "numeric"; width?: number; height?: number }) {
  const label = values.length === 0 ? "No forecasts yet" : `Your forecast history: ${values.length} forecast${values.length === 1 ? "" : "s"}`;
  if (values.length === 0) {
    return (
      <svg className="q-spark q-spark-empty" width={width} height={height} role="img" aria-label={label}>
        <line x1={2} x2={width - 2} y1={height / 2} y2={height / 2} />
      </svg>
    );
  }
  const series = values.length === 1 ? [values[0]!, values[0]!] : values;
  let min = kind === "binary" ? 0 : Math.min(...series);
  let max = kind === "binary" ? 1 : Math.max(...series);
  if (max === min) {
    min -= 1;
    max += 1;
  }
  const pad = 3;
  const step = (width - pad * 2) / (series.length - 1);
  const y = (v: number) => pad + (height - pad * 2) * (1 - (v - min) / (max - min));
  let d = `M${pad},${y(series[0]!).toFixed(1)}`;
  for (let i = 1; i < series.length; i++) d += `H${(pad + i * step).toFixed(1)}V${y(series[i]!).toFixed(1)}`;
  return (
    <svg className="q-spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {kind === "binary" && <line className="q-spark-mid" x1={pad} x2={width - pad} y1={y(0.5)} y2={y(0.5)} />}
      <path d={d} fill="none" strokeWidth={1.6} strokeLinejoin="round" />
      <circle cx={width - pad} cy={y(series.at(-1)!)} r={2.2} />
    </svg>
  );
}
