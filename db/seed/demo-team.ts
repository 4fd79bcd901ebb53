// The demo notebook's second member: a colleague's forecasts (so the team's forecast and the leaderboard have two
// people to pool and rank), a thread on a passage of the rotation note that mentions the demo analyst, and a comment
// on the small-caps question. Facts from the commentary; the words are the demo's own.
import type { DemoForecast, DemoQuestion } from "./demo-questions";
import demoUser from "./demo-user.json";

/** The colleague signs in with the demo analyst's password. */
export const DEMO_COLLEAGUE: { name: string; email: string } = demoUser.colleague;

export const COLLEAGUE_FORECASTS: Record<DemoQuestion["key"], DemoForecast[]> = {
  cuts: [
    { at: "2026-01-12T11:00:00Z", value: 2, low: 1, high: 3, rationale: "The committee's own projections show two; I see no reason to beat them yet." },
    { at: "2026-03-20T10:00:00Z", value: 1, low: 0, high: 2, rationale: "Services inflation has not come down; one cut late in the year at most." },
  ],
  bigTech: [
    { at: "2026-01-09T09:00:00Z", probability: 0.6, rationale: "Their earnings still grow faster than the index's; a few bad weeks do not change that." },
    { at: "2026-02-05T15:30:00Z", probability: 0.5, rationale: "Three losing months in a row: I am less sure than I was." },
  ],
  smallCaps: [{ at: "2026-01-22T14:00:00Z", probability: 0.45, rationale: "Streaks like this one have faded before; a third of the index has no earnings." }],
  fell2008: [
    { at: "2008-02-01T12:00:00Z", probability: 0.55, rationale: "Mortgage losses are spreading to the banks' balance sheets." },
    { at: "2008-07-15T12:00:00Z", probability: 0.8, rationale: "Two large lenders have failed and credit spreads keep widening." },
  ],
  ibm: [{ at: "2000-03-01T12:00:00Z", probability: 0.55, rationale: "Services revenue should hold up better than the index's dot-com names." }],
};

/** The passage of the rotation note the colleague comments on, and the thread that follows. */
export const ROTATION_THREAD = {
  quote: "Small-cap streaks have a habit of fading before year-end.",
  comment: (analystMention: string) =>
    `${analystMention} the 2008 and 2019 streaks both ended within a few months. Should we put a date on "fading", say a question on whether small caps still lead at the end of June?`,
  reply: "Good idea. The full-year question stays; I will add one for the end of June and link it here.",
};

/** The colleague's comment on the small-caps question. */
export const SMALL_CAPS_COMMENT =
  "The valuation gap (15–17 times forward earnings against 22–25 for the largest tech names) is the part of the case I trust most. The streak itself tells us little.";
