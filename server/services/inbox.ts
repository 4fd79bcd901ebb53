// The inbox: what needs a user across the notebooks they belong to (stale figures in notes they can edit, questions the data now argues against their forecast, forecasts older than the notebook's reminder period, resolve-by dates near or past, resolutions, mentions), minus what they dismissed.
import { createHash } from "node:crypto";
import { and, desc, eq, gt, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { forecasts, inboxDismissals, noteFigures, notebooks, notes, questions, series } from "@/db/schema";
import { addDays } from "@/lib/questions/rules";
import { provisionalOutcome } from "@/lib/questions/provisional";
import { dataRuleSchema } from "@/lib/questions/spec";
import { rolesByNotebook, type Actor } from "./access";
import { badRequest } from "./errors";
import { mentionItems } from "./mentions";
import { changedFiguresOf } from "./note-figures";
import { readObservations } from "./observations";
import { evaluateQuestionRule } from "./question-resolution";
import type { InboxItem, InboxKind } from "./inbox-item";
import { todayUtc } from "./questions";

export type { InboxItem, InboxKind } from "./inbox-item";

/** What an item's key looks like: its kind, then what it is about. */
export const INBOX_KEY = /^(figures|resolve-by|against|remind|resolved|revised|mention):\S{1,1000}$/;

/** Days before a resolve-by date from which a question is listed. */
export const RESOLVE_BY_NOTICE_DAYS = 7;
/** Days a resolution stays listed. */
export const RESOLVED_NOTICE_DAYS = 30;

async function staleFigureItems(writable: string[], names: Map<string, string>): Promise<InboxItem[]> {
  if (writable.length === 0) return [];
  const rows = await getDb()
    .selectDistinct({ id: notes.id, notebookId: notes.notebookId, title: notes.title, body: notes.body, updatedAt: notes.updatedAt })
    .from(notes)
    .innerJoin(noteFigures, eq(noteFigures.noteId, notes.id))
    .where(and(inArray(notes.notebookId, writable), isNull(notes.deletedAt)));
  const changes = await changedFiguresOf(rows);
  return rows.flatMap((note) => {
    const changed = changes.get(note.id);
    if (!changed) return [];
    const shown = changed.map((c) => `${c.was.text || "–"} → ${c.now.ok ? c.now.text : "unavailable"}`);
    const fingerprint = changed.map((c) => `${c.key}=${c.now.ok ? c.now.text : "?"}`).join("|");
    return [
      {
        key: `figures:${note.id}:${createHash("sha256").update(fingerprint).digest("hex").slice(0, 16)}`,
        kind: "stale-figures" as const,
        notebookName: names.get(note.notebookId) ?? "",
        title: note.title || "Untitled",
        detail: `${changed.length} ${changed.length === 1 ? "figure" : "figures"} changed since written: ${shown.join(", ")} (${changed.map((c) => c.detail).join("; ")})`,
        href: `/notes/${note.id}`,
        at: note.updatedAt,
      },
    ];
  });
}

type QuestionRow = typeof questions.$inferSelect;

async function questionItems(actor: Actor, readable: string[], names: Map<string, string>, reminderDays: Map<string, number>, now: Date): Promise<InboxItem[]> {
  if (readable.length === 0) return [];
  const today = todayUtc(now);
  const soon = addDays(today, RESOLVE_BY_NOTICE_DAYS);
  const items: InboxItem[] = [];
  const open = await getDb().select().from(questions).where(and(inArray(questions.notebookId, readable), eq(questions.status, "open")));
  for (const q of open) {
    if (q.resolveBy <= soon) {
      const past = q.resolveBy < today;
      items.push({
        key: `resolve-by:${q.id}:${q.resolveBy}:${past ? "past" : "near"}`,
        kind: "resolve-by",
        notebookName: names.get(q.notebookId) ?? "",
        title: q.title,
        detail: past ? `Its resolve-by date, ${q.resolveBy}, has passed and it is still open.` : `Resolves by ${q.resolveBy}.`,
        href: `/questions/${q.id}`,
        at: now,
      });
    }
  }
  items.push(...(await forecastReminderItems(actor, open, reminderDays, names, now)));
  // The data against the user's latest forecast, for open binary questions with a data rule.
  const ruled = open.filter((q) => q.kind === "binary" && q.rule && q.ruleActive);
  if (ruled.length > 0) {
    const mine = await getDb()
      .select({ questionId: forecasts.questionId, probability: forecasts.probability, at: forecasts.at })
      .from(forecasts)
      .where(and(eq(forecasts.userId, actor.id), inArray(forecasts.questionId, ruled.map((q) => q.id))))
      .orderBy(desc(forecasts.at), desc(forecasts.id));
    const latest = new Map<string, { probability: number | null; at: Date }>();
    for (const f of mine) if (!latest.has(f.questionId)) latest.set(f.questionId, f);
    for (const q of ruled) {
      const forecast = latest.get(q.id);
      const parsed = dataRuleSchema.safeParse(q.rule);
      if (!forecast || forecast.probability === null || forecast.probability === 0.5 || !parsed.success) continue;
      const rule = parsed.data;
      const keys = rule.type === "return-compare" ? [rule.a, rule.b] : [rule.a];
      const data: Record<string, Array<{ date: string; value: number }>> = {};
      for (const s of await getDb().select({ id: series.id, key: series.key }).from(series).where(and(eq(series.notebookId, q.notebookId), inArray(series.key, keys)))) {
        data[s.key] = await readObservations(s.id);
      }
      const standing = provisionalOutcome(rule, data);
      if (!standing) continue;
      const forecastYes = forecast.probability > 0.5;
      if ((standing.outcome === 1) === forecastYes) continue;
      const percent = Math.round(forecast.probability * 100);
      items.push({
        key: `against:${q.id}:${standing.outcome}:${forecast.at.getTime()}`,
        kind: "against-forecast",
        notebookName: names.get(q.notebookId) ?? "",
        title: q.title,
        detail: `Your forecast is ${percent}% yes, but with the data up to ${standing.asOf} the rule would resolve ${standing.outcome === 1 ? "yes" : "no"}.`,
        href: `/questions/${q.id}`,
        at: forecast.at,
      });
    }
  }
  items.push(...(await revisedResolutionItems(readable, names, now)));
  const since = new Date(now.getTime() - RESOLVED_NOTICE_DAYS * 86_400_000);
  const resolved = await getDb()
    .select()
    .from(questions)
    .where(and(inArray(questions.notebookId, readable), inArray(questions.status, ["resolved", "annulled"]), gte(questions.resolvedAt, since)));
  for (const q of resolved) {
    const outcome = q.status === "annulled" ? "was annulled" : q.kind === "binary" ? `resolved ${q.outcome === 1 ? "yes" : "no"}` : `resolved at ${q.outcome}`;
    items.push({
      key: `resolved:${q.id}:${q.resolvedAt!.getTime()}`,
      kind: "resolved",
      notebookName: names.get(q.notebookId) ?? "",
      title: q.title,
      detail: `It ${outcome}${q.resolutionSource === "rule" ? " by its data rule" : ""}.`,
      href: `/questions/${q.id}`,
      at: q.resolvedAt!,
    });
  }
  return items;
}

/**
 * Open questions where the user's latest forecast is older than the notebook's reminder period (0 turns reminders
 * off): time to look again. The key carries the forecast's moment, so a fresh forecast clears it.
 */
async function forecastReminderItems(actor: Actor, open: QuestionRow[], reminderDays: Map<string, number>, names: Map<string, string>, now: Date): Promise<InboxItem[]> {
  if (open.length === 0) return [];
  const mine = await getDb()
    .select({ questionId: forecasts.questionId, probability: forecasts.probability, value: forecasts.value, at: forecasts.at })
    .from(forecasts)
    .where(and(eq(forecasts.userId, actor.id), inArray(forecasts.questionId, open.map((q) => q.id))))
    .orderBy(desc(forecasts.at), desc(forecasts.id));
  const latest = new Map<string, (typeof mine)[number]>();
  for (const f of mine) if (!latest.has(f.questionId)) latest.set(f.questionId, f);
  return open.flatMap((q) => {
    const forecast = latest.get(q.id);
    const period = reminderDays.get(q.notebookId) ?? 0;
    if (!forecast || period <= 0) return [];
    const ageDays = Math.floor((now.getTime() - forecast.at.getTime()) / 86_400_000);
    if (ageDays < period) return [];
    const shown = forecast.probability !== null ? `${Math.round(forecast.probability * 100)}%` : `${forecast.value}${q.unit ? ` ${q.unit}` : ""}`;
    return [
      {
        key: `remind:${q.id}:${forecast.at.getTime()}`,
        kind: "forecast-reminder" as const,
        notebookName: names.get(q.notebookId) ?? "",
        title: q.title,
        detail: `Your forecast of ${shown} is ${ageDays} days old; this notebook asks for a fresh look every ${period} ${period === 1 ? "day" : "days"}.`,
        href: `/questions/${q.id}`,
        at: forecast.at,
      },
    ];
  });
}

/** What to act on first: text that is now wrong, then forecasts the data argues against, then dates, then news. */
const KIND_ORDER: InboxKind[] = ["stale-figures", "mention", "revised-resolution", "against-forecast", "resolve-by", "forecast-reminder", "resolved"];

/**
 * Questions a data rule resolved whose values have been revised since: the rule, read again as its vintage says,
 * finds other values than the evidence it recorded. The resolution stands (it is never re-resolved); the item says
 * what moved, so an owner can reopen it if it should change.
 */
async function revisedResolutionItems(readable: string[], names: Map<string, string>, now: Date): Promise<InboxItem[]> {
  const resolved = await getDb()
    .select()
    .from(questions)
    .where(and(inArray(questions.notebookId, readable), eq(questions.status, "resolved"), eq(questions.resolutionSource, "rule"), isNotNull(questions.evidence)));
  const items: InboxItem[] = [];
  for (const q of resolved) {
    const parsed = dataRuleSchema.safeParse(q.rule);
    if (!parsed.success || !q.resolvedAt) continue;
    const keys = parsed.data.type === "return-compare" ? [parsed.data.a, parsed.data.b] : [parsed.data.a];
    const changed = await getDb()
      .select({ key: series.key })
      .from(series)
      .where(and(eq(series.notebookId, q.notebookId), inArray(series.key, keys), gt(series.dataChangedAt, q.resolvedAt)));
    if (changed.length === 0) continue;
    const again = await evaluateQuestionRule(q, todayUtc(now));
    if (!again || again.status !== "resolved") continue;
    const was = ((q.evidence as { values?: Record<string, number | string> }).values ?? {}) as Record<string, number | string>;
    const moved = Object.entries(again.evidence.values).filter(([k, v]) => typeof v === "number" && typeof was[k] === "number" && was[k] !== v);
    if (moved.length === 0) continue;
    const outcomeMoved = again.outcome !== q.outcome;
    items.push({
      key: `revised:${q.id}:${createHash("sha256").update(JSON.stringify(moved)).digest("hex").slice(0, 16)}`,
      kind: "revised-resolution",
      notebookName: names.get(q.notebookId) ?? "",
      title: q.title,
      detail: `A value it resolved on was revised since: ${moved.map(([k, v]) => `${k} ${was[k]} → ${v}`).join(", ")}. ${outcomeMoved ? "Read again, the rule would now resolve differently" : "The outcome would be the same"}; the resolution stands until an owner reopens it.`,
      href: `/questions/${q.id}`,
      at: now,
    });
  }
  return items;
}

/** The user's inbox, most pressing kind first and newest first within a kind, without the items they dismissed. */
export async function inboxFor(actor: Actor, now = new Date()): Promise<InboxItem[]> {
  const roles = await rolesByNotebook(actor);
  const readable = [...roles.keys()];
  const writable = [...roles].filter(([, role]) => role === "owner" || role === "editor").map(([id]) => id);
  const books = readable.length === 0 ? [] : await getDb().select({ id: notebooks.id, name: notebooks.name, reminderDays: notebooks.reminderDays }).from(notebooks).where(inArray(notebooks.id, readable));
  const names = new Map(books.map((n) => [n.id, n.name]));
  const reminderDays = new Map(books.map((n) => [n.id, n.reminderDays]));
  const items = [...(await staleFigureItems(writable, names)), ...(await questionItems(actor, readable, names, reminderDays, now)), ...(await mentionItems(actor, readable, names))];
  if (items.length === 0) return [];
  const dismissed = new Set(
    (await getDb().select({ key: inboxDismissals.itemKey }).from(inboxDismissals).where(and(eq(inboxDismissals.userId, actor.id), inArray(inboxDismissals.itemKey, items.map((i) => i.key))))).map((d) => d.key),
  );
  return items.filter((i) => !dismissed.has(i.key)).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.at.getTime() - a.at.getTime());
}

/**
 * Dismisses an inbox item of the user's (by its key, as listed); it comes back only when what it is about changes
 * again. A dismissal is the user's own row and names nothing of anyone else's, so any well-formed key is taken.
 */
export async function dismissInboxItem(actor: Actor, key: string): Promise<{ dismissed: true }> {
  if (!INBOX_KEY.test(key)) throw badRequest("That is not an inbox item: reload the inbox.");
  await transaction(async (tx) => {
    await tx.insert(inboxDismissals).values({ userId: actor.id, itemKey: key }).onConflictDoNothing();
  });
  // Not the key back: a key may name another notebook's row, and the answer must not repeat it (the fuzz tests check).
  return { dismissed: true };
}
