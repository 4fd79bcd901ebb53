// Resolving questions: by hand (editors), by a data rule when its data is final (automatically), reopening (owners), and scores.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { observations, questions, series } from "@/db/schema";
import { evaluateRule, type RuleResult } from "@/lib/questions/rules";
import { scoreQuestion, type UserScore } from "@/lib/questions/scoring";
import { dataRuleSchema, resolutionKindError, resolutionOutcome, type DataRule, type ResolutionInput } from "@/lib/questions/spec";
import { type Actor } from "./access";
import { recordEvent } from "./audit";
import { badRequest } from "./errors";
import { readObservations } from "./observations";
import { forecastsOf, questionFor, todayUtc, type ForecastPoint, type QuestionRow } from "./questions";

/** Resolves an open question by hand (yes/no, a value, or annulled), for an editor or owner. */
export async function resolveQuestion(actor: Actor, input: ResolutionInput & { id: string }): Promise<{ id: string; status: "resolved" | "annulled" }> {
  const row = await questionFor(actor, input.id, "write");
  if (row.status !== "open") throw badRequest(`This question is already ${row.status}; reopen it first to resolve it differently.`);
  const kindError = resolutionKindError(input, row.kind);
  if (kindError) throw badRequest(kindError);
  const status = input.annulled ? "annulled" : "resolved";
  const outcome = resolutionOutcome(input);
  await transaction(async (tx) => {
    await tx.update(questions)
      .set({ status, outcome, resolvedAt: new Date(), resolvedBy: actor.id, resolutionSource: "manual", resolutionComment: input.comment ?? "", evidence: null, updatedAt: new Date() })
      .where(eq(questions.id, row.id));
    await recordEvent(tx, { actorId: actor.id, action: status === "annulled" ? "question.annul" : "question.resolve", targetType: "question", targetId: row.id, notebookId: row.notebookId, data: { outcome, comment: input.comment ?? "", source: "manual" } });
  });
  return { id: row.id, status };
}

/** Reopens a resolved or annulled question (owners). A rule that resolved it stays quiet until the question is edited. */
export async function reopenQuestion(actor: Actor, id: string): Promise<{ id: string }> {
  const row = await questionFor(actor, id, "remove");
  if (row.status === "open") throw badRequest("This question is already open.");
  await transaction(async (tx) => {
    await tx.update(questions)
      .set({ status: "open", outcome: null, resolvedAt: null, resolvedBy: null, resolutionSource: null, resolutionComment: "", ruleActive: false, ruleStatus: row.rule ? "Reopened by hand: the rule will not resolve it again until the question is edited." : null, updatedAt: new Date() })
      .where(eq(questions.id, row.id));
    await recordEvent(tx, { actorId: actor.id, action: "question.reopen", targetType: "question", targetId: row.id, notebookId: row.notebookId, data: { previous: { status: row.status, outcome: row.outcome, evidence: row.evidence } } });
  });
  return { id: row.id };
}

/** Each date's value as first published: the earliest known row of each date, by date. */
async function firstPublished(seriesId: string): Promise<Array<{ date: string; value: number }>> {
  const rows = await getDb()
    .select({ date: observations.date, value: observations.value })
    .from(observations)
    .where(eq(observations.seriesId, seriesId))
    .orderBy(asc(observations.date), asc(observations.knownFrom), asc(observations.id));
  const out: Array<{ date: string; value: number }> = [];
  for (const r of rows) if (out.at(-1)?.date !== r.date) out.push(r);
  return out;
}

/** The series' values a rule with this vintage reads: as first published, as known at a moment, or as known now. */
async function valuesFor(seriesId: string, vintage: DataRule["vintage"]): Promise<Array<{ date: string; value: number }>> {
  if (vintage === "first") return firstPublished(seriesId);
  if (typeof vintage === "object") return readObservations(seriesId, { asOf: new Date(vintage.asOf) });
  return readObservations(seriesId);
}

/** Which values a resolution used, in words, for its evidence. */
export function vintageUsed(vintage: DataRule["vintage"], at: Date): string {
  if (vintage === "first") return "values as first published";
  if (typeof vintage === "object") return `values as known at ${vintage.asOf}`;
  return `values as known at ${at.toISOString()}`;
}

/** Evaluates one question's rule over its notebook's data, read as the rule's vintage says (as known now by default). */
export async function evaluateQuestionRule(row: Pick<QuestionRow, "notebookId" | "rule">, today = todayUtc()): Promise<RuleResult | null> {
  const parsed = dataRuleSchema.safeParse(row.rule);
  if (!parsed.success) return null;
  const rule: DataRule = parsed.data;
  const keys = rule.type === "return-compare" ? [rule.a, rule.b] : [rule.a];
  const rows = await getDb().select({ id: series.id, key: series.key, name: series.name }).from(series).where(and(eq(series.notebookId, row.notebookId), inArray(series.key, keys)));
  const data: Record<string, { date: string; value: number }[]> = {};
  const names: Record<string, string> = {};
  for (const r of rows) {
    data[r.key] = await valuesFor(r.id, rule.vintage);
    names[r.key] = r.name;
  }
  return evaluateRule(rule, data, { today, names });
}

/**
 * Resolves every open question whose rule's data is final, recording the values it used as evidence;
 * the others get the reason they wait. Returns the ids it resolved. Runs on a schedule and after data changes.
 */
export async function resolveByRules(opts: { notebookId?: string; now?: Date } = {}): Promise<string[]> {
  const db = getDb();
  const open = await db
    .select()
    .from(questions)
    .where(and(eq(questions.status, "open"), eq(questions.ruleActive, true), isNotNull(questions.rule), opts.notebookId ? eq(questions.notebookId, opts.notebookId) : undefined));
  const resolved: string[] = [];
  const now = opts.now ?? new Date();
  for (const row of open) {
    const result = await evaluateQuestionRule(row, todayUtc(now));
    if (!result) continue;
    if (result.status === "waiting") {
      if (row.ruleStatus !== result.reason) await transaction((tx) => tx.update(questions).set({ ruleStatus: result.reason }).where(eq(questions.id, row.id)));
      continue;
    }
    // The evidence records which values it used (the rule's vintage), so a later revision can be told apart.
    const evidence = { ...result.evidence, values: { ...result.evidence.values, vintage: vintageUsed(dataRuleSchema.parse(row.rule).vintage, now) } };
    // The update claims the resolution: on several servers checking at once, exactly one finds the question still open.
    const claimed = await transaction(async (tx) => {
      const changed = await tx
        .update(questions)
        .set({ status: "resolved", outcome: result.outcome, resolvedAt: now, resolvedBy: null, resolutionSource: "rule", resolutionComment: "", evidence, ruleStatus: null, updatedAt: now })
        .where(and(eq(questions.id, row.id), eq(questions.status, "open"), eq(questions.version, row.version)))
        .returning({ id: questions.id });
      if (changed.length === 0) return false;
      await recordEvent(tx, { actorId: null, action: "question.resolve", targetType: "question", targetId: row.id, notebookId: row.notebookId, data: { outcome: result.outcome, source: "rule", evidence } });
      return true;
    });
    if (claimed) resolved.push(row.id);
  }
  return resolved;
}

export type ScoredQuestion = { id: string; title: string; kind: "binary" | "numeric"; resolveBy: string; resolvedAt: Date | null; outcome: number; score: UserScore<ForecastPoint> };

/** The actor's scores on the resolved questions they can read (annulled ones left out), most recently resolved last. */
export async function myScores(actor: Actor, questionRows: QuestionRow[]): Promise<ScoredQuestion[]> {
  const resolved = questionRows.filter((q) => q.status === "resolved" && q.outcome !== null);
  const byQuestion = new Map<string, ForecastPoint[]>();
  for (const f of (await forecastsOf(resolved.map((q) => q.id)))) byQuestion.set(f.questionId, [...(byQuestion.get(f.questionId) ?? []), f]);
  const out: ScoredQuestion[] = [];
  for (const q of resolved) {
    const mine = (byQuestion.get(q.id) ?? []).filter((f) => f.userId === actor.id);
    const [score] = scoreQuestion({ kind: q.kind, status: q.status, resolveBy: q.resolveBy, outcome: q.outcome, rangeMin: q.rangeMin, rangeMax: q.rangeMax }, mine);
    if (score) out.push({ id: q.id, title: q.title, kind: q.kind, resolveBy: q.resolveBy, resolvedAt: q.resolvedAt, outcome: q.outcome!, score });
  }
  return out.sort((a, b) => (a.resolvedAt?.getTime() ?? 0) - (b.resolvedAt?.getTime() ?? 0));
}
