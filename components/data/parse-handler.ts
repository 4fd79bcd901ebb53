// Answers parse requests for one file (detect, parse with progress, list a column's values); runs in the worker or, as a fallback, in the page.
import { bulkMappingOf, parseBulk, type BulkMapping } from "@/lib/series/bulk";
import { detectFile, ImportFormatError, listColumnValues, parseObservations, type ImportMapping } from "@/lib/series/parse";
import type { BulkSummary, ParseReply, ParseRequest, ParseSummary } from "./parse-protocol";

/** The symbol column and series count when a single-series parse fails because the file holds several series. */
function splitOf(text: string, mapping: ImportMapping | undefined, errorCount: number): ParseSummary["split"] {
  if (errorCount === 0 || mapping?.filter) return undefined;
  const bulk = bulkMappingOf(text);
  if (bulk?.layout !== "long") return undefined;
  const count = listColumnValues(text, bulk.keyColumn).length;
  return count > 1 ? { column: bulk.keyColumn, count } : undefined;
}

function bulkSummary(text: string, mapping: BulkMapping | undefined): BulkSummary {
  const parsed = parseBulk(text, mapping);
  return {
    mapping: parsed.mapping,
    errors: parsed.errors,
    errorCount: parsed.errorCount,
    series: parsed.series.map((s) => {
      const obs = s.result.observations;
      const problems = [...(s.keyError ? [s.keyError] : []), ...s.result.errors.slice(0, 3).map((e) => `line ${e.row}: ${e.message}`)];
      return { key: s.key, label: s.label, rows: obs.length, firstDate: obs[0]?.date ?? null, lastDate: obs.at(-1)?.date ?? null, problems, problemCount: s.result.errorCount + (s.keyError ? 1 : 0) };
    }),
  };
}

/** Keeps the file's text between requests and answers each one through `reply`. */
export function createParseHandler(reply: (message: ParseReply) => void): (request: ParseRequest) => void {
  let text = "";
  return (request) => {
    const { id } = request;
    try {
      if (request.type === "detect") {
        text = request.text;
        reply({ id, type: "detected", file: detectFile(text, request.fileName) });
      } else if (request.type === "values") {
        reply({ id, type: "values", values: listColumnValues(text, request.column) });
      } else if (request.type === "bulk") {
        reply({ id, type: "bulk", summary: bulkSummary(text, request.mapping) });
      } else {
        const result = parseObservations(text, request.mapping, { onProgress: (fraction) => reply({ id, type: "progress", fraction }) });
        const first = result.observations[0];
        const last = result.observations.at(-1);
        reply({
          id,
          type: "parsed",
          summary: {
            observationCount: result.observations.length,
            firstDate: first?.date ?? null,
            lastDate: last?.date ?? null,
            lastValue: last?.value ?? null,
            skippedMissing: result.skippedMissing,
            duplicates: result.duplicates,
            errors: result.errors,
            errorCount: result.errorCount,
            split: splitOf(text, request.mapping, result.errorCount),
          },
        });
      }
    } catch (err) {
      const message = err instanceof ImportFormatError ? err.message : `This file could not be read: ${(err as Error)?.message ?? "unknown error"}.`;
      reply({ id, type: "error", message });
    }
  };
}
