// What a share page shows, as plain data: a note, a question or a notebook's index (the services build it, lib/share/page-html draws it).
import type { StaticFigure } from "@/lib/notes/standalone-html";

export type ShareMode = "live" | "snapshot";

/** One series of a chart on a snapshot: its last value as the snapshot knew it and its last value now. */
export type SeriesMove = {
  key: string;
  name: string;
  unit: string;
  then: { date: string; value: number } | null;
  now: { date: string; value: number } | null;
};

/** A chart drawn for a share page: wide for screens, narrow for phones (the page picks one by CSS, with no script). */
export type SharedChart = { title: string; description: string; svg: string; narrowSvg: string; moves: SeriesMove[] };

/** A forecast as a share page shows it: by "Forecaster A", "B", … (colleagues' names and rationales stay private). */
export type SharedForecast = { forecaster: string; at: string; probability: number | null; value: number | null; low: number | null; high: number | null };

/** A question's state for a share page; JSON-safe (dates as ISO text) so that a snapshot can keep it as it was. */
export type SharedQuestion = {
  id: string;
  title: string;
  details: string;
  criteria: string;
  kind: "binary" | "numeric";
  unit: string;
  rangeMin: number | null;
  rangeMax: number | null;
  resolveBy: string;
  status: "open" | "resolved" | "annulled";
  outcome: number | null;
  createdAt: string;
  resolvedAt: string | null;
  forecasts: SharedForecast[];
};

type Common = {
  mode: ShareMode;
  notebookName: string;
  /** For a snapshot: the moment its text and data are pinned to. */
  asOf: Date | null;
};

export type SharedNoteDocument = Common & {
  kind: "note";
  title: string;
  body: string;
  /** When the text shown was last edited. */
  editedAt: Date;
  charts: Map<string, SharedChart>;
  questions: Map<string, SharedQuestion>;
  /** The text's live figures by key, as known at the document's moment. */
  figures: Map<string, StaticFigure>;
  /** Inside a shared notebook: the index page's path, for a way back. */
  indexPath: string | null;
};

/** A question with its forecast chart drawn wide and narrow (as charts are). */
export type SharedQuestionDocument = Common & { kind: "question"; question: SharedQuestion; figureSvg: string; narrowFigureSvg: string };

export type SharedNotebookDocument = Common & {
  kind: "notebook";
  description: string;
  notes: Array<{ id: string; title: string; excerpt: string; editedAt: Date; path: string }>;
};

export type SharedDocument = SharedNoteDocument | SharedQuestionDocument | SharedNotebookDocument;
