// The demo notebook's words: written for Quire from the facts of the early-2026 rotation commentary.
import demoUser from "./demo-user.json";

/** The demo sign-in, printed by `npm start` (the same file is read there). */
export const DEMO_USER: { name: string; email: string; password: string } = demoUser;

export const DEMO_NOTEBOOK = {
  name: "Market rotation 2026",
  description: "Small caps, cyclicals and the Big Tech slump in early 2026: the claims, the data behind them, and the questions that will settle them.",
} as const;

export const WELCOME_NOTE = {
  title: "Welcome to Quire",
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
- Live charts, tracked questions and read-only share links are on the way: this notebook will gain them as they arrive.
`,
} as const;
