// Reads a Yahoo chart response (v8/finance/chart) into dated columns: shared by the file import and the Yahoo connector.
import { z } from "zod";
import { dateOfUnixSeconds } from "./dates";

/** The columns a Yahoo daily chart carries, in the order they are offered; `adjclose` is the default series. */
export const YAHOO_COLUMNS = ["adjclose", "close", "open", "high", "low", "volume"] as const;
export type YahooColumn = (typeof YAHOO_COLUMNS)[number];

/** A Yahoo daily chart: one calendar date per bar, and each column aligned with `dates` (`null` where Yahoo has no value). */
export type YahooChart = {
  symbol: string | null;
  /** The bar size Yahoo says it sent (`1d`, `1wk`, `1mo`), when it says. */
  granularity: string | null;
  dates: string[];
  columns: Partial<Record<YahooColumn, Array<number | null>>>;
};

/** What a JSON document turned out to be: a chart, Yahoo's own error answer, or something else. */
export type YahooReadResult =
  | { kind: "chart"; chart: YahooChart }
  | { kind: "error"; code: string; description: string }
  | { kind: "not-chart"; reason: string };

const numbers = z.array(z.number().nullable()).optional();
const chartSchema = z.object({
  chart: z.object({
    result: z
      .array(
        z.object({
          meta: z.object({ symbol: z.string().optional(), gmtoffset: z.number().optional(), dataGranularity: z.string().optional() }).optional(),
          timestamp: z.array(z.number()).optional(),
          indicators: z
            .object({
              quote: z.array(z.object({ open: numbers, high: numbers, low: numbers, close: numbers, volume: numbers })).optional(),
              adjclose: z.array(z.object({ adjclose: numbers })).optional(),
            })
            .optional(),
        }),
      )
      .nullable()
      .optional(),
    error: z.object({ code: z.string().optional(), description: z.string().optional() }).nullable().optional(),
  }),
});

/** Whether a parsed JSON value has the outer shape of a Yahoo chart response (`{ chart: { … } }`). */
export function looksLikeYahooChart(json: unknown): boolean {
  return typeof json === "object" && json !== null && "chart" in json && typeof (json as { chart: unknown }).chart === "object";
}

/**
 * Reads a parsed Yahoo chart response. Bar times become calendar dates in the exchange's `gmtoffset`; when two bars
 * fall on the same date (Yahoo appends the live quote of a session it already has), the later one is kept.
 */
export function readYahooChart(json: unknown): YahooReadResult {
  const parsed = chartSchema.safeParse(json);
  if (!parsed.success) return { kind: "not-chart", reason: "It is not a Yahoo chart response (no chart.result with timestamps and quotes)." };
  const { result, error } = parsed.data.chart;
  if (error) return { kind: "error", code: error.code ?? "Error", description: error.description ?? "no description" };
  const first = result?.[0];
  if (!first) return { kind: "not-chart", reason: "The Yahoo chart response holds no result." };

  const offset = first.meta?.gmtoffset ?? 0;
  const quote = first.indicators?.quote?.[0] ?? {};
  const raw: Partial<Record<YahooColumn, Array<number | null> | undefined>> = {
    adjclose: first.indicators?.adjclose?.[0]?.adjclose,
    close: quote.close,
    open: quote.open,
    high: quote.high,
    low: quote.low,
    volume: quote.volume,
  };
  const timestamps = first.timestamp ?? [];
  const present = YAHOO_COLUMNS.filter((c) => raw[c] !== undefined);
  for (const c of present) {
    if (raw[c]!.length !== timestamps.length) {
      return { kind: "not-chart", reason: `The Yahoo chart has ${timestamps.length} timestamps but ${raw[c]!.length} ${c} values.` };
    }
  }

  const dates: string[] = [];
  const columns: Partial<Record<YahooColumn, Array<number | null>>> = Object.fromEntries(present.map((c) => [c, []]));
  for (let i = 0; i < timestamps.length; i++) {
    const date = dateOfUnixSeconds(timestamps[i]!, offset);
    if (date === null) return { kind: "not-chart", reason: `Timestamp ${timestamps[i]} in the Yahoo chart is not a usable time.` };
    const replace = dates.length > 0 && dates[dates.length - 1] === date;
    if (!replace) dates.push(date);
    for (const c of present) {
      const column = columns[c]!;
      const value = raw[c]![i] ?? null;
      if (replace) column[column.length - 1] = value;
      else column.push(value);
    }
  }
  return { kind: "chart", chart: { symbol: first.meta?.symbol ?? null, granularity: first.meta?.dataGranularity ?? null, dates, columns } };
}
