// Messages between the import dialog and the file-parsing worker, and the summary of a parse it sends back.
import type { BulkMapping } from "@/lib/series/bulk";
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
  /** When the rows clash because the file holds several series (a symbol column): that column and how many series. */
  split?: { column: string; count: number };
};

/** One series of a many-series file, as the bulk preview lists it. */
export type BulkSeriesSummary = { key: string; label: string; rows: number; firstDate: string | null; lastDate: string | null; problems: string[]; problemCount: number };

/** What the bulk preview needs: the layout read, each series, and the problems of rows that belong to none. */
export type BulkSummary = { mapping: BulkMapping; series: BulkSeriesSummary[]; errors: RowError[]; errorCount: number };

export type ParseRequest =
  | { id: number; type: "detect"; text: string; fileName?: string }
  | { id: number; type: "parse"; mapping?: ImportMapping }
  | { id: number; type: "values"; column: string }
  | { id: number; type: "bulk"; mapping?: BulkMapping };

export type ParseReply =
  | { id: number; type: "detected"; file: ParsedFile }
  | { id: number; type: "progress"; fraction: number }
  | { id: number; type: "parsed"; summary: ParseSummary }
  | { id: number; type: "values"; values: string[] }
  | { id: number; type: "bulk"; summary: BulkSummary }
  | { id: number; type: "error"; message: string };
