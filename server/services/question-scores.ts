// The calibration page's numbers: the actor's scores on resolved questions, calibration buckets, and scores over time.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { questions } from "@/db/schema";
import { calibration, interval80HitRate, meanBrier, meanScaledError, type CalibrationBucket } from "@/lib/questions/scoring";
import { assertNotebookAccess, readableBy, type Actor } from "./access";
import { myScores, type ScoredQuestion } from "./question-resolution";

export type Calibration = {
  buckets: CalibrationBucket[];
  meanBrier: number | null;
  interval80HitRate: number | null;
  meanScaledError: number | null;
  binaryCount: number;
  numericCount: number;
  resolved: ScoredQuestion[];
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
  return {
    buckets: calibration(binary),
    meanBrier: meanBrier(binary),
    interval80HitRate: interval80HitRate(numeric),
    meanScaledError: meanScaledError(numeric),
    binaryCount: binary.length,
    numericCount: numeric.length,
    resolved,
  };
}
