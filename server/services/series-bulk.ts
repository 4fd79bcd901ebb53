// Imports a file holding many series (long or wide) into a notebook in one transaction: creates the series it names, adds to the rest.
import { transaction } from "@/db/client";
import { parseBulk, type BulkMapping } from "@/lib/series/bulk";
import { inferFrequency } from "@/lib/series/frequency";
import { ImportFormatError, type RowError } from "@/lib/series/parse";
import { assertNotebookAccess, type Actor } from "./access";
import { recordEvent } from "./audit";
import { badRequest } from "./errors";
import { createSeries, seriesByKey, writeObservations } from "./series";

/** What happened to one series of the file. */
export type BulkSeriesResult = { key: string; id: string; created: boolean; rows: number; inserted: number; revised: number; unchanged: number };

/** What a bulk import did, series by series. */
export type BulkImportResult = { layout: BulkMapping["layout"]; series: BulkSeriesResult[]; created: number; updated: number; rows: number };

/** One problem of a bulk file, named by series (or by line for rows that belong to none). */
export type BulkProblem = { key: string | null; row: number | null; message: string };

const MAX_PROBLEMS = 50;

/**
 * Reads `text` as many series (long `date,symbol,close` or wide `date,A,B,…`, detected unless `mapping` says) and
 * writes them into the notebook: a key the notebook lacks creates a series (source "upload", frequency from its dates),
 * an existing key gets the rows added (changed values kept as revisions). Any problem anywhere rejects the whole file
 * with BAD_REQUEST listing the problems; everything is written in one transaction or nothing is.
 */
export async function importManySeries(actor: Actor, input: { notebookId: string; text: string; mapping?: BulkMapping }): Promise<BulkImportResult> {
  await assertNotebookAccess(actor, input.notebookId, "write");
  let parsed;
  try {
    parsed = parseBulk(input.text, input.mapping);
  } catch (err) {
    if (err instanceof ImportFormatError) throw badRequest(err.message);
    throw err;
  }
  if (parsed.errorCount > 0) {
    const problems: BulkProblem[] = parsed.errors.map((e: RowError) => ({ key: null, row: e.row, message: e.message }));
    for (const s of parsed.series) {
      if (s.keyError) problems.push({ key: s.key || s.label, row: null, message: s.keyError });
      for (const e of s.result.errors) problems.push({ key: s.key || s.label, row: e.row, message: e.message });
    }
    throw badRequest(
      `${parsed.errorCount} ${parsed.errorCount === 1 ? "problem" : "problems"} in the file; nothing was imported. Fix the file and try again.`,
      { problems: problems.slice(0, MAX_PROBLEMS), errorCount: parsed.errorCount },
    );
  }
  return transaction(async (tx): Promise<BulkImportResult> => {
    const results: BulkSeriesResult[] = [];
    for (const s of parsed.series) {
      const existing = await seriesByKey(input.notebookId, s.key);
      const points = s.result.observations;
      const target =
        existing ??
        (await createSeries(actor, {
          notebookId: input.notebookId,
          key: s.key,
          name: s.label,
          unit: "",
          frequency: inferFrequency(points.map((p) => p.date)),
          source: "upload",
          sourceRef: "",
          notes: "Created by a many-series import.",
          refreshIntervalMinutes: null,
        }));
      const written = await writeObservations({ id: target.id, notebookId: input.notebookId, key: s.key }, points, actor.id, "upload");
      results.push({ key: s.key, id: target.id, created: !existing, rows: points.length, inserted: written.inserted, revised: written.revised, unchanged: written.unchanged });
    }
    const created = results.filter((r) => r.created).length;
    await recordEvent(tx, {
      actorId: actor.id,
      action: "series.bulk-import",
      targetType: "notebook",
      targetId: input.notebookId,
      notebookId: input.notebookId,
      data: { layout: parsed.mapping.layout, created, updated: results.length - created },
    });
    return { layout: parsed.mapping.layout, series: results, created, updated: results.length - created, rows: results.reduce((n, r) => n + r.rows, 0) };
  });
}
