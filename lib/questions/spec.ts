// Tracked questions: input rules for questions, forecasts, resolutions and data rules, with messages a person can act on.
import { z } from "zod";
import { isoDateSchema, seriesKeySchema } from "@/lib/charts/spec";
import { idSchema } from "@/lib/validation/notebooks";
import { tagSchema, TAGS_PER_NOTE_MAX } from "@/lib/validation/notes";

/** The kinds of question: binary (a probability of YES) and numeric (a value with an 80% interval). */
export const QUESTION_KINDS = ["binary", "numeric"] as const;

/** One of the question kinds. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The states a question passes through: open until resolved (with an outcome) or annulled (no outcome, no scores). */
export const QUESTION_STATUSES = ["open", "resolved", "annulled"] as const;

/** One of the question statuses. */
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Longest question title. */
export const QUESTION_TITLE_MAX = 200;
/** Longest question details (Markdown). */
export const QUESTION_DETAILS_MAX = 20_000;
/** Longest resolution criteria. */
export const QUESTION_CRITERIA_MAX = 5_000;
/** Longest unit label of a numeric question. */
export const QUESTION_UNIT_MAX = 40;
/** Longest forecast rationale. */
export const RATIONALE_MAX = 5_000;
/** Longest resolution comment. */
export const RESOLUTION_COMMENT_MAX = 2_000;

const finite = (what: string) => z.number({ error: `${what} must be a number.` });

const returnOp = z.enum([">", "<"], { error: 'Choose ">" (above) or "<" (below).' });
const valueOp = z.enum([">", ">=", "<", "<="], { error: 'Choose ">", ">=", "<" or "<=".' });

/** Which values a rule resolves on: each as first published, as known when the rule resolves, or as known at a moment. */
export const RULE_VINTAGES = ["first", "latest"] as const;

const ruleVintage = z
  .union([z.enum(RULE_VINTAGES), z.object({ asOf: z.iso.datetime({ offset: true }) })], {
    error: 'Choose which values the rule reads: "first" (as first published), "latest" (as known when it resolves) or { asOf: a date-time }.',
  })
  .optional();

/** A rule's vintage: absent means "latest", as rules read before vintages could be chosen. */
export type RuleVintage = z.output<typeof ruleVintage>;

const returnCompareRule = z
  .object({
    type: z.literal("return-compare"),
    a: seriesKeySchema,
    b: seriesKeySchema,
    from: isoDateSchema,
    to: isoDateSchema,
    op: returnOp,
    vintage: ruleVintage,
  })
  .refine((r) => r.from < r.to, { error: "The start date must be before the end date.", path: ["to"] })
  .refine((r) => r.a !== r.b, { error: "Compare two different series.", path: ["b"] });

const returnThresholdRule = z
  .object({
    type: z.literal("return-threshold"),
    a: seriesKeySchema,
    from: isoDateSchema,
    to: isoDateSchema,
    op: returnOp,
    threshold: finite("The threshold (a return in percent)"),
    vintage: ruleVintage,
  })
  .refine((r) => r.from < r.to, { error: "The start date must be before the end date.", path: ["to"] });

const valueThresholdRule = z.object({
  type: z.literal("value-threshold"),
  a: seriesKeySchema,
  date: isoDateSchema,
  op: valueOp,
  threshold: finite("The threshold"),
  vintage: ruleVintage,
});

const valueOnDateRule = z.object({
  type: z.literal("value-on-date"),
  a: seriesKeySchema,
  date: isoDateSchema,
  vintage: ruleVintage,
});

/**
 * A rule that resolves a question from series data (see evaluateRule in ./rules):
 * - `return-compare` (binary): YES when A's return over [from, to] is above (`>`) or below (`<`) B's;
 * - `return-threshold` (binary): YES when A's return over [from, to], in percent, is above or below `threshold`;
 * - `value-threshold` (binary): YES when A's value on `date` compares to `threshold` by `op`;
 * - `value-on-date` (numeric): the outcome is A's value on `date`.
 * A return runs from the last value on or before `from` to the last value on or before `to`
 * (so 2008-01-01 → 2008-12-31 is the 2007 close to the 2008 close).
 */
export const dataRuleSchema = z.discriminatedUnion("type", [returnCompareRule, returnThresholdRule, valueThresholdRule, valueOnDateRule], {
  error: 'Choose a rule type: "return-compare", "return-threshold", "value-threshold" or "value-on-date".',
});

/** A validated data rule. */
export type DataRule = z.output<typeof dataRuleSchema>;

/** The question kind each rule type resolves. */
export const RULE_KIND: Record<DataRule["type"], QuestionKind> = {
  "return-compare": "binary",
  "return-threshold": "binary",
  "value-threshold": "binary",
  "value-on-date": "numeric",
};

/** The last date whose data a rule reads (its `to` or its `date`). */
export function ruleEndDate(rule: DataRule): string {
  return rule.type === "return-compare" || rule.type === "return-threshold" ? rule.to : rule.date;
}

/**
 * A question as created or edited. Numeric questions need `rangeMin < rangeMax` (the plausible range
 * that scales errors) and may carry a unit; binary questions carry neither. A rule must fit the kind and
 * must not end before `resolveBy` (else forecasts could still count after the answer is known).
 */
export const questionInputSchema = z
  .object({
    title: z
      .string({ error: "Give the question a title." })
      .trim()
      .min(1, { error: "Give the question a title." })
      .max(QUESTION_TITLE_MAX, { error: `Keep the title to ${QUESTION_TITLE_MAX} characters or fewer.` }),
    details: z
      .string({ error: "The details must be text." })
      .max(QUESTION_DETAILS_MAX, { error: `Keep the details to ${QUESTION_DETAILS_MAX.toLocaleString("en-US")} characters or fewer.` })
      .default(""),
    criteria: z
      .string({ error: "Write the resolution criteria: what has to happen for the question to resolve, and how." })
      .trim()
      .min(1, { error: "Write the resolution criteria: what has to happen for the question to resolve, and how." })
      .max(QUESTION_CRITERIA_MAX, { error: `Keep the resolution criteria to ${QUESTION_CRITERIA_MAX.toLocaleString("en-US")} characters or fewer.` }),
    resolveBy: isoDateSchema,
    tags: z
      .array(tagSchema, { error: "Tags must be a list." })
      .max(TAGS_PER_NOTE_MAX, { error: `Use at most ${TAGS_PER_NOTE_MAX} tags.` })
      .default([])
      .transform((tags) => [...new Set(tags)]),
    kind: z.enum(QUESTION_KINDS, { error: "Choose a kind: binary (a probability of yes) or numeric (a value with a range)." }),
    unit: z
      .string({ error: "The unit must be text." })
      .trim()
      .max(QUESTION_UNIT_MAX, { error: `Keep the unit to ${QUESTION_UNIT_MAX} characters or fewer.` })
      .default(""),
    rangeMin: finite("The lowest plausible value").optional(),
    rangeMax: finite("The highest plausible value").optional(),
    rule: dataRuleSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === "numeric") {
      if (q.rangeMin === undefined) {
        ctx.addIssue({ code: "custom", path: ["rangeMin"], message: "Give the lowest plausible value; errors are scaled by the range." });
      }
      if (q.rangeMax === undefined) {
        ctx.addIssue({ code: "custom", path: ["rangeMax"], message: "Give the highest plausible value; errors are scaled by the range." });
      }
      if (q.rangeMin !== undefined && q.rangeMax !== undefined && !(q.rangeMin < q.rangeMax)) {
        ctx.addIssue({ code: "custom", path: ["rangeMax"], message: "The highest plausible value must be above the lowest." });
      }
    } else {
      if (q.unit !== "") ctx.addIssue({ code: "custom", path: ["unit"], message: "A binary question has no unit; leave it empty." });
      if (q.rangeMin !== undefined || q.rangeMax !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [q.rangeMin !== undefined ? "rangeMin" : "rangeMax"],
          message: "A binary question has no plausible range; leave it empty or make the question numeric.",
        });
      }
    }
    if (q.rule !== undefined) {
      const fits = RULE_KIND[q.rule.type];
      if (fits !== q.kind) {
        ctx.addIssue({
          code: "custom",
          path: ["rule", "type"],
          message:
            fits === "numeric"
              ? 'A "value-on-date" rule gives a number; use it with a numeric question.'
              : `A "${q.rule.type}" rule gives yes or no; use it with a binary question.`,
        });
      }
      const end = ruleEndDate(q.rule);
      if (end < q.resolveBy) {
        ctx.addIssue({
          code: "custom",
          path: ["resolveBy"],
          message: `The rule reads data up to ${end}, before the resolve-by date, so forecasts could count after the answer is known; set resolve-by to ${end} or earlier.`,
        });
      }
    }
  });

/** A question as written by a form or an API client, before defaults. */
export type QuestionInput = z.input<typeof questionInputSchema>;

/** A validated question (defaults applied, tags lowercased and unique). */
export type Question = z.output<typeof questionInputSchema>;

const probability = z
  .number({ error: "Give a probability between 0 and 1 (0.65 for 65%)." })
  .min(0, { error: "A probability cannot be below 0 (0%)." })
  .max(1, { error: "A probability cannot be above 1 (100%); write 0.65 for 65%." });

const rationale = z
  .string({ error: "The rationale must be text." })
  .max(RATIONALE_MAX, { error: `Keep the rationale to ${RATIONALE_MAX.toLocaleString("en-US")} characters or fewer.` })
  .default("");

/** A forecast on a binary question: the probability of YES, 0 to 1 inclusive (the UI steps by 1%). */
export const binaryForecastSchema = z.object({
  probability,
  rationale,
  noteId: idSchema.optional(),
});

/** A forecast on a numeric question: the expected value and an 80% interval with `low ≤ value ≤ high`. */
export const numericForecastSchema = z
  .object({
    value: finite("Your forecast"),
    low: finite("The low end of your 80% interval"),
    high: finite("The high end of your 80% interval"),
    rationale,
    noteId: idSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.low > f.value) ctx.addIssue({ code: "custom", path: ["low"], message: "The low end of the 80% interval must be at or below your forecast." });
    if (f.high < f.value) ctx.addIssue({ code: "custom", path: ["high"], message: "The high end of the 80% interval must be at or above your forecast." });
  });

/** A validated binary forecast. */
export type BinaryForecastInput = z.output<typeof binaryForecastSchema>;
/** A validated numeric forecast. */
export type NumericForecastInput = z.output<typeof numericForecastSchema>;

/** The forecast schema for a question of `kind`. */
export function forecastSchemaFor(kind: QuestionKind): typeof binaryForecastSchema | typeof numericForecastSchema {
  return kind === "binary" ? binaryForecastSchema : numericForecastSchema;
}

/**
 * A forecast of either kind, for a router that validates before it knows the question: either
 * `probability`, or `value` with `low` and `high`, never both. Check the kind with forecastSchemaFor.
 */
export const forecastInputSchema = z
  .object({
    probability: probability.optional(),
    value: finite("Your forecast").optional(),
    low: finite("The low end of your 80% interval").optional(),
    high: finite("The high end of your 80% interval").optional(),
    rationale,
    noteId: idSchema.optional(),
  })
  .superRefine((f, ctx) => {
    const numeric = f.value !== undefined || f.low !== undefined || f.high !== undefined;
    if (f.probability !== undefined && numeric) {
      ctx.addIssue({ code: "custom", path: ["probability"], message: "Give either a probability (binary question) or a value with an 80% interval (numeric question), not both." });
      return;
    }
    if (f.probability !== undefined) return;
    if (!numeric) {
      ctx.addIssue({ code: "custom", path: ["probability"], message: "Give a probability (binary question) or a value with an 80% interval (numeric question)." });
      return;
    }
    for (const field of ["value", "low", "high"] as const) {
      if (f[field] === undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "A numeric forecast needs a value and the low and high ends of its 80% interval." });
      }
    }
    if (f.value === undefined) return;
    if (f.low !== undefined && f.low > f.value) ctx.addIssue({ code: "custom", path: ["low"], message: "The low end of the 80% interval must be at or below your forecast." });
    if (f.high !== undefined && f.high < f.value) ctx.addIssue({ code: "custom", path: ["high"], message: "The high end of the 80% interval must be at or above your forecast." });
  });

/** A validated forecast of either kind. */
export type ForecastInput = z.output<typeof forecastInputSchema>;

/**
 * How a question resolves: `{ outcome: "yes" | "no" }` (binary), `{ value }` (numeric) or
 * `{ annulled: true }` (no outcome; nobody is scored), exactly one of them, plus an optional comment.
 */
export const resolutionInputSchema = z
  .object({
    outcome: z.enum(["yes", "no"], { error: 'The outcome of a binary question is "yes" or "no".' }).optional(),
    value: finite("The outcome").optional(),
    annulled: z.literal(true, { error: "To annul a question, send annulled: true." }).optional(),
    comment: z
      .string({ error: "The comment must be text." })
      .trim()
      .max(RESOLUTION_COMMENT_MAX, { error: `Keep the comment to ${RESOLUTION_COMMENT_MAX.toLocaleString("en-US")} characters or fewer.` })
      .default(""),
  })
  .superRefine((r, ctx) => {
    const given = [r.outcome !== undefined, r.value !== undefined, r.annulled !== undefined].filter(Boolean).length;
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message:
          given === 0
            ? 'Resolve with an outcome ("yes" or "no"), a value (numeric question), or annul the question.'
            : "Resolve with exactly one of: an outcome, a value, or annulled.",
      });
    }
  });

/** A validated resolution. */
export type ResolutionInput = z.output<typeof resolutionInputSchema>;

/**
 * Checks a resolution against the question's kind: "yes"/"no" fits a binary question, a value a
 * numeric one; annulling fits both. Returns a message a person can act on, or null when it fits.
 */
export function resolutionKindError(resolution: ResolutionInput, kind: QuestionKind): string | null {
  if (resolution.outcome !== undefined && kind !== "binary") return "This is a numeric question: resolve it with a value, not yes or no.";
  if (resolution.value !== undefined && kind !== "numeric") return 'This is a binary question: resolve it with "yes" or "no", not a value.';
  return null;
}

/** The stored outcome of a resolution: 1 for yes, 0 for no, the value for a numeric question, null when annulled. */
export function resolutionOutcome(resolution: ResolutionInput): number | null {
  if (resolution.outcome !== undefined) return resolution.outcome === "yes" ? 1 : 0;
  if (resolution.value !== undefined) return resolution.value;
  return null;
}

const VALUE_OP_WORDS: Record<">" | ">=" | "<" | "<=", string> = { ">": "above", ">=": "at or above", "<": "below", "<=": "at or below" };

/** The words for a comparison: ">" → "above", ">=" → "at or above", "<" → "below", "<=" → "at or below". */
export function opWords(op: ">" | ">=" | "<" | "<="): string {
  return VALUE_OP_WORDS[op];
}

function formatNumber(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/**
 * A readable sentence for a rule, naming series by `names[key]` when given, else by key:
 * "Russell 2000 return from 2026-01-02 to 2026-12-31 above S&P 500 return".
 */
export function describeRule(rule: DataRule, names: Record<string, string> = {}): string {
  return ruleTerms(rule, names) + vintageWords(rule.vintage);
}

/** The values a rule reads, in words (nothing for the default, the values as known when it resolves). */
export function vintageWords(vintage: RuleVintage): string {
  if (vintage === undefined || vintage === "latest") return "";
  if (vintage === "first") return ", on values as first published";
  return `, on values as known at ${vintage.asOf.slice(0, 16).replace("T", " ")} UTC`;
}

function ruleTerms(rule: DataRule, names: Record<string, string>): string {
  const name = (key: string) => names[key] ?? key;
  switch (rule.type) {
    case "return-compare":
      return `${name(rule.a)} return from ${rule.from} to ${rule.to} ${opWords(rule.op)} ${name(rule.b)} return`;
    case "return-threshold":
      return `${name(rule.a)} return from ${rule.from} to ${rule.to} ${opWords(rule.op)} ${formatNumber(rule.threshold)}%`;
    case "value-threshold":
      return `${name(rule.a)} on ${rule.date} ${opWords(rule.op)} ${formatNumber(rule.threshold)}`;
    case "value-on-date":
      return `${name(rule.a)} on ${rule.date}`;
  }
}
