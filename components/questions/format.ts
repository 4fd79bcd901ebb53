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
