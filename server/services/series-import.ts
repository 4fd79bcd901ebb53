// Imports a file into a series: parse on the server with the same code as the browser preview, then one transaction or nothing.
import { ImportFormatError, parseObservations, type ImportMapping } from "@/lib/series/parse";
import { assertNotebookAccess, type Actor } from "./access";
import { badRequest, DomainError } from "./errors";
import { readObservations, type ObservationPoint, type ObservationRange } from "./observations";
import { seriesByKey, seriesFor, writeObservations, type WriteResult } from "./series";

/** What an import did, with the server's own timing of the parse and of the write (for the benchmark and the UI). */
export type ImportResult = WriteResult & { rows: number; skippedMissing: number; duplicates: number; tookMs: { parse: number; write: number } };

/**
 * Parses `text` (FRED CSV, Yahoo chart JSON, Stooq CSV, or a generic file with `mapping`) and writes it
 * into the series. Any row error rejects the whole file with BAD_REQUEST listing the rows; nothing is written.
 */
export async function importIntoSeries(actor: Actor, input: { seriesId: string; text: string; mapping?: ImportMapping }, via = "upload"): Promise<ImportResult> {
  const row = await seriesFor(actor, input.seriesId, "write");
  const started = performance.now();
  let parsed;
  try {
    parsed = parseObservations(input.text, input.mapping);
  } catch (err) {
    if (err instanceof ImportFormatError) throw badRequest(err.message);
    throw err;
  }
  if (parsed.errorCount > 0) {
    throw badRequest(
      `${parsed.errorCount} ${parsed.errorCount === 1 ? "row has a problem" : "rows have problems"}; nothing was imported. Fix the file and try again.`,
      { rowErrors: parsed.errors, errorCount: parsed.errorCount },
    );
  }
  if (parsed.observations.length === 0) {
    throw badRequest("The file has no values to import (every row was empty or missing).");
  }
  const parsedAt = performance.now();
  const written = await writeObservations(row, parsed.observations, actor.id, via);
  const tookMs = { parse: round(parsedAt - started), write: round(performance.now() - parsedAt) };
  return { ...written, rows: parsed.observations.length, skippedMissing: parsed.skippedMissing, duplicates: parsed.duplicates, tookMs };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The series with `key` in a notebook the actor may do `action` in; NOT_FOUND names the key so a script's author can fix it. */
export async function seriesInNotebook(actor: Actor, notebookId: string, key: string, action: "read" | "write") {
  await assertNotebookAccess(actor, notebookId, action);
  const row = await seriesByKey(notebookId, key);
  if (!row) {
    throw new DomainError("NOT_FOUND", `This notebook has no series with the key “${key}”. Create it on the Data page first; keys are case-sensitive.`);
  }
  return row;
}

/** Writes observations sent as JSON by a script into the series with `key`. */
export async function pushObservations(actor: Actor, input: { notebookId: string; key: string; observations: ObservationPoint[] }): Promise<WriteResult & { rows: number }> {
  const row = await seriesInNotebook(actor, input.notebookId, input.key, "write");
  const byDate = new Map<string, number>();
  const rowErrors: Array<{ row: number; message: string }> = [];
  input.observations.forEach((o, i) => {
    const seen = byDate.get(o.date);
    if (seen !== undefined && seen !== o.value) rowErrors.push({ row: i + 1, message: `${o.date} appears twice with different values (${seen} and ${o.value})` });
    byDate.set(o.date, o.value);
  });
  if (rowErrors.length > 0) {
    throw badRequest(`${rowErrors.length} observations conflict; nothing was written.`, { rowErrors: rowErrors.slice(0, 50), errorCount: rowErrors.length });
  }
  const points = [...byDate].map(([date, value]) => ({ date, value })).sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ...(await writeObservations(row, points, actor.id, "api")), rows: points.length };
}

/** Imports a CSV body sent by a script into the series with `key`. */
export async function pushCsv(actor: Actor, input: { notebookId: string; key: string; text: string; mapping?: ImportMapping }): Promise<ImportResult> {
  const row = await seriesInNotebook(actor, input.notebookId, input.key, "write");
  return importIntoSeries(actor, { seriesId: row.id, text: input.text, mapping: input.mapping }, "api");
}

/** The observations of the series with `key`, between two dates, as known now or at `asOf`. */
export async function readByKey(actor: Actor, input: { notebookId: string; key: string } & ObservationRange) {
  const row = await seriesInNotebook(actor, input.notebookId, input.key, "read");
  return { key: row.key, name: row.name, unit: row.unit, asOf: input.asOf ?? null, observations: await readObservations(row.id, input) };
}
