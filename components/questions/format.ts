// Words and numbers for questions on screen: forecasts, outcomes, scores, statuses.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
/** A question as questions.get returns it. */
export type QuestionDetail = Outputs["questions"]["get"];
/** A row of questions.list. */
export type QuestionSummary = Outputs["questions"]["list"][number];
/** One forecast of a question. */
export type ForecastPoint = QuestionDetail["forecasts"][number];
/** What calibration returns. */
export type CalibrationData = Outputs["questions"]["calibration"];

type ForecastValues = { probability: number | null; value: number | null; low: number | null; high: number | null };

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

/** A score as shown: Brier to 3 decimals. */
export function formatScore(n: number): string {
  return n.toFixed(3);
}

/** A question's tRPC error: the first field error when there is one, else its message. */
export function errorText(error: { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null } | null): string | null {
  if (!error) return null;
  const first = error.data?.fieldErrors ? Object.values(error.data.fieldErrors).flat().find(Boolean) : undefined;
  return first ?? error.message;
}
