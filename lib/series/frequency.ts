// Guesses how often a series is observed from the gaps between its dates, to name a new series' frequency.
import type { SERIES_FREQUENCIES } from "@/lib/validation/series";

type Frequency = (typeof SERIES_FREQUENCIES)[number];

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The frequency whose usual gap matches the median gap between consecutive dates (sorted ascending); irregular below three dates. */
export function inferFrequency(dates: readonly string[]): Frequency {
  if (dates.length < 3) return "irregular";
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++) gaps.push(dayNumber(dates[i]!) - dayNumber(dates[i - 1]!));
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  if (median <= 4) return "daily";
  if (median <= 10) return "weekly";
  if (median <= 45) return "monthly";
  if (median <= 120) return "quarterly";
  if (median <= 400) return "annual";
  return "irregular";
}
