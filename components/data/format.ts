// Display helpers for the data pages: source labels, numbers, row counts.
import type { SeriesSource } from "@/lib/validation/series";

export const SOURCE_LABELS: Record<SeriesSource, string> = {
  manual: "Manual",
  upload: "Upload",
  api: "API push",
  fred: "FRED",
  yahoo: "Yahoo",
};

export const FREQUENCY_LABELS: Record<string, string> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  annual: "Annual",
  irregular: "Irregular",
};

/** A value as an analyst reads it: thousands separators, at most 4 decimals (2 for big numbers). */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return value.toLocaleString("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 2 : 4 });
}

/** "1 row", "1,234 rows". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** Whether a series is fed by a connector that refreshes on a schedule. */
export function isConnector(source: string): source is "fred" | "yahoo" {
  return source === "fred" || source === "yahoo";
}

/** "every 15 minutes", "daily", "every 6 hours". */
export function intervalLabel(minutes: number | null): string {
  if (minutes === null) return "";
  if (minutes === 24 * 60) return "daily";
  if (minutes % (24 * 60) === 0) return `every ${minutes / (24 * 60)} days`;
  if (minutes === 60) return "hourly";
  if (minutes % 60 === 0) return `every ${minutes / 60} hours`;
  return `every ${minutes} minutes`;
}
