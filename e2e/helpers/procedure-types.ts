// The shape of a row of the procedure list (e2e/helpers/procedures.ts) and the fixture ids its sample inputs use.
/** Real ids from the signed-in owner's fixture, so that a call which skipped validation would change something visible. */
export type SampleIds = {
  notebookId: string;
  notebookName: string;
  memberId: string;
  outsiderEmail: string;
  noteId: string;
  noteVersion: number;
  revisionId: number;
  /** An uploaded series with the key "RUT" (CHART_SPEC draws it) and a few observations. */
  seriesId: string;
  chartId: string;
  chartVersion: number;
  /** The owner's API token for the notebook. */
  tokenId: string;
  /** An open binary question (QUESTION, no rule) at version 1. */
  questionId: string;
  /** The owner's live share link to the note. */
  shareLinkId: string;
  /** The owner's comment thread on the note. */
  commentId: string;
};

export type Procedure = {
  path: string;
  /** A subscription is a GET answered as text/event-stream (see subscriptionReply). */
  type: "query" | "mutation" | "subscription";
  access: "public" | "protected";
  /** A well-formed input (undefined: the procedure takes none). */
  sample?: (ids: SampleIds) => Record<string, unknown>;
  /** Fields that may be left out (they have defaults or widen the scope). */
  optional?: string[];
  /** Length of an oversized string for fields whose limit is above the specs' default size. */
  oversized?: Record<string, number>;
  /** Malformed inputs that only this procedure has (e.g. a rule across fields). */
  extra?: (ids: SampleIds) => Array<[string, unknown]>;
};
