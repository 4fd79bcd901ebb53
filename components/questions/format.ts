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
/** What questions.team returns. */
export type TeamData = Outputs["questions"]["team"];
/** What questions.leaderboard returns. */
export type LeaderboardData = Outputs["questions"]["leaderboard"];

/** A score as shown: 3 decimals, a true minus sign for a negative log score. */
export function formatScore(n: number): string {
  return n.toFixed(3).replace(/^-/, "−");
}

/** A peer score as shown: signed, 3 decimals ("+0.208", "−0.131", "0.000"). */
export function formatPeer(n: number): string {
  const t = Math.abs(n).toFixed(3);
  if (t === "0.000") return t;
  return `${n > 0 ? "+" : "−"}${t}`;
}

/** A question's tRPC error: the first field error when there is one, else its message. */
export function errorText(error: { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null } | null): string | null {
  if (!error) return null;
  const first = error.data?.fieldErrors ? Object.values(error.data.fieldErrors).flat().find(Boolean) : undefined;
  return first ?? error.message;
}
