// The calibration page's numbers: the actor's scores on resolved questions (Brier, log and peer scores), calibration buckets, and scores over time.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { questions } from "@/db/schema";
import { mean } from "@/lib/questions/team-scores";
import { calibration, interval80HitRate, meanBrier, meanScaledError, type CalibrationBucket } from "@/lib/questions/scoring";
import { assertNotebookAccess, readableBy, type Actor } from "./access";
import { myScores, type ScoredQuestion } from "./question-resolution";
import { myTeamScores } from "./question-team";

export type Calibration = {
  buckets: CalibrationBucket[];
  meanBrier: number | null;
  interval80HitRate: number | null;
  meanScaledError: number | null;
  binaryCount: number;
  numericCount: number;
  /** Mean log score over yes/no questions (ln of the probability given to what happened; 0 perfect), and mean peer score over all (positive: better than the team). */
  meanLogScore: number | null;
  meanPeer: number | null;
  resolved: Array<ScoredQuestion & { logScore: number | null; peer: number | null }>;
};

/** The actor's own calibration over the resolved questions of one notebook, or of all their notebooks. */
export async function myCalibration(actor: Actor, opts: { notebookId?: string } = {}): Promise<Calibration> {
  if (opts.notebookId) await assertNotebookAccess(actor, opts.notebookId, "read");
  const db = getDb();
  const scope = opts.notebookId ? eq(questions.notebookId, opts.notebookId) : readableBy(questions.notebookId, actor);
  const rows = await db.select().from(questions).where(scope);
  const resolved = await myScores(actor, rows);
  const binary = resolved.flatMap((r) => (r.score.kind === "binary" ? [r.score] : []));
  const numeric = resolved.flatMap((r) => (r.score.kind === "numeric" ? [r.score] : []));
  const team = await myTeamScores(actor, rows);
  const logs = resolved.flatMap((r) => (r.kind === "binary" && team.has(r.id) ? [team.get(r.id)!.logScore] : []));
  const peers = resolved.flatMap((r) => (team.has(r.id) ? [team.get(r.id)!.peer] : []));
  return {
    buckets: calibration(binary),
    meanBrier: meanBrier(binary),
    interval80HitRate: interval80HitRate(numeric),
    meanScaledError: meanScaledError(numeric),
    binaryCount: binary.length,
    numericCount: numeric.length,
    meanLogScore: mean(logs),
    meanPeer: mean(peers),
    resolved: resolved.map((r) => ({ ...r, logScore: r.kind === "binary" ? (team.get(r.id)?.logScore ?? null) : null, peer: team.get(r.id)?.peer ?? null })),
  };
}
