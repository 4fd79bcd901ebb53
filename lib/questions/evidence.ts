// A data rule's evidence for people: each series' dates, values and return as a row, and caveats when the series do not line up.
import { type Point } from "@/lib/charts/align";
import { formatLevel, formatPercentValue } from "@/lib/charts/format";

/** How often a series is observed, as inferred from the gaps between its dates. */
export type Frequency = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

/** One series' part of the evidence: the values a return ran between, or the value on a date. */
export type EvidenceLeg = {
  key: string;
  name: string;
  startDate?: string;
  start?: string;
  endDate?: string;
  end?: string;
  returnPct?: string;
  date?: string;
  value?: string;
  frequency?: Frequency;
};

/** The evidence as shown: a row per series, other values (a threshold) as label and text, and caveats in sentences. */
export type EvidenceView = { legs: EvidenceLeg[]; others: Array<{ label: string; text: string }>; caveats: string[] };

/**
 * The frequency of `points` between `from` and `to` (all points when omitted): the median gap between
 * consecutive dates, up to 4 days daily, 10 weekly, 45 monthly, 120 quarterly, else yearly. Undefined with fewer than two points.
 */
export function inferFrequency(points: Point[], from = "0000-01-01", to = "9999-12-31"): Frequency | undefined {
  const dates = points.filter((p) => p.date >= from && p.date <= to).map((p) => Date.parse(`${p.date}T00:00:00Z`));
  if (dates.length < 2) return undefined;
  const gaps = dates.slice(1).map((d, i) => (d - dates[i]!) / 86_400_000).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return median <= 4 ? "daily" : median <= 10 ? "weekly" : median <= 45 ? "monthly" : median <= 120 ? "quarterly" : "yearly";
}

const LEG_FIELDS = new Set(["startDate", "start", "endDate", "end", "returnPct", "date", "value", "frequency"]);

function listOf(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Reads stored evidence values (keys such as `IBM.startDate`, `IBM.returnPct`, `thresholdPct`) into rows
 * per series with formatted numbers, and says when the series differ in frequency or in the dates
 * their values come from. `names` gives display names by series key.
 */
export function evidenceView(values: Record<string, number | string>, names: Record<string, string> = {}): EvidenceView {
  const legs = new Map<string, EvidenceLeg>();
  const others: EvidenceView["others"] = [];
  for (const [k, v] of Object.entries(values)) {
    const dot = k.lastIndexOf(".");
    const field = dot > 0 ? k.slice(dot + 1) : "";
    if (!LEG_FIELDS.has(field)) {
      const label = k === "thresholdPct" || k === "threshold" ? "Threshold" : k === "vintage" ? "Values used" : k;
      others.push({ label, text: typeof v === "number" ? (k === "thresholdPct" ? formatPercentValue(v) : formatLevel(v)) : v });
      continue;
    }
    const key = k.slice(0, dot);
    const leg = legs.get(key) ?? { key, name: names[key] ?? key };
    if (field === "returnPct" && typeof v === "number") leg.returnPct = formatPercentValue(v, true);
    else if ((field === "start" || field === "end" || field === "value") && typeof v === "number") leg[field] = formatLevel(v);
    else if (field === "frequency") leg.frequency = String(v) as Frequency;
    else (leg as Record<string, string>)[field] = String(v);
    legs.set(key, leg);
  }
  const list = [...legs.values()];
  const caveats: string[] = [];
  if (list.length >= 2) {
    const freqs = list.filter((l) => l.frequency);
    if (freqs.length === list.length && new Set(freqs.map((l) => l.frequency)).size > 1) {
      caveats.push(`The series are observed at different frequencies: ${listOf(list.map((l) => `${l.name} ${l.frequency}`))}, so the coarser one's return runs between its own observation dates.`);
    }
    const span = (l: EvidenceLeg) => (l.startDate ? `${l.startDate}→${l.endDate ?? ""}` : (l.date ?? ""));
    if (new Set(list.map(span)).size > 1) {
      caveats.push(
        `The values come from different dates: ${listOf(list.map((l) => (l.startDate ? `${l.name} from ${l.startDate} to ${l.endDate}` : `${l.name} on ${l.date}`)))}.`,
      );
    }
  }
  return { legs: list, others, caveats };
}
