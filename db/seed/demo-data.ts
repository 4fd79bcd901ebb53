// The demo notebook's data: real prices from vega-datasets, the early-2026 reported figures, the charts over them, and the note that uses them.
import type { ChartSpec } from "@/lib/charts/spec";
import type { DemoNote } from "./demo-content";

export type DemoSeries = {
  key: string;
  name: string;
  unit: string;
  frequency: "daily" | "monthly" | "irregular";
  notes: string;
  /** A file in vega-datasets' data folder, imported with the mapping; or reported values entered by hand. */
  from: { file: string; dateColumn: string; valueColumn: string; filter?: { column: string; equals: string } } | { reported: Array<{ date: string; value: number }> };
  /** Values corrected after the demo's notes were written: a revision, so a figure in a note goes stale on first start. */
  correctedLater?: Array<{ date: string; value: number }>;
};

const VEGA = "Real prices from the vega-datasets package (BSD-3-Clause), imported on first run with Quire's own CSV import.";
const REPORTED =
  "Reported figure, entered by hand from early-2026 market commentary (“Big Tech slumps as small caps and cyclicals surge”). Where the commentary gives a range, the value is its midpoint.";

const monthly = (symbol: string, name: string): DemoSeries => ({
  key: symbol,
  name,
  unit: "USD",
  frequency: "monthly",
  notes: `Monthly price, 2000–2010. ${VEGA}`,
  from: { file: "stocks.csv", dateColumn: "date", valueColumn: "price", filter: { column: "symbol", equals: symbol } },
});

export const DEMO_SERIES: DemoSeries[] = [
  {
    key: "SPX",
    name: "S&P 500",
    unit: "index points",
    frequency: "daily",
    notes: `Daily close, 2000-01-03 to 2020-04-17. ${VEGA}`,
    from: { file: "sp500-2000.csv", dateColumn: "date", valueColumn: "close" },
  },
  monthly("MSFT", "Microsoft"),
  monthly("AMZN", "Amazon"),
  monthly("AAPL", "Apple"),
  monthly("IBM", "IBM"),
  monthly("GOOG", "Alphabet (Google)"),
  { key: "RUT-YTD-2026", name: "Russell 2000, return year to date (reported)", unit: "%", frequency: "irregular", notes: `${REPORTED} Reported as 6–8%.`, from: { reported: [{ date: "2026-01-30", value: 7 }] } },
  { key: "SPX-YTD-2026", name: "S&P 500, return year to date (reported)", unit: "%", frequency: "irregular", notes: `${REPORTED} Reported as 1–2%.`, from: { reported: [{ date: "2026-01-30", value: 1.5 }] } },
  { key: "MAGS-JAN-2026", name: "Magnificent Seven ETF, January return (reported)", unit: "%", frequency: "irregular", notes: `${REPORTED} Reported as about −1.6%.`, from: { reported: [{ date: "2026-01-30", value: -1.6 }] } },
  { key: "STAPLES-YTD-2026", name: "Consumer staples, return year to date (reported)", unit: "%", frequency: "irregular", notes: `${REPORTED} Reported as about 5.7%.`, from: { reported: [{ date: "2026-01-30", value: 5.7 }] } },
  {
    key: "RUT",
    name: "Russell 2000, rebased to 100 at end-2025 (reported)",
    unit: "index",
    frequency: "irregular",
    notes: `${REPORTED} The commentary gives returns, not index levels, so the series starts at 100 on 31 December 2025 and stands at 107 on 30 January 2026 (up 6–8% year to date). Push real closes, rebased the same way, to extend it. The 30 January value was then corrected to 106.4 (a demo of a revised figure: the rotation note's figure shows as changed, and the inbox lists it).`,
    from: { reported: [{ date: "2025-12-31", value: 100 }, { date: "2026-01-30", value: 107 }] },
    correctedLater: [{ date: "2026-01-30", value: 106.4 }],
  },
  {
    key: "SPX-2026",
    name: "S&P 500, rebased to 100 at end-2025 (reported)",
    unit: "index",
    frequency: "irregular",
    notes: `${REPORTED} Starts at 100 on 31 December 2025 and stands at 101.5 on 30 January 2026 (up 1–2% year to date). The real daily S&P 500 in this notebook (SPX) ends in 2020.`,
    from: { reported: [{ date: "2025-12-31", value: 100 }, { date: "2026-01-30", value: 101.5 }] },
  },
];

const DOTCOM_RANGE = { preset: "custom", from: "2000-01-01", to: "2002-12-31" } as const;

export const DEMO_CHARTS = {
  rebased: {
    title: "Big Tech against the S&P 500, 2000–2002 (rebased to 100)",
    description: "",
    kind: "rebased",
    series: ["SPX", "MSFT", "AMZN", "AAPL", "IBM"],
    range: DOTCOM_RANGE,
    since: "2000-01-03",
    annotations: [
      { date: "2000-03-24", label: "S&P 500 peak" },
      { date: "2001-09-17", label: "Markets reopen after 9/11" },
      { date: "2002-10-09", label: "S&P 500 low" },
    ],
  },
  yearly: {
    title: "Calendar-year returns, 2000–2002",
    description: "",
    kind: "bars",
    series: ["SPX", "MSFT", "AMZN", "AAPL", "IBM"],
    range: DOTCOM_RANGE,
    period: "year",
    annotations: [],
  },
  ratio: {
    title: "Microsoft relative to the S&P 500, 2000–2010",
    description: "",
    kind: "ratio",
    series: ["MSFT", "SPX"],
    range: { preset: "custom", from: "2000-01-01", to: "2010-03-31" },
    annotations: [{ date: "2002-10-09", label: "S&P 500 low" }],
  },
} satisfies Record<string, ChartSpec>;

/** The early-2026 lead of small caps, drawn from the reported figures; the rotation note embeds it. */
export const DEMO_2026_CHART = {
  title: "Small caps against the S&P 500, January 2026 (reported, rebased to 100)",
  description: "",
  kind: "line",
  series: ["RUT", "SPX-2026"],
  range: { preset: "custom", from: "2025-12-31", to: "2026-01-30" },
  annotations: [],
} satisfies ChartSpec;

/** The rotation note's chart section, placed before its questions. */
export function rotationChartSection(chartId: string): string {
  return `
## The lead so far

::chart{id=${chartId}}

Both lines start at 100 at the end of 2025 and are drawn from the reported year-to-date figures, not from daily closes.
`;
}

/** The note on the 2000–2002 unwind, embedding the demo charts by their ids. */
export function dotcomNote(ids: Record<keyof typeof DEMO_CHARTS, string>): DemoNote {
  return {
    title: "2000–2002: the last time the giants stopped leading",
    tags: ["history", "big-tech", "rotation"],
    body: `# 2000–2002: the last time the giants stopped leading

Today's argument, that money is leaving the most expensive technology names for cheaper corners of the market, has a precedent in this notebook's own data. The charts below are drawn from real daily and monthly prices and redraw if the series change.

::chart{id=${ids.rebased}}

## What the data shows

- The S&P 500 closed at its high of **:value{series=SPX stat=high from=2000-01-01 to=2002-12-31 digits=0}** on 24 March 2000 and did not find its floor until 9 October 2002, at **:value{series=SPX stat=low from=2002-01-01 to=2002-12-31 digits=0}**: a peak-to-trough drawdown of **:value{series=SPX stat=drawdown from=2000-01-01 to=2002-12-31}**.
- From January 2000 to December 2002 the index returned :value{series=SPX stat=return from=2000-01-03 to=2002-12-31 digits=0}. The growth darlings lost far more: Apple about 72%, Amazon about 71% and Microsoft about 47%, measured on month-start prices.
- IBM, the older and cheaper technology business, fell by roughly 30% over the same span: still a loss, but less than the index.

::chart{id=${ids.yearly}}

## The lesson for 2026

The gap between leaders and laggards closed mostly because the leaders fell, not because the rest of the market rose. A rotation that works by de-rating the expensive names can leave a portfolio of "cheap" shares down in absolute terms. It is worth watching the ratio of a leader to the index, not only the index itself.

::chart{id=${ids.ratio}}

Measured against the index, Microsoft never got back to its March 2000 high in the rest of the decade. Whether today's leaders follow that path is one of the open questions this notebook tracks.
`,
  };
}
