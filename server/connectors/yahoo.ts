// Yahoo connector: the daily chart (v8/finance/chart), adjusted close when Yahoo gives it, else close.
import "server-only";
import { ObservationCollector } from "@/lib/series/collect";
import { parseDateText } from "@/lib/series/dates";
import { readYahooChart } from "@/lib/series/yahoo-chart";
import { ConnectorError, type ConnectorOptions, type FetchResult } from "./errors";
import { getText, httpError, isHtml } from "./http";

const BASE = "https://query1.finance.yahoo.com";
const SYMBOL = /^[A-Za-z0-9^=._-]{1,32}$/;

/**
 * Fetches a symbol's daily history from Yahoo's chart endpoint (up to 100 years of it, or from `opts.from`). Bars become dates in
 * the exchange's time zone; null closes are counted as missing. An unknown symbol is a `not-found` {@link ConnectorError}.
 */
export async function fetchYahoo(ref: { symbol: string }, opts: ConnectorOptions = {}): Promise<FetchResult> {
  const symbol = ref.symbol.trim();
  if (!SYMBOL.test(symbol)) throw new ConnectorError("bad-request", `“${symbol.slice(0, 32)}” is not a Yahoo symbol.`);
  const params = new URLSearchParams({ interval: "1d", includeAdjustedClose: "true" });
  if (opts.from !== undefined) {
    if (parseDateText(opts.from) !== opts.from) throw new ConnectorError("bad-request", `“${opts.from}” is not a YYYY-MM-DD date.`);
    params.set("period1", String(Date.parse(`${opts.from}T00:00:00Z`) / 1000));
    params.set("period2", String(Math.floor(Date.now() / 1000) + 86_400));
  } else {
    // `range=max` makes Yahoo send monthly bars whatever the interval; a range longer than any history keeps them daily.
    params.set("range", "100y");
  }
  const url = `${opts.baseUrl ?? BASE}/v8/finance/chart/${encodeURIComponent(symbol)}?${params}`;
  const fetched = await getText("Yahoo", url, { ...opts, headers: { "user-agent": "Mozilla/5.0 (compatible; Quire/0.1)" } });

  if (fetched.status === 404) throw new ConnectorError("not-found", `Yahoo has no symbol “${symbol}”.`, 404);
  if (fetched.status !== 200) throw httpError("Yahoo", fetched.status);
  if (isHtml(fetched)) throw new ConnectorError("format", `Yahoo answered with an HTML page instead of chart data for “${symbol}”.`);
  let json: unknown;
  try {
    json = JSON.parse(fetched.body);
  } catch {
    throw new ConnectorError("format", `Yahoo's answer for “${symbol}” is not complete JSON: it was cut short or is not JSON at all.`);
  }
  const read = readYahooChart(json);
  if (read.kind === "error") throw new ConnectorError("format", `Yahoo answered with an error for “${symbol}”: ${read.description}`);
  if (read.kind === "not-chart") throw new ConnectorError("format", `Yahoo's answer for “${symbol}” cannot be read. ${read.reason}`);

  const { dates, columns, granularity } = read.chart;
  if (granularity !== null && granularity !== "1d") {
    throw new ConnectorError("format", `Yahoo sent ${granularity} bars for “${symbol}” instead of daily ones; nothing was imported.`);
  }
  const values = columns.adjclose ?? columns.close;
  if (values === undefined) throw new ConnectorError("format", `Yahoo's answer for “${symbol}” has no close prices.`);
  const collector = new ObservationCollector();
  for (let i = 0; i < dates.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) collector.missing();
    else collector.add(dates[i]!, value, i + 1);
  }
  const result = collector.finish();
  return { observations: result.observations, skippedMissing: result.skippedMissing };
}
