// Words and numbers for questions: forecasts, outcomes, kinds (pure; the app and the share page both use them).
export type ForecastValues = { probability: number | null; value: number | null; low: number | null; high: number | null };

/** A number for people: up to 2 decimals, thousands separated. */
export function formatNumber(n: number, digits = 2): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** A probability as a whole percent: 0.62 → "62%". */
export function formatPercent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** A forecast in words: "62%", or "3 cuts (2–4)". */
export function formatForecast(f: ForecastValues, unit = ""): string {
  if (f.probability !== null) return formatPercent(f.probability);
  if (f.value === null) return "—";
  const u = unit ? ` ${unit}` : "";
  return `${formatNumber(f.value)}${u} (${formatNumber(f.low ?? f.value)}–${formatNumber(f.high ?? f.value)})`;
}

/** The outcome of a resolved question: "Yes", "No", "3 cuts"; "Annulled" when annulled. */
export function formatOutcome(q: { kind: "binary" | "numeric"; status: string; outcome: number | null; unit: string }): string {
  if (q.status === "annulled") return "Annulled";
  if (q.outcome === null) return "—";
  if (q.kind === "binary") return q.outcome === 1 ? "Yes" : "No";
  return `${formatNumber(q.outcome)}${q.unit ? ` ${q.unit}` : ""}`;
}

/** The label of a kind. */
export function kindLabel(kind: "binary" | "numeric"): string {
  return kind === "binary" ? "Yes / no" : "Numeric";
}
