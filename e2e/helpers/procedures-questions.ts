// The questions and comments rows of the procedure list (e2e/helpers/procedures.ts): each with a sample input and the malformed inputs to try.
import type { Procedure, SampleIds } from "./procedure-types";
import { badQuestions, QUESTION, questionSample } from "./sample-inputs";

const q = "query" as const;
const m = "mutation" as const;
const p = "protected" as const;
const inNotebook = (ids: SampleIds) => ({ notebookId: ids.notebookId });

export const QUESTION_PROCEDURES: Procedure[] = [
  { path: "questions.list", type: q, access: p, sample: (ids) => ({ notebookId: ids.notebookId, status: "open" }), optional: ["notebookId", "status"] },
  { path: "questions.get", type: q, access: p, sample: (ids) => ({ id: ids.questionId }) },
  { path: "questions.ruleChart", type: q, access: p, sample: (ids) => ({ id: ids.questionId, width: 640 }), optional: ["width"] },
  {
    path: "questions.create",
    type: m,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, ...questionSample() }),
    optional: ["details", "tags", "rule"],
    extra: (ids) => badQuestions({ notebookId: ids.notebookId, ...questionSample() }),
  },
  {
    path: "questions.update",
    type: m,
    access: p,
    sample: (ids) => ({ id: ids.questionId, baseVersion: 1, ...questionSample() }),
    optional: ["baseVersion", "details", "tags", "rule"],
    extra: (ids) => [
      ...badQuestions({ id: ids.questionId, baseVersion: 1, ...questionSample() }),
      // Valid as a numeric question, but the question is binary and keeps its kind.
      ["a change of kind", { id: ids.questionId, ...QUESTION, kind: "numeric", rangeMin: 0, rangeMax: 1 }],
    ],
  },
  {
    path: "questions.forecast",
    type: m,
    access: p,
    sample: (ids) => ({ questionId: ids.questionId, probability: 0.65, rationale: "Rates are falling.", noteId: ids.noteId }),
    optional: ["rationale", "noteId"],
    extra: (ids) => [
      ["probability 65 (a percentage)", { questionId: ids.questionId, probability: 65 }],
      ["both a probability and a value", { questionId: ids.questionId, probability: 0.5, value: 2000, low: 1900, high: 2100 }],
      ["a numeric forecast on a binary question", { questionId: ids.questionId, value: 2000, low: 1900, high: 2100 }],
      ["a value without its interval", { questionId: ids.questionId, value: 2000 }],
      ["an interval whose low end is above the value", { questionId: ids.questionId, value: 2000, low: 2100, high: 2200 }],
      ["a note that does not exist as evidence", { questionId: ids.questionId, probability: 0.5, noteId: "nosuchnote000000" }],
    ],
  },
  {
    path: "questions.resolve",
    type: m,
    access: p,
    sample: (ids) => ({ id: ids.questionId, outcome: "yes", comment: "RUT closed at 2,150." }),
    optional: ["comment"],
    extra: (ids) => [
      ["both an outcome and a value", { id: ids.questionId, outcome: "yes", value: 1 }],
      ["both an outcome and annulled", { id: ids.questionId, outcome: "no", annulled: true }],
      ["annulled: false", { id: ids.questionId, annulled: false }],
      ["a value for a binary question", { id: ids.questionId, value: 2150 }],
      ["an outcome of maybe", { id: ids.questionId, outcome: "maybe" }],
    ],
  },
  { path: "questions.reopen", type: m, access: p, sample: (ids) => ({ id: ids.questionId }) },
  { path: "questions.calibration", type: q, access: p, sample: inNotebook, optional: ["notebookId"] },
  {
    path: "questions.team",
    type: q,
    access: p,
    sample: (ids) => ({ id: ids.questionId, extremize: true }),
    optional: ["extremize"],
    extra: (ids) => [["extremize as text", { id: ids.questionId, extremize: "yes" }]],
  },
  { path: "questions.leaderboard", type: q, access: p, sample: (ids) => ({ notebookId: ids.notebookId }) },
];

export const COMMENT_PROCEDURES: Procedure[] = [
  { path: "comments.list", type: q, access: p, sample: (ids) => ({ targetType: "note", targetId: ids.noteId }) },
  {
    path: "comments.create",
    type: m,
    access: p,
    sample: (ids) => ({ targetType: "note", targetId: ids.noteId, body: "Which close?", anchor: { quote: "Small caps led", start: 0 } }),
    optional: ["anchor"],
    oversized: { body: 10_001 },
    extra: (ids) => [
      ["a passage not in the note", { targetType: "note", targetId: ids.noteId, body: "Which close?", anchor: { quote: "Large caps led" } }],
      ["a blank comment", { targetType: "note", targetId: ids.noteId, body: "   " }],
      ["an unknown target type", { targetType: "series", targetId: ids.noteId, body: "Which close?" }],
    ],
  },
  { path: "comments.reply", type: m, access: p, sample: (ids) => ({ threadId: ids.commentId, body: "The 30th." }), oversized: { body: 10_001 } },
  { path: "comments.edit", type: m, access: p, sample: (ids) => ({ id: ids.commentId, body: "Which close, the 30th?" }), oversized: { body: 10_001 } },
  { path: "comments.remove", type: m, access: p, sample: (ids) => ({ id: ids.commentId }) },
  { path: "comments.resolve", type: m, access: p, sample: (ids) => ({ threadId: ids.commentId }) },
  { path: "comments.reopen", type: m, access: p, sample: (ids) => ({ threadId: ids.commentId }) },
];
