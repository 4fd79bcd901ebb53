// A notebook's activity feed: the audit trail (and the note revisions that stand for edits) as sentences people read, filterable by person and kind.
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { charts, events, forecasts, noteRevisions, notes, questions, series, shareLinks, users } from "@/db/schema";
import { formatForecast, formatOutcome } from "@/lib/questions/format";
import type { ActivityInput, ActivityKind } from "@/lib/validation/activity";
import { assertNotebookAccess, type Actor } from "./access";

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

type Row = {
  src: "e" | "r";
  id: number;
  at: Date;
  /** When a note revision was opened (its edits run from here to `at`). */
  from: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data: Record<string, unknown> | null;
};

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

const num = (data: Record<string, unknown> | null, key: string): number | null => (typeof data?.[key] === "number" && Number.isFinite(data[key]) ? (data[key] as number) : null);
const str = (data: Record<string, unknown> | null, key: string, max = 120): string | null => {
  const v = data?.[key];
  if (typeof v !== "string" || v.trim() === "") return null;
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
};
const quoted = (title: string) => `“${title}”`;
const ROLE_WORDS: Record<string, string> = { owner: "an owner", editor: "an editor", viewer: "a viewer" };

type Names = {
  notes: Map<string, { title: string; deleted: boolean }>;
  questions: Map<string, { title: string; kind: "binary" | "numeric"; unit: string }>;
  charts: Map<string, string>;
  series: Map<string, { key: string; name: string }>;
  users: Map<string, string>;
  shares: Map<string, { targetType: string; targetId: string }>;
  forecastQuestion: Map<string, string>;
};

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

type Described = { text: string; href: string | null };

/** A thing of this notebook in words with its link: `note` and `question` (and a forecast's question), or nothing when it is gone or elsewhere. */
function thing(names: Names, type: string | null | undefined, id: string | null | undefined, notebookId: string): Described {
  if (type === "notebook") return { text: "the notebook", href: `/notebooks/${notebookId}` };
  if (!id) return { text: type === "question" ? "a question" : type === "forecast" ? "a forecast" : "a note", href: null };
  if (type === "note") {
    const n = names.notes.get(id);
    if (!n) return { text: "a note that was deleted", href: null };
    return { text: `the note ${quoted(n.title)}`, href: n.deleted ? null : `/notes/${id}` };
  }
  if (type === "question" || type === "forecast") {
    const qid = type === "forecast" ? names.forecastQuestion.get(id) : id;
    const q = qid ? names.questions.get(qid) : undefined;
    if (!q) return { text: type === "forecast" ? "a forecast" : "a question", href: null };
    return { text: `${type === "forecast" ? "a forecast on " : ""}${quoted(q.title)}`, href: `/questions/${qid}` };
  }
  return { text: "something", href: null };
}

function actorWords(row: Row): string {
  if (row.actorName) return row.actorName;
  if (row.action === "question.resolve" && row.data?.source === "rule") return "The data rule";
  if (row.action === "series.data") return "A scheduled refresh";
  return "A former member";
}

/** The sentence after the actor's name, and the link; only whitelisted fields of `data` are read (never a token, a key or a secret). */
function describe(row: Row, names: Names, notebookId: string, count: number): Described {
  const d = row.data;
  const note = () => thing(names, "note", row.targetId, notebookId);
  const question = () => names.questions.get(row.targetId);
  const qText = () => thing(names, "question", row.targetId, notebookId);
  const chart = () => names.charts.get(row.targetId);
  const seriesName = () => {
    const s = names.series.get(row.targetId);
    return s ? { text: s.name && s.name !== s.key ? `${s.name} (${s.key})` : s.key, href: `/data/${row.targetId}` } : { text: str(d, "key", 64) ?? "a series", href: null };
  };
  const member = () => names.users.get(row.targetId) ?? "a former member";
  const times = count > 1 ? ` (${count} times)` : "";
  switch (row.action) {
    case "note.edited": {
      const n = note();
      return { text: `edited ${n.text}${count > 1 ? ` (${count} sessions)` : ""}`, href: n.href };
    }
    case "note.created": {
      const n = note();
      return { text: `wrote ${n.text}`, href: n.href };
    }
    case "note.trashed": {
      const n = note();
      return { text: `moved ${n.text} to the trash`, href: null };
    }
    case "note.restored": {
      const n = note();
      return { text: `restored ${n.text} from the trash`, href: n.href };
    }
    case "note.revision_restored": {
      const n = note();
      return { text: `restored an earlier version of ${n.text}`, href: n.href };
    }
    case "note.tagged": {
      const n = note();
      const tags = Array.isArray(d?.tags) ? d.tags.filter((t): t is string => typeof t === "string").slice(0, 8) : [];
      return { text: tags.length > 0 ? `tagged ${n.text} ${tags.map((t) => `#${t}`).join(" ")}` : `removed the tags of ${n.text}`, href: n.href };
    }
    case "note.trash_emptied": {
      const n = num(d, "deleted");
      return { text: `emptied the trash${n !== null ? ` (${n} ${n === 1 ? "note" : "notes"})` : ""}`, href: null };
    }
    case "tag.renamed":
      return { text: `renamed the tag #${str(d, "from", 60) ?? "?"} to #${str(d, "to", 60) ?? "?"}`, href: `/notebooks/${notebookId}` };
    case "figure.accepted": {
      const n = note();
      return { text: `accepted a figure's new value in ${n.text}`, href: n.href };
    }
    case "question.create": {
      const q = qText();
      return { text: `asked ${q.text}`, href: q.href };
    }
    case "question.update": {
      const q = qText();
      return { text: `edited the question ${q.text}${times}`, href: q.href };
    }
    case "question.criteria": {
      const q = qText();
      return { text: `changed the resolution criteria of ${q.text}`, href: q.href };
    }
    case "question.forecast": {
      const q = qText();
      const values = { probability: num(d, "probability"), value: num(d, "value"), low: num(d, "low"), high: num(d, "high") };
      const said = values.probability !== null || values.value !== null ? formatForecast(values, question()?.unit ?? "") : null;
      return { text: said ? `forecast ${said} on ${q.text}` : `forecast on ${q.text}`, href: q.href };
    }
    case "question.resolve": {
      const q = qText();
      const info = question();
      const outcome = num(d, "outcome");
      const as = info && outcome !== null ? ` as ${formatOutcome({ kind: info.kind, status: "resolved", outcome, unit: info.unit })}` : "";
      return { text: `resolved ${q.text}${as}`, href: q.href };
    }
    case "question.annul": {
      const q = qText();
      return { text: `annulled ${q.text}`, href: q.href };
    }
    case "question.reopen": {
      const q = qText();
      return { text: `reopened ${q.text}`, href: q.href };
    }
    case "chart.create":
    case "chart.update": {
      const title = chart();
      const what = title ? `the chart ${quoted(title)}` : "a chart that was deleted";
      return { text: `${row.action === "chart.create" ? "made" : "edited"} ${what}${row.action === "chart.update" ? times : ""}`, href: title ? `/charts/${row.targetId}` : null };
    }
    case "chart.remove": {
      const title = str(d, "title");
      return { text: `deleted the chart${title ? ` ${quoted(title)}` : ""}`, href: null };
    }
    case "series.create": {
      const s = seriesName();
      return { text: `added the series ${s.text}`, href: s.href };
    }
    case "series.update": {
      const s = seriesName();
      return { text: `edited the series ${s.text}${times}`, href: s.href };
    }
    case "series.remove":
      return { text: `deleted the series ${str(d, "key", 64) ?? ""}`.trimEnd(), href: null };
    case "series.data": {
      const s = seriesName();
      const inserted = num(d, "inserted") ?? 0;
      const revised = num(d, "revised") ?? 0;
      const parts = [inserted > 0 ? `${inserted} new` : "", revised > 0 ? `${revised} revised` : ""].filter(Boolean).join(", ");
      const verb = row.actorId === null ? "updated" : "added data to";
      return { text: `${verb} ${s.text}${parts ? ` (${parts}${count > 1 ? ` over ${count} updates` : ""})` : ""}`, href: s.href };
    }
    case "series.bulk-import": {
      const created = num(d, "created") ?? 0;
      const updated = num(d, "updated") ?? 0;
      return { text: `imported a file: ${created} new and ${updated} updated series`, href: `/data` };
    }
    case "notebook.fredKeySet":
      return { text: "set the notebook's FRED API key", href: null };
    case "notebook.fredKeyCleared":
      return { text: "removed the notebook's FRED API key", href: null };
    case "share.create":
    case "share.revoke": {
      const share = row.action === "share.create" ? { targetType: str(d, "targetType"), targetId: str(d, "targetId", 64) } : names.shares.get(row.targetId);
      const t = thing(names, share?.targetType, share?.targetId, notebookId);
      const mode = row.action === "share.create" ? str(d, "mode") : null;
      const kindWords = mode === "snapshot" ? "a snapshot link" : mode === "live" ? "a live link" : "a link";
      return row.action === "share.create"
        ? { text: `shared ${t.text} with ${kindWords}`, href: t.href }
        : { text: `revoked a share link${share ? ` to ${t.text}` : ""}`, href: t.href };
    }
    case "member.added": {
      const role = ROLE_WORDS[str(d, "role", 20) ?? ""];
      return { text: `added ${member()}${role ? ` as ${role}` : ""}`, href: `/notebooks/${notebookId}?tab=members` };
    }
    case "member.removed":
      return { text: `removed ${member()} from the notebook`, href: `/notebooks/${notebookId}?tab=members` };
    case "member.role_changed": {
      return { text: `made ${member()} ${ROLE_WORDS[str(d, "to", 20) ?? ""] ?? "a member"}`, href: `/notebooks/${notebookId}?tab=members` };
    }
    case "notebook.created":
      return { text: "created the notebook", href: `/notebooks/${notebookId}` };
    case "notebook.renamed": {
      const to = str(d, "to");
      return { text: to ? `renamed the notebook to ${quoted(to)}` : "renamed the notebook", href: `/notebooks/${notebookId}` };
    }
    case "notebook.reminders": {
      const to = num(d, "to");
      return { text: to ? `set forecast reminders to every ${to} days` : "turned forecast reminders off", href: `/notebooks/${notebookId}?tab=settings` };
    }
  }
  if (row.targetType === "comment") {
    const t = thing(names, str(d, "targetType"), str(d, "targetId", 64), notebookId);
    const verb: Record<string, string> = {
      "comment.create": "commented on",
      "comment.reply": "replied to a comment on",
      "comment.edit": "edited a comment on",
      "comment.delete": "deleted a comment on",
      "comment.resolve": "resolved a comment thread on",
      "comment.reopen": "reopened a comment thread on",
    };
    const thread = str(d, "threadId", 64);
    const anchor = thread && /^[a-z0-9]+$/.test(thread) && row.action !== "comment.delete" ? `#comment-${thread}` : "";
    return { text: `${verb[row.action] ?? "commented on"} ${t.text}`, href: t.href ? `${t.href}${anchor}` : null };
  }
  return { text: "did something", href: null };
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
