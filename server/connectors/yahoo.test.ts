// fetchYahoo against recorded Yahoo chart answers: nulls, exchange dates, an unknown symbol, HTML, cut-off JSON, a timeout.
import { describe, expect, it } from "vitest";
import { fakeFetch, hangingFetch, recorded } from "@/test/fake-fetch";
import { ConnectorError } from "./errors";
import { fetchYahoo } from "./yahoo";

const base = "https://yahoo.test";

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => expect.unreachable("the fetch should fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe("fetchYahoo", () => {
  it("reads ^RUT's daily adjusted closes, dated in New York, with the null close skipped", async () => {
    const fetch = fakeFetch({ body: recorded("yahoo-rut.json") });
    const result = await fetchYahoo({ symbol: "^RUT" }, { fetch, baseUrl: base });
    expect(fetch.urls[0]!.pathname).toBe("/v8/finance/chart/%5ERUT");
    expect(Object.fromEntries(fetch.urls[0]!.searchParams)).toMatchObject({ range: "100y", interval: "1d" });
    expect(result.skippedMissing).toBe(1);
    expect(result.observations).toHaveLength(17);
    expect(result.observations[0]).toEqual({ date: "2025-12-22", value: 2542.18 });
    expect(result.observations.at(-1)).toEqual({ date: "2026-01-16", value: 2664.09 });
    expect(result.vintage).toBeUndefined();
  });

  it("asks only for the days since `from`", async () => {
    const fetch = fakeFetch({ body: recorded("yahoo-rut.json") });
    await fetchYahoo({ symbol: "^RUT" }, { fetch, baseUrl: base, from: "2026-01-01" });
    expect(fetch.urls[0]!.searchParams.get("period1")).toBe(String(Date.UTC(2026, 0, 1) / 1000));
    expect(fetch.urls[0]!.searchParams.has("range")).toBe(false);
  });

  it("keeps the later bar when Yahoo sends two for the same session", async () => {
    const chart = JSON.parse(recorded("yahoo-rut.json"));
    const r = chart.chart.result[0];
    r.timestamp.push(r.timestamp.at(-1) + 3600);
    r.indicators.quote[0].close.push(2670);
    r.indicators.adjclose[0].adjclose.push(2670);
    for (const k of ["open", "high", "low", "volume"]) r.indicators.quote[0][k].push(null);
    const result = await fetchYahoo({ symbol: "^RUT" }, { fetch: fakeFetch({ body: JSON.stringify(chart) }), baseUrl: base });
    expect(result.observations.at(-1)).toEqual({ date: "2026-01-16", value: 2670 });
  });

  it("uses close when there is no adjusted close", async () => {
    const chart = JSON.parse(recorded("yahoo-rut.json"));
    delete chart.chart.result[0].indicators.adjclose;
    chart.chart.result[0].indicators.quote[0].close[0] = 2500;
    const result = await fetchYahoo({ symbol: "^RUT" }, { fetch: fakeFetch({ body: JSON.stringify(chart) }), baseUrl: base });
    expect(result.observations[0]).toEqual({ date: "2025-12-22", value: 2500 });
  });

  it("refuses monthly bars sent in place of daily ones", async () => {
    const chart = JSON.parse(recorded("yahoo-rut.json"));
    chart.chart.result[0].meta.dataGranularity = "1mo";
    const err = await failure(fetchYahoo({ symbol: "^RUT" }, { fetch: fakeFetch({ body: JSON.stringify(chart) }), baseUrl: base }));
    expect(err).toMatchObject({ kind: "format", message: "Yahoo sent 1mo bars for “^RUT” instead of daily ones; nothing was imported." });
  });

  it("reports an unknown symbol as not-found", async () => {
    const err = await failure(fetchYahoo({ symbol: "NOPE" }, { fetch: fakeFetch({ status: 404, body: recorded("yahoo-404.json") }), baseUrl: base }));
    expect(err).toMatchObject({ kind: "not-found", status: 404, message: "Yahoo has no symbol “NOPE”." });
  });

  it("refuses HTML, a cut-off body and JSON that is not a chart as format errors", async () => {
    for (const [reply, pattern] of [
      [{ body: recorded("html-page.html"), contentType: "text/html" }, /HTML page/],
      [{ body: recorded("yahoo-truncated.json") }, /not complete JSON/],
      [{ body: '{"quoteResponse": {}}' }, /cannot be read/],
    ] as const) {
      const err = await failure(fetchYahoo({ symbol: "^RUT" }, { fetch: fakeFetch(reply), baseUrl: base }));
      expect(err.kind).toBe("format");
      expect(err.message).toMatch(pattern);
    }
  });

  it("reports a rate limit as an http error", async () => {
    const err = await failure(fetchYahoo({ symbol: "SPY" }, { fetch: fakeFetch({ status: 429, body: "Too Many Requests", contentType: "text/plain" }), baseUrl: base }));
    expect(err).toMatchObject({ kind: "http", status: 429 });
  });

  it("times out when Yahoo does not answer", async () => {
    const err = await failure(fetchYahoo({ symbol: "SPY" }, { fetch: hangingFetch(), timeoutMs: 50, baseUrl: base }));
    expect(err).toMatchObject({ kind: "timeout", message: "Yahoo did not answer within 50 ms." });
  });

  it("refuses a symbol that is not one before any request", async () => {
    const fetch = fakeFetch({ body: "" });
    await expect(fetchYahoo({ symbol: "../etc" }, { fetch })).rejects.toMatchObject({ kind: "bad-request" });
    expect(fetch.urls).toEqual([]);
  });
});
