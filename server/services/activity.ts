// A notebook's activity feed: the audit trail (and the note revisions that stand for edits) as sentences people read, filterable by person and kind.
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { charts, events, forecasts, noteRevisions, notes, questions, series, shareLinks, users } from "@/db/schema";
import type { ActivityInput, ActivityKind } from "@/lib/validation/activity";
import { assertNotebookAccess, type Actor } from "./access";
import { actorWords, describe, num, str, type Names, type Row } from "./activity-sentences";

/** The actions each kind of activity shows; any other action (tokens, accounts, the demo seed) never reaches the feed. */
const ACTIONS: Record<ActivityKind, readonly string[]> = {
  wrote: [
    "note.created",
    "note.trashed",
    "note.restored",
    "note.revision_restored",
    "note.tagged",
    "note.trash_emptied",
    "tag.renamed",
    "figure.accepted",
    "question.create",
    "question.update",
    "question.criteria",
    "chart.create",
    "chart.update",
    "chart.remove",
  ],
  forecast: ["question.forecast"],
  resolved: ["question.resolve", "question.annul", "question.reopen"],
  commented: ["comment.create", "comment.reply", "comment.edit", "comment.delete", "comment.resolve", "comment.reopen"],
  shared: ["share.create", "share.revoke"],
  data: ["series.create", "series.update", "series.remove", "series.data", "series.bulk-import", "notebook.fredKeySet", "notebook.fredKeyCleared"],
  members: ["member.added", "member.removed", "member.role_changed", "notebook.created", "notebook.renamed", "notebook.reminders"],
};

const KIND_OF = new Map<string, ActivityKind>(Object.entries(ACTIONS).flatMap(([kind, actions]) => actions.map((a) => [a, kind as ActivityKind] as const)));

/** Edits of one thing by one person less than this apart read as one item. */
export const ACTIVITY_BURST_MS = 10 * 60 * 1000;

const DEFAULT_LIMIT = 30;
/** Actions whose bursts fold into one item (autosaved edits come as note revisions, "note.edited"). */
const FOLDED = new Set(["note.edited", "series.data", "chart.update", "question.update", "series.update"]);

/** One line of the feed. `href` is set when the thing still exists and is in this notebook (the caller can read it). */
export type ActivityItem = {
  id: string;
  at: Date;
  actor: { id: string; name: string } | null;
  kind: ActivityKind;
  action: string;
  text: string;
  href: string | null;
  /** How many saves or updates the item stands for (1 unless a burst was folded). */
  count: number;
};

/** A page of the feed, the people who appear in the notebook's feed (for the filter) and where the next page starts. */
export type ActivityPage = { items: ActivityItem[]; people: { id: string; name: string }[]; nextCursor: string | null };


type Cursor = { t: number; src: "e" | "r"; id: number };

const rank = (src: "e" | "r") => (src === "e" ? 1 : 0);

/** Feed order, newest first: by moment (to the ms), then events before revisions, then id. Negative when a comes first. */
function compare(a: { at: Date; src: "e" | "r"; id: number }, b: { at: Date; src: "e" | "r"; id: number }): number {
  return b.at.getTime() - a.at.getTime() || rank(b.src) - rank(a.src) || b.id - a.id;
}

function parseCursor(before: string | undefined): Cursor | null {
  if (!before) return null;
  const [t, rest] = before.split(":");
  return { t: Number(t), src: rest!.charAt(0) as "e" | "r", id: Number(rest!.slice(1)) };
}

const cursorOf = (row: Row) => `${row.at.getTime()}:${row.src}${row.id}`;

const after = (row: Row, c: Cursor | null) => c === null || compare({ at: new Date(c.t), src: c.src, id: c.id }, row) < 0;


async function readRows(notebookId: string, input: ActivityInput, cursor: Cursor | null, limit: number): Promise<{ rows: Row[]; full: boolean }> {
  const db = getDb();
  const upTo = cursor ? new Date(cursor.t + 1) : null;
  const actions = input.kind ? ACTIONS[input.kind] : [...KIND_OF.keys()];
  const eventFetch = limit + 1;
  const eventWhere: (SQL | undefined)[] = [eq(events.notebookId, notebookId), inArray(events.action, [...actions])];
  if (input.actorId) eventWhere.push(eq(events.actorId, input.actorId));
  if (upTo) eventWhere.push(lt(events.at, upTo));
  const eventRows = await db
    .select({ id: events.id, at: events.at, actorId: events.actorId, actorName: users.name, action: events.action, targetType: events.targetType, targetId: events.targetId, data: events.data })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(...eventWhere))
    .orderBy(desc(events.at), desc(events.id))
    .limit(eventFetch);
  const rows: Row[] = eventRows.map((e) => ({ ...e, src: "e" as const, from: e.at, data: e.data ?? null }));
  let full = eventRows.length === eventFetch;
  if (!input.kind || input.kind === "wrote") {
    // Autosaves are kept as note revisions (one per author per few minutes), not as events: they stand for "edited".
    const revisionFetch = Math.min(limit * 4, 400) + 1;
    const revisionWhere: (SQL | undefined)[] = [eq(notes.notebookId, notebookId), eq(noteRevisions.kind, "edit")];
    if (input.actorId) revisionWhere.push(eq(noteRevisions.authorId, input.actorId));
    if (upTo) revisionWhere.push(lt(noteRevisions.updatedAt, upTo));
    const revisions = await db
      .select({ id: noteRevisions.id, at: noteRevisions.updatedAt, from: noteRevisions.createdAt, actorId: noteRevisions.authorId, actorName: users.name, noteId: noteRevisions.noteId })
      .from(noteRevisions)
      .innerJoin(notes, eq(notes.id, noteRevisions.noteId))
      .leftJoin(users, eq(users.id, noteRevisions.authorId))
      .where(and(...revisionWhere))
      .orderBy(desc(noteRevisions.updatedAt), desc(noteRevisions.id))
      .limit(revisionFetch);
    for (const r of revisions) rows.push({ src: "r", id: r.id, at: r.at, from: r.from, actorId: r.actorId, actorName: r.actorName, action: "note.edited", targetType: "note", targetId: r.noteId, data: null });
    full ||= revisions.length === revisionFetch;
  }
  return { rows: rows.filter((r) => after(r, cursor)).sort(compare), full };
}

/** Names of the things the rows point at, read only from this notebook: a target elsewhere stays nameless. */
async function namesFor(notebookId: string, rows: Row[]): Promise<Names> {
  const db = getDb();
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type).map((r) => r.targetId))];
  const names: Names = { notes: new Map(), questions: new Map(), charts: new Map(), series: new Map(), users: new Map(), shares: new Map(), forecastQuestion: new Map() };
  const noteIds = new Set(ids("note"));
  const questionIds = new Set(ids("question"));
  const shareIds = ids("share_link");
  if (shareIds.length > 0) {
    for (const s of await db
      .select({ id: shareLinks.id, targetType: shareLinks.targetType, targetId: shareLinks.targetId })
      .from(shareLinks)
      .where(and(eq(shareLinks.notebookId, notebookId), inArray(shareLinks.id, shareIds)))) {
      names.shares.set(s.id, { targetType: s.targetType, targetId: s.targetId });
    }
  }
  const forecastIds: string[] = [];
  for (const r of rows) {
    const type = r.action === "share.create" ? str(r.data, "targetType") : r.targetType === "comment" ? str(r.data, "targetType") : r.targetType === "share_link" ? names.shares.get(r.targetId)?.targetType : null;
    const target = r.action === "share.create" || r.targetType === "comment" ? str(r.data, "targetId", 64) : r.targetType === "share_link" ? names.shares.get(r.targetId)?.targetId : null;
    if (!type || !target) continue;
    if (type === "note") noteIds.add(target);
    if (type === "question") questionIds.add(target);
    if (type === "forecast") forecastIds.push(target);
  }
  const numericForecasts = forecastIds.map(Number).filter((n) => Number.isSafeInteger(n));
  if (numericForecasts.length > 0) {
    for (const f of await db
      .select({ id: forecasts.id, questionId: forecasts.questionId })
      .from(forecasts)
      .innerJoin(questions, eq(questions.id, forecasts.questionId))
      .where(and(eq(questions.notebookId, notebookId), inArray(forecasts.id, numericForecasts)))) {
      names.forecastQuestion.set(String(f.id), f.questionId);
      questionIds.add(f.questionId);
    }
  }
  if (noteIds.size > 0) {
    for (const n of await db
      .select({ id: notes.id, title: notes.title, deletedAt: notes.deletedAt })
      .from(notes)
      .where(and(eq(notes.notebookId, notebookId), inArray(notes.id, [...noteIds])))) {
      names.notes.set(n.id, { title: n.title, deleted: n.deletedAt !== null });
    }
  }
  if (questionIds.size > 0) {
    for (const q of await db
      .select({ id: questions.id, title: questions.title, kind: questions.kind, unit: questions.unit })
      .from(questions)
      .where(and(eq(questions.notebookId, notebookId), inArray(questions.id, [...questionIds])))) {
      names.questions.set(q.id, { title: q.title, kind: q.kind, unit: q.unit ?? "" });
    }
  }
  const chartIds = ids("chart");
  if (chartIds.length > 0) {
    for (const c of await db.select({ id: charts.id, title: charts.title }).from(charts).where(and(eq(charts.notebookId, notebookId), inArray(charts.id, chartIds)))) {
      names.charts.set(c.id, c.title);
    }
  }
  const seriesIds = ids("series");
  if (seriesIds.length > 0) {
    for (const s of await db.select({ id: series.id, key: series.key, name: series.name }).from(series).where(and(eq(series.notebookId, notebookId), inArray(series.id, seriesIds)))) {
      names.series.set(s.id, { key: s.key, name: s.name });
    }
  }
  const memberIds = ids("membership");
  if (memberIds.length > 0) {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, memberIds))) names.users.set(u.id, u.name);
  }
  return names;
}

/** The people who appear in the notebook's feed (as authors of events or of note edits), by name. */
async function peopleOf(notebookId: string): Promise<{ id: string; name: string }[]> {
  const db = getDb();
  const [fromEvents, fromRevisions] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(events)
      .innerJoin(users, eq(users.id, events.actorId))
      .where(and(eq(events.notebookId, notebookId), inArray(events.action, [...KIND_OF.keys()]))),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(noteRevisions)
      .innerJoin(notes, eq(notes.id, noteRevisions.noteId))
      .innerJoin(users, eq(users.id, noteRevisions.authorId))
      .where(and(eq(notes.notebookId, notebookId), eq(noteRevisions.kind, "edit"))),
  ]);
  const people = new Map<string, string>();
  for (const p of [...fromEvents, ...fromRevisions]) people.set(p.id, p.name);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A page of a notebook's activity, newest first (READ access): who wrote, forecast, resolved, commented, shared, changed
 * data or members, as sentences with links to the things that still exist. Bursts of edits of one thing by one person
 * (autosaves, refreshes) read as one item. `before` is the previous page's `nextCursor`.
 */
export async function notebookActivity(actor: Actor, input: ActivityInput): Promise<ActivityPage> {
  await assertNotebookAccess(actor, input.notebookId, "read");
  const limit = input.limit ?? DEFAULT_LIMIT;
  const cursor = parseCursor(input.before);
  const { rows, full } = await readRows(input.notebookId, input, cursor, limit);
  const groups: { rows: Row[] }[] = [];
  let consumed = 0;
  for (const row of rows) {
    const last = groups.at(-1)?.rows;
    const head = last?.[0];
    const oldest = last?.at(-1);
    const folds =
      head &&
      oldest &&
      FOLDED.has(row.action) &&
      row.action === head.action &&
      row.actorId === head.actorId &&
      row.targetId === head.targetId &&
      oldest.from.getTime() - row.at.getTime() <= ACTIVITY_BURST_MS;
    if (folds) last.push(row);
    else if (groups.length === limit) break;
    else groups.push({ rows: [row] });
    consumed++;
  }
  const names = await namesFor(input.notebookId, groups.flatMap((g) => g.rows));
  const items = groups.map(({ rows: group }): ActivityItem => {
    const head = group[0]!;
    const count = group.length;
    const { text, href } = describe(head, names, input.notebookId, count);
    const sum = (key: string) => group.reduce((n, r) => n + (num(r.data, key) ?? 0), 0);
    const summed = head.action === "series.data" ? describe({ ...head, data: { inserted: sum("inserted"), revised: sum("revised") } }, names, input.notebookId, count) : null;
    return {
      id: `${head.src}${head.id}`,
      at: head.at,
      actor: head.actorId && head.actorName ? { id: head.actorId, name: head.actorName } : null,
      kind: KIND_OF.get(head.action) ?? "wrote",
      action: head.action,
      text: `${actorWords(head)} ${(summed ?? { text }).text}`,
      href: summed?.href ?? href,
      count,
    };
  });
  const more = consumed < rows.length || full;
  return { items, people: await peopleOf(input.notebookId), nextCursor: more && consumed > 0 ? cursorOf(rows[consumed - 1]!) : null };
}
