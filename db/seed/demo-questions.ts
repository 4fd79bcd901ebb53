// The demo notebook's tracked questions: the commentary's open questions for 2026, and two practice questions the 2000s data settles.
import type { DataRule, QuestionKind } from "@/lib/questions/spec";

export type DemoForecast = { at: string; probability?: number; value?: number; low?: number; high?: number; rationale: string; citesRotationNote?: boolean };

export type DemoQuestion = {
  key: "cuts" | "bigTech" | "smallCaps" | "fell2008" | "ibm";
  title: string;
  kind: QuestionKind;
  criteria: string;
  details: string;
  resolveBy: string;
  tags: string[];
  unit?: string;
  rangeMin?: number;
  rangeMax?: number;
  rule?: DataRule;
  forecasts: DemoForecast[];
};

export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    key: "cuts",
    title: "How many times will the Fed cut rates in 2026?",
    kind: "numeric",
    unit: "cuts",
    rangeMin: 0,
    rangeMax: 8,
    resolveBy: "2026-12-31",
    tags: ["rates", "fed"],
    criteria: "The number of FOMC decisions in calendar 2026 that lower the federal funds target range, whatever the size of each cut.",
    details: "Smaller companies carry more floating-rate debt, so the path of cuts is the main macro input to the small-cap view.",
    forecasts: [
      { at: "2026-01-08T14:00:00Z", value: 3, low: 2, high: 4, rationale: "Futures price about three cuts; inflation is drifting down." },
      { at: "2026-02-03T09:30:00Z", value: 2, low: 1, high: 3, rationale: "Steadier but slower path: the January meeting held, and services inflation is sticky.", citesRotationNote: true },
      { at: "2026-06-18T16:00:00Z", value: 2, low: 1, high: 3, rationale: "One cut so far; one more priced for the autumn." },
    ],
  },
  {
    key: "bigTech",
    title: "Will the Magnificent Seven beat the S&P 500 over 2026?",
    kind: "binary",
    resolveBy: "2026-12-31",
    tags: ["big-tech", "rotation"],
    criteria:
      "YES if an equal-weight basket of the Magnificent Seven returns more than the S&P 500 over calendar 2026 (total return, 31 Dec 2025 close to 31 Dec 2026 close).",
    details: "The commentary's first open question: do the largest technology names regain leadership later in the year?",
    forecasts: [
      { at: "2026-01-06T10:00:00Z", probability: 0.55, rationale: "Earnings momentum still favours the megacaps." },
      { at: "2026-02-03T09:30:00Z", probability: 0.4, rationale: "A third losing month in a row and a wide valuation gap.", citesRotationNote: true },
      { at: "2026-07-15T12:00:00Z", probability: 0.45, rationale: "AI spending guidance held up in Q2 results." },
    ],
  },
  {
    key: "smallCaps",
    title: "Will small caps hold their lead over the S&P 500 to year-end 2026?",
    kind: "binary",
    resolveBy: "2026-12-31",
    tags: ["small-caps", "rotation"],
    criteria:
      "YES if the Russell 2000's price return over calendar 2026 is above the S&P 500's, measured by the data rule on the notebook's RUT and SPX-2026 series (both rebased to 100 at the end of 2025).",
    details:
      "Small-cap streaks have often faded before December; this question keeps the early-2026 lead honest.\n\nSo far the notebook holds the reported figures: on 30 January RUT stood at 107 and SPX-2026 at 101.5 (both 100 at the end of 2025). The rule resolves once both series have a value for 31 December 2026; push real closes, rebased the same way, to get there.",
    rule: { type: "return-compare", a: "RUT", b: "SPX-2026", from: "2026-01-01", to: "2026-12-31", op: ">" },
    forecasts: [
      { at: "2026-01-20T15:00:00Z", probability: 0.65, rationale: "A 9–11 session streak and a valuation cushion." },
      { at: "2026-02-03T09:30:00Z", probability: 0.6, rationale: "The lead is real but young; streaks like this often fade.", citesRotationNote: true },
    ],
  },
  {
    key: "fell2008",
    title: "Practice: will the S&P 500 end 2008 lower than it started?",
    kind: "binary",
    resolveBy: "2008-12-31",
    tags: ["practice"],
    criteria: "YES if the S&P 500's price return from the 2007 close to the 2008 close is below zero (data rule on SPX).",
    details: "A practice question on the notebook's real S&P 500 data, so the calibration page has something to show. The forecasts are illustrative.",
    rule: { type: "return-threshold", a: "SPX", from: "2008-01-01", to: "2008-12-31", op: "<", threshold: 0 },
    forecasts: [
      { at: "2008-01-15T12:00:00Z", probability: 0.35, rationale: "Credit stress, but earnings still growing." },
      { at: "2008-09-16T12:00:00Z", probability: 0.85, rationale: "Lehman has failed; the index is already down for the year." },
    ],
  },
  {
    key: "ibm",
    title: "Practice: will IBM beat the S&P 500 over 2000–2002?",
    kind: "binary",
    resolveBy: "2002-12-31",
    tags: ["practice", "big-tech"],
    criteria: "YES if IBM's price return from the start of 2000 to the end of 2002 is above the S&P 500's (data rule on IBM and SPX).",
    details: "A practice question on the notebook's real prices; see the note on the 2000–2002 unwind.",
    rule: { type: "return-compare", a: "IBM", b: "SPX", from: "2000-01-03", to: "2002-12-31", op: ">" },
    forecasts: [{ at: "2000-02-01T12:00:00Z", probability: 0.4, rationale: "Old-economy tech tends to lag in a tech boom." }],
  },
];

/** The rotation note's closing section, embedding the questions it bears on. */
export function rotationQuestionsSection(ids: Record<DemoQuestion["key"], string>): string {
  return `
## Questions this note bears on

::question{id=${ids.cuts}}

::question{id=${ids.bigTech}}

::question{id=${ids.smallCaps}}
`;
}
