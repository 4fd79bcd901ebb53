// Messages between the import dialog and the file-parsing worker, and the summary of a parse it sends back.
import type { ImportMapping, ParsedFile, RowError } from "@/lib/series/parse";

/** What the dialog needs from a parse: counts, the date range, the first row errors (not the observations themselves). */
export type ParseSummary = {
  observationCount: number;
  firstDate: string | null;
  lastDate: string | null;
  lastValue: number | null;
  skippedMissing: number;
  duplicates: number;
  errors: RowError[];
  errorCount: number;
};

export type ParseRequest =
  | { id: number; type: "detect"; text: string; fileName?: string }
  | { id: number; type: "parse"; mapping?: ImportMapping }
  | { id: number; type: "values"; column: string };

export type ParseReply =
  | { id: number; type: "detected"; file: ParsedFile }
  | { id: number; type: "progress"; fraction: number }
  | { id: number; type: "parsed"; summary: ParseSummary }
  | { id: number; type: "values"; values: string[] }
  | { id: number; type: "error"; message: string };
