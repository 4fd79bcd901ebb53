// Answers parse requests for one file (detect, parse with progress, list a column's values); runs in the worker or, as a fallback, in the page.
import { detectFile, ImportFormatError, listColumnValues, parseObservations } from "@/lib/series/parse";
import type { ParseReply, ParseRequest } from "./parse-protocol";

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
          },
        });
      }
    } catch (err) {
      const message = err instanceof ImportFormatError ? err.message : `This file could not be read: ${(err as Error)?.message ?? "unknown error"}.`;
      reply({ id, type: "error", message });
    }
  };
}
