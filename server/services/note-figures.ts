// Stale claims: what each live figure in a note showed when it was written (recorded as saves bring figures in), and which show something else now.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { noteFigures, notes, series } from "@/db/schema";
import { figureKeysOf, findFigures } from "@/lib/figures/find";
import { computeFigures, type FigureResult } from "./figures";

/** A figure that no longer shows what its author wrote: then and now, and why it moved. */
export type FigureChange = {
  key: string;
  was: { text: string; recordedAt: Date; used: RecordedPoint[] };
  now: FigureResult;
  /** "new data": later values moved it; "revised": a value it used was corrected; "unavailable": it cannot be computed now. */
  reason: "new data" | "revised" | "unavailable";
  /** One line a person can read: "the value for 2026-01-30 was revised from 7 to 6.2". */
  detail: string;
};

type RecordedPoint = { series: string; role: string; date: string; value: number };

const FIGURE_SOURCE = /:value\{[^}\n]*\}/g;

/** The figure directives of a text as written: a cheap way to see that a save left them alone. */
const writtenFigures = (body: string) => (body.match(FIGURE_SOURCE) ?? []).join("\n");

/** True when the two texts hold different figure directives (what writeNoteFigures would look at). */
export function figuresChange(body: string, previousBody: string): boolean {
  return writtenFigures(previousBody) !== writtenFigures(body);
}

/** The row that records what a figure shows. */
export function recordOf(noteId: string, result: FigureResult, at: Date) {
  if (!result.ok) return { noteId, figureKey: result.key, shown: "", value: null, used: "[]", dataVersions: "{}", recordedAt: at };
  const used: RecordedPoint[] = result.used.map(({ series: s, role, date, value }) => ({ series: s, role, date, value }));
  const versions = Object.fromEntries(Object.entries(result.series).map(([k, s]) => [k, s.dataVersion]));
  return { noteId, figureKey: result.key, shown: result.text, value: result.value, used: JSON.stringify(used), dataVersions: JSON.stringify(versions), recordedAt: at };
}

/**
 * Records what each new figure in `body` shows, and forgets figures the text no longer holds; call inside the saving
 * transaction. A figure already recorded keeps what it showed when it was first written. With `previousBody`, a save
 * that leaves the figure directives as they were (most keystrokes) writes nothing.
 */
export async function writeNoteFigures(tx: Tx, note: { id: string; notebookId: string }, body: string, previousBody?: string, at = new Date()): Promise<void> {
  if (previousBody !== undefined && !figuresChange(body, previousBody)) return;
  const keys = [...new Set(findFigures(body).flatMap((f) => (f.ok ? [f.key] : [])))];
  const recorded = await tx.select({ key: noteFigures.figureKey }).from(noteFigures).where(eq(noteFigures.noteId, note.id));
  const gone = recorded.map((r) => r.key).filter((k) => !keys.includes(k));
  if (gone.length > 0) await tx.delete(noteFigures).where(and(eq(noteFigures.noteId, note.id), inArray(noteFigures.figureKey, gone)));
  const known = new Set(recorded.map((r) => r.key));
  const fresh = keys.filter((k) => !known.has(k));
  if (fresh.length === 0) return;
  const results = await computeFigures(note.notebookId, fresh);
  await tx
    .insert(noteFigures)
    .values(results.map((r) => recordOf(note.id, r, at)))
    .onConflictDoNothing();
}

function changeOf(row: typeof noteFigures.$inferSelect, now: FigureResult): FigureChange | null {
  const used = JSON.parse(row.used) as RecordedPoint[];
  const was = { text: row.shown, recordedAt: row.recordedAt, used };
  if (!now.ok) return row.shown === "" ? null : { key: row.figureKey, was, now, reason: "unavailable", detail: now.reason };
  if (now.text === row.shown) return null;
  const revised = now.used.find((u) => used.some((p) => p.series === u.series && p.date === u.date && p.value !== u.value));
  if (revised) {
    const before = used.find((p) => p.series === revised.series && p.date === revised.date)!;
    return { key: row.figureKey, was, now, reason: "revised", detail: `${revised.series} for ${revised.date} was revised from ${before.value} to ${revised.value}` };
  }
  const moved = now.used.find((u) => !used.some((p) => p.series === u.series && p.role === u.role && p.date === u.date));
  const before = moved ? used.find((p) => p.series === moved.series && p.role === moved.role) : undefined;
  const detail = moved && before ? `${moved.series} now uses ${moved.date} where it used ${before.date}` : "the data it reads has changed";
  return { key: row.figureKey, was, now, reason: "new data", detail };
}

/** The recorded figures of these notes whose series have changed since (by data version), by note. */
async function suspectRows(noteIds: string[]): Promise<Map<string, Array<typeof noteFigures.$inferSelect>>> {
  const byNote = new Map<string, Array<typeof noteFigures.$inferSelect>>();
  if (noteIds.length === 0) return byNote;
  const rows = await getDb()
    .select({ figure: noteFigures, notebookId: notes.notebookId })
    .from(noteFigures)
    .innerJoin(notes, eq(notes.id, noteFigures.noteId))
    .where(and(inArray(noteFigures.noteId, noteIds), isNull(notes.deletedAt)));
  const notebookIds = [...new Set(rows.map((r) => r.notebookId))];
  const versions = new Map<string, number>();
  if (notebookIds.length > 0) {
    for (const s of await getDb().select({ notebookId: series.notebookId, key: series.key, dataVersion: series.dataVersion }).from(series).where(inArray(series.notebookId, notebookIds))) {
      versions.set(`${s.notebookId}:${s.key}`, s.dataVersion);
    }
  }
  for (const { figure, notebookId } of rows) {
    const recorded = JSON.parse(figure.dataVersions) as Record<string, number>;
    const keys = Object.keys(recorded);
    const unchanged = keys.length > 0 && keys.every((k) => versions.get(`${notebookId}:${k}`) === recorded[k]);
    if (unchanged) continue;
    if (!byNote.has(figure.noteId)) byNote.set(figure.noteId, []);
    byNote.get(figure.noteId)!.push(figure);
  }
  return byNote;
}

/** The figures of these notes (in one notebook each) that show something else now than when they were written, by note id. */
export async function changedFiguresOf(notesToCheck: Array<{ id: string; notebookId: string; body: string }>): Promise<Map<string, FigureChange[]>> {
  const suspects = await suspectRows(notesToCheck.map((n) => n.id));
  const changes = new Map<string, FigureChange[]>();
  for (const note of notesToCheck) {
    const rows = suspects.get(note.id);
    if (!rows) continue;
    const present = new Set(figureKeysOf(note.body));
    const live = rows.filter((r) => present.has(r.figureKey));
    if (live.length === 0) continue;
    const now = await computeFigures(note.notebookId, live.map((r) => r.figureKey));
    const found = live.flatMap((row, i) => changeOf(row, now[i]!) ?? []);
    if (found.length > 0) changes.set(note.id, found);
  }
  return changes;
}
