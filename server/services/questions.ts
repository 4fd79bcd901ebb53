// Tracked questions: list (the dashboard), get (the question page), create and edit; access is checked first in every call.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb, transaction, type Tx } from "@/db/client";
import { events, forecasts, noteLinks, notebooks, notes, questionTags, questions, users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { aggregateAt } from "@/lib/questions/aggregate";
import type { ChartForecast } from "@/lib/questions/forecast-figure";
import { describeRule, type DataRule, type Question, type QuestionKind, type QuestionStatus } from "@/lib/questions/spec";
import { assertAccessToRowIn, assertNotebookAccess, roleAllows, roleIn, rolesByNotebook, type Actor, type NotebookAction } from "./access";
import { recordEvent } from "./audit";
import { type DomainError, badRequest, conflict, notFound } from "./errors";
import { resolveByRules } from "./question-resolution";

export type QuestionRow = typeof questions.$inferSelect;

/** The same NOT_FOUND for a question that does not exist as for one in a notebook the actor cannot read. */
export function notFoundQuestion(): DomainError {
  return notFound("question");
}

/** The question row if the actor may do `action` in its notebook. */
export async function questionFor(actor: Actor, id: string, action: NotebookAction): Promise<QuestionRow> {
  const [row] = await getDb().select().from(questions).where(eq(questions.id, id));
  await assertAccessToRowIn(actor, row?.notebookId, action, notFoundQuestion);
  return row!;
}

export type ForecastPoint = ChartForecast & { id: number; questionId: string };

/** Every forecast on the questions, oldest first, with the forecaster's name and the prompting note's title (when still readable). */
export async function forecastsOf(questionIds: string[]): Promise<ForecastPoint[]> {
  if (questionIds.length === 0) return [];
  return await getDb()
    .select({
      id: forecasts.id,
      questionId: forecasts.questionId,
      userId: forecasts.userId,
      userName: users.name,
      at: forecasts.at,
      probability: forecasts.probability,
      value: forecasts.value,
      low: forecasts.low,
      high: forecasts.high,
      rationale: forecasts.rationale,
      noteId: forecasts.noteId,
      noteTitle: notes.title,
    })
    .from(forecasts)
    .innerJoin(users, eq(users.id, forecasts.userId))
    .leftJoin(notes, eq(notes.id, forecasts.noteId))
    .where(inArray(forecasts.questionId, questionIds))
    .orderBy(asc(forecasts.at), asc(forecasts.id));
}

async function tagsOf(ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  for (const row of (await getDb().select().from(questionTags).where(inArray(questionTags.questionId, ids)).orderBy(questionTags.tag))) {
    map.set(row.questionId, [...(map.get(row.questionId) ?? []), row.tag]);
  }
  return map;
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type QuestionSummary = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  kind: QuestionKind;
  unit: string;
  status: QuestionStatus;
  resolveBy: string;
  overdue: boolean;
  outcome: number | null;
  tags: string[];
  updatedAt: Date;
  lastChangeAt: Date;
  /** The actor's own latest forecast, if any. */
  myForecast: { probability: number | null; value: number | null; low: number | null; high: number | null; at: Date } | null;
  /** The actor's forecast history (probability, or value), oldest first, for a sparkline. */
  sparkline: number[];
  /** The team's forecast now (each member's latest before the resolve-by date; median probability or value, median interval) and how many it pools. */
  team: { probability: number | null; value: number | null; low: number | null; high: number | null; count: number } | null;
  forecastCount: number;
  canEdit: boolean;
};

function teamNow(kind: QuestionKind, list: ForecastPoint[], resolveBy: string): QuestionSummary["team"] {
  const a = aggregateAt(kind, list, new Date(), { resolveBy });
  if (!a) return null;
  return a.kind === "binary"
    ? { probability: a.median, value: null, low: null, high: null, count: a.count }
    : { probability: null, value: a.median, low: a.low, high: a.high, count: a.count };
}

/** The questions of one notebook, or every notebook the actor belongs to: open ones first by resolve-by date, then the rest. */
export async function listQuestions(actor: Actor, opts: { notebookId?: string; status?: QuestionStatus } = {}): Promise<QuestionSummary[]> {
  if (opts.notebookId) await assertNotebookAccess(actor, opts.notebookId, "read");
  const db = getDb();
  const roles = await rolesByNotebook(actor);
  const scope = opts.notebookId ? [opts.notebookId] : [...roles.keys()];
  if (scope.length === 0) return [];
  const rows = await db
    .select({ q: questions, notebookName: notebooks.name })
    .from(questions)
    .innerJoin(notebooks, eq(notebooks.id, questions.notebookId))
    .where(and(inArray(questions.notebookId, scope), opts.status ? eq(questions.status, opts.status) : undefined))
    .orderBy(asc(questions.resolveBy), desc(questions.updatedAt));
  const ids = rows.map((r) => r.q.id);
  const all = await forecastsOf(ids);
  const tags = await tagsOf(ids);
  const today = todayUtc();
  const byQuestion = new Map<string, ForecastPoint[]>();
  for (const f of all) byQuestion.set(f.questionId, [...(byQuestion.get(f.questionId) ?? []), f]);
  const summaries = rows.map(({ q, notebookName }) => {
    const list = byQuestion.get(q.id) ?? [];
    const mine = list.filter((f) => f.userId === actor.id);
    const last = mine.at(-1);
    const lastChangeAt = new Date(Math.max(q.updatedAt.getTime(), list.at(-1)?.at.getTime() ?? 0));
    return {
      id: q.id,
      notebookId: q.notebookId,
      notebookName,
      title: q.title,
      kind: q.kind,
      unit: q.unit,
      status: q.status,
      resolveBy: q.resolveBy,
      overdue: q.status === "open" && q.resolveBy < today,
      outcome: q.outcome,
      tags: tags.get(q.id) ?? [],
      updatedAt: q.updatedAt,
      lastChangeAt,
      myForecast: last ? { probability: last.probability, value: last.value, low: last.low, high: last.high, at: last.at } : null,
      sparkline: mine.map((f) => (q.kind === "binary" ? (f.probability ?? 0) : (f.value ?? 0))),
      team: teamNow(q.kind, list, q.resolveBy),
      forecastCount: list.length,
      canEdit: roleAllows(roles.get(q.notebookId) ?? null, "write"),
    };
  });
  const rank = (s: QuestionSummary) => (s.status === "open" ? 0 : 1);
  return summaries.sort((a, b) => rank(a) - rank(b) || (a.status === "open" ? a.resolveBy.localeCompare(b.resolveBy) : b.lastChangeAt.getTime() - a.lastChangeAt.getTime()));
}

export type Activity = { at: Date; action: string; actorName: string | null; data: Record<string, unknown> | null };

/** The question's activity, oldest first: created, forecasts, edits (with the old criteria), resolved, reopened. */
export async function questionActivity(questionId: string): Promise<Activity[]> {
  return await getDb()
    .select({ at: events.at, action: events.action, actorName: users.name, data: events.data })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(eq(events.targetType, "question"), eq(events.targetId, questionId)))
    .orderBy(asc(events.at), asc(events.id));
}

export type QuestionDetail = Omit<QuestionRow, "rule" | "evidence"> & {
  notebookName: string;
  rule: DataRule | null;
  ruleText: string | null;
  evidence: Record<string, unknown> | null;
  tags: string[];
  forecasts: ForecastPoint[];
  citedBy: Array<{ id: string; title: string; updatedAt: Date }>;
  activity: Activity[];
  role: "owner" | "editor" | "viewer";
  canEdit: boolean;
  canReopen: boolean;
};

/** One question with everything its page shows: forecasts of every member, citing notes, activity. */
export async function getQuestion(actor: Actor, id: string): Promise<QuestionDetail> {
  const row = await questionFor(actor, id, "read");
  const db = getDb();
  const role = (await roleIn(actor, row.notebookId))!;
  const [notebook] = await db.select({ name: notebooks.name }).from(notebooks).where(eq(notebooks.id, row.notebookId));
  const citedBy = (await db
    .select({ id: notes.id, title: notes.title, updatedAt: notes.updatedAt, deletedAt: notes.deletedAt })
    .from(noteLinks)
    .innerJoin(notes, eq(notes.id, noteLinks.noteId))
    .where(and(eq(noteLinks.targetType, "question"), eq(noteLinks.targetId, row.id), eq(notes.notebookId, row.notebookId)))
    .orderBy(asc(notes.updatedAt)))
    .filter((n) => n.deletedAt === null)
    .map(({ deletedAt: _deleted, ...n }) => n);
  const rule = (row.rule as DataRule | null) ?? null;
  return {
    ...row,
    notebookName: notebook?.name ?? "",
    rule,
    ruleText: rule ? describeRule(rule) : null,
    evidence: row.evidence ?? null,
    tags: (await tagsOf([row.id])).get(row.id) ?? [],
    forecasts: await forecastsOf([row.id]),
    citedBy,
    activity: await questionActivity(row.id),
    role,
    canEdit: roleAllows(role, "write"),
    canReopen: roleAllows(role, "remove"),
  };
}

async function writeTags(tx: Tx, questionId: string, tags: string[]): Promise<void> {
  await tx.delete(questionTags).where(eq(questionTags.questionId, questionId));
  if (tags.length > 0) await tx.insert(questionTags).values(tags.map((tag) => ({ questionId, tag })));
}

/**
 * Creates a question in a notebook the actor may write to. A data rule is checked at once, so the question
 * page can say what it waits for. A question entered after the fact (the demo's) gives its own moment
 * `at` and checks its rule once its forecasts are in (`checkRule: false`).
 */
export async function createQuestion(actor: Actor, input: Question & { notebookId: string }, opts: { at?: Date; checkRule?: boolean } = {}): Promise<{ id: string }> {
  const at = opts.at ?? new Date();
  await assertNotebookAccess(actor, input.notebookId, "write");
  const id = newId();
  await transaction(async (tx) => {
    await tx.insert(questions)
      .values({
        id,
        notebookId: input.notebookId,
        title: input.title,
        details: input.details,
        criteria: input.criteria,
        resolveBy: input.resolveBy,
        kind: input.kind,
        unit: input.unit,
        rangeMin: input.rangeMin ?? null,
        rangeMax: input.rangeMax ?? null,
        rule: (input.rule as Record<string, unknown> | undefined) ?? null,
        createdBy: actor.id,
        createdAt: at,
        updatedAt: at,
      });
    await writeTags(tx, id, input.tags);
    await recordEvent(tx, { actorId: actor.id, action: "question.create", targetType: "question", targetId: id, notebookId: input.notebookId, data: { title: input.title }, at });
  });
  if (input.rule && opts.checkRule !== false) await resolveByRules({ notebookId: input.notebookId });
  return { id };
}

/**
 * Edits an open question (its kind stays: forecasts were made in it). A change of criteria keeps the old
 * text in the activity; a rule is checked at once. With `baseVersion`, a stale edit gets CONFLICT.
 */
export async function updateQuestion(actor: Actor, input: Question & { id: string; baseVersion?: number }): Promise<{ id: string; version: number }> {
  const row = await questionFor(actor, input.id, "write");
  if (input.baseVersion !== undefined && input.baseVersion !== row.version) {
    throw conflict("Someone else changed this question since you opened it. Reload to see their version.", { version: row.version });
  }
  if (row.status !== "open") {
    throw badRequest(`This question is ${row.status}; an owner must reopen it before it can be edited.`);
  }
  if (input.kind !== row.kind) {
    throw badRequest("A question's kind cannot change once it exists; create a new question instead.");
  }
  const version = row.version + 1;
  await transaction(async (tx) => {
    const saved = await tx
      .update(questions)
      .set({
        title: input.title,
        details: input.details,
        criteria: input.criteria,
        resolveBy: input.resolveBy,
        unit: input.unit,
        rangeMin: input.rangeMin ?? null,
        rangeMax: input.rangeMax ?? null,
        rule: (input.rule as Record<string, unknown> | undefined) ?? null,
        ruleStatus: null,
        ruleActive: true,
        version,
        updatedAt: new Date(),
      })
      // The version read is part of the WHERE: of two edits made from one version, on this server or another, one lands.
      .where(and(eq(questions.id, row.id), eq(questions.version, row.version), eq(questions.status, "open")))
      .returning({ id: questions.id });
    if (saved.length === 0) throw conflict("Someone else changed this question since you opened it. Reload to see their version.", { version: row.version + 1 });
    await writeTags(tx, row.id, input.tags);
    const changed = (["title", "criteria", "resolveBy", "details"] as const).filter((k) => input[k] !== row[k]);
    await recordEvent(tx, {
      actorId: actor.id,
      action: row.criteria !== input.criteria ? "question.criteria" : "question.update",
      targetType: "question",
      targetId: row.id,
      notebookId: row.notebookId,
      data: { changed, ...(row.criteria !== input.criteria ? { oldCriteria: row.criteria, newCriteria: input.criteria } : {}), ...(row.resolveBy !== input.resolveBy ? { oldResolveBy: row.resolveBy } : {}) },
    });
  });
  if (input.rule) await resolveByRules({ notebookId: row.notebookId });
  return { id: row.id, version };
}
