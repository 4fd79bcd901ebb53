// The demo notebook's words: written for Quire from the facts of the early-2026 rotation commentary.
import demoUser from "./demo-user.json";

/** The demo sign-in, printed by `npm start` (the same file is read there). */
export const DEMO_USER: { name: string; email: string; password: string } = demoUser;

export const DEMO_NOTEBOOK = {
  name: "Market rotation 2026",
  description: "Small caps, cyclicals and the Big Tech slump in early 2026: the claims, the data behind them, and the questions that will settle them.",
} as const;

export type DemoNote = { title: string; body: string; tags: string[] };

export const WELCOME_NOTE: DemoNote = {
  title: "Welcome to Quire",
  tags: ["start-here"],
  body: `# Welcome to Quire

This notebook follows one story: the swing out of the largest technology names and into smaller, more economically sensitive companies at the start of 2026. Use it to see how Quire keeps commentary, evidence and open questions together.

## The story so far

| Measure | Early 2026 reading |
| --- | --- |
| Russell 2000, year to date | up roughly 6–8% |
| S&P 500, year to date | up roughly 1–2% |
| Magnificent Seven ETF, January | down about 1.6%, a third losing month in a row |
| Consumer staples | +3.7% in one week, about +5.7% for the year |
| Forward P/E, small caps vs. Big Tech | about 15–17× against 22–25× |

Small companies beat the S&P 500 for 9 to 11 trading sessions in a row, the longest such run since 2008 (by some counts, since 2019). Within the megacaps, Apple and Meta each gave up around 6% in January and Microsoft close to 5%.

Money has also moved into cyclical and defensive corners: materials and industrials on hopes for US growth, staples and real estate for steadier cash flows. Steadier expectations for Fed cuts help smaller companies most, since more of their debt floats with short rates.

## What could undo it

- Small-cap winning streaks have often faded before year-end.
- A policy misstep, an inflation surprise or weak AI and industrial earnings could turn the flows around.
- Not everyone is convinced: Goldman Sachs pencils in about 10% for small caps in 2026, below its roughly 12% for the S&P 500.

## Open questions to track

1. How many rate cuts will the Fed actually deliver in 2026, and is that enough to keep small caps ahead?
2. Will Big Tech take back market leadership before the year is out?
3. Will small caps still be ahead of the S&P 500 at year-end?
4. Is this a reshuffle of positions, or a change of regime?

## Getting started

- **Notebooks** hold your notes; invite colleagues as editors or viewers from the notebook's *Members* tab.
- Write in Markdown with a live preview; Quire saves as you type and keeps every revision (see *History*).
- Tag notes to group them, and press Ctrl/⌘ K anywhere to jump to a note by a word in it.
- Live charts, tracked questions and read-only share links are on the way: this notebook will gain them as they arrive.
`,
};

export const ROTATION_NOTE: DemoNote = {
  title: "Early 2026: small caps take the lead",
  tags: ["rotation", "small-caps", "2026"],
  body: `# Early 2026: small caps take the lead

**View:** the first weeks of 2026 look like a genuine change of leadership, not noise, but the evidence so far is a few weeks long. Keep the position, watch the rate path.

## What moved

- The Russell 2000 is up :value{series=RUT stat=ytd} for the year (reports put it between 6% and 8%) while the S&P 500 has added only :value{series=SPX-2026 stat=ytd}.
- Small caps beat the large-cap index for 9 to 11 sessions running, a streak last seen in 2008 (or 2019, depending on the count).
- The Magnificent Seven basket returned :value{series=MAGS-JAN-2026} in January, its third monthly loss in a row, something not seen since 2023. Apple and Meta each lost about 6% and Microsoft almost 5%.
- Consumer staples gained about 3.7% in one week and :value{series=STAPLES-YTD-2026} for the year, ahead of technology; materials, industrials and real estate also led their peers.

## Why it might last

1. **Valuation.** Small caps trade near 15–17 times forward earnings against 22–25 times for the largest technology names.
2. **Rates.** Steadier expectations for Fed cuts matter more to companies whose borrowing floats with short rates.
3. **Growth at home.** Materials and industrials benefit from better US growth hopes, and from spending on AI infrastructure and reshoring.

## Why it might not

- Small-cap streaks have a habit of fading before year-end.
- A policy misstep, an inflation surprise or a weak AI or industrial earnings season could reverse the flows.
- Forecasters are cautious: Goldman Sachs looks for roughly 10% from small caps in 2026 against about 12% from the S&P 500.

## To watch

- How many cuts the Fed actually delivers, and whether that is enough for smaller companies.
- Whether the megacaps regain leadership later in the year.
- Whether cyclical and defensive sectors can grow earnings enough to justify the money moving into them.
`,
};

/** The notes of the demo notebook, oldest first. */
export const DEMO_NOTES: DemoNote[] = [ROTATION_NOTE, WELCOME_NOTE];
