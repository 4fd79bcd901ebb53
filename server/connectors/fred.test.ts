// fetchFred against recorded FRED answers: API JSON with vintages, graph CSV, 400s, HTML, cut-off bodies, timeouts; the key never leaks.
import { describe, expect, it } from "vitest";
import { fakeFetch, hangingFetch, recorded } from "@/test/fake-fetch";
import { ConnectorError } from "./errors";
import { fetchFred } from "./fred";

const KEY = "abcdef0123456789abcdef0123456789";
const base = "https://fred.test";

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => expect.unreachable("the fetch should fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  const ce = err as ConnectorError;
  expect(ce.message).not.toContain(KEY);
  expect(String(ce.stack)).not.toContain(KEY);
  return ce;
}

describe("fetchFred with an API key", () => {
  it("reads the observations, skips `.` values and returns the vintage", async () => {
    const fetch = fakeFetch({ body: recorded("fred-api-dgs10.json") });
    const result = await fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch, baseUrl: base, from: "2025-01-01" });
    expect(result.skippedMissing).toBe(3);
    expect(result.observations).toHaveLength(27);
    expect(result.observations[0]).toEqual({ date: "2025-01-02", value: 4.57 });
    expect(result.vintage).toEqual({ realtimeStart: "2025-02-12", realtimeEnd: "2025-02-12" });
    const url = fetch.urls[0]!;
    expect(url.pathname).toBe("/fred/series/observations");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ series_id: "DGS10", api_key: KEY, file_type: "json", observation_start: "2025-01-01" });
  });

  it("reads every page of a long series", async () => {
    const body = JSON.parse(recorded("fred-api-dgs10.json")) as { observations: unknown[]; count: number; offset: number };
    const fetch = fakeFetch((url) => {
      const offset = Number(url.searchParams.get("offset"));
      return { body: JSON.stringify({ ...body, offset, observations: body.observations.slice(offset, offset + 10) }) };
    });
    const result = await fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch, baseUrl: base });
    expect(fetch.urls.map((u) => u.searchParams.get("offset"))).toEqual(["0", "10", "20"]);
    expect(result.observations).toHaveLength(27);
  });

  it("turns FRED's 400 into a bad-request error with FRED's message", async () => {
    const fetch = fakeFetch({ status: 400, body: recorded("fred-api-400.json") });
    const err = await failure(fetchFred({ seriesId: "NOSUCHSERIES", apiKey: KEY }, { fetch, baseUrl: base }));
    expect(err.kind).toBe("bad-request");
    expect(err.status).toBe(400);
    expect(err.message).toBe("FRED rejected the request for “NOSUCHSERIES”: Bad Request.  The series does not exist.");
  });

  it("keeps the key out of a 400 message that quotes it", async () => {
    const fetch = fakeFetch({ status: 400, body: JSON.stringify({ error_code: 400, error_message: `Bad Request.  The value ${KEY} for api_key=${KEY} is not registered.` }) });
    const err = await failure(fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch, baseUrl: base }));
    expect(err.message).toContain("REDACTED");
  });

  it("refuses an HTML page, a cut-off JSON body and JSON of another shape as format errors", async () => {
    for (const [reply, pattern] of [
      [{ body: recorded("html-page.html"), contentType: "text/html" }, /HTML page/],
      [{ body: recorded("fred-api-truncated.json") }, /not complete JSON/],
      [{ body: '{"seriess": []}' }, /observations format/],
    ] as const) {
      const err = await failure(fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch: fakeFetch(reply), baseUrl: base }));
      expect(err.kind).toBe("format");
      expect(err.message).toMatch(pattern);
    }
  });

  it("reports a server error and a rate limit as http errors with their status", async () => {
    const err = await failure(fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch: fakeFetch({ status: 503, body: "" }), baseUrl: base }));
    expect(err).toMatchObject({ kind: "http", status: 503 });
    const limited = await failure(fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch: fakeFetch({ status: 429, body: "{}" }), baseUrl: base }));
    expect(limited).toMatchObject({ kind: "http", status: 429 });
  });

  it("times out when FRED does not answer, without the key in the message", async () => {
    const err = await failure(fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch: hangingFetch(), timeoutMs: 50, baseUrl: base }));
    expect(err.kind).toBe("timeout");
    expect(err.message).toBe("FRED did not answer within 50 ms.");
  });

  it("reports a failed connection as a network error, with any URL in it redacted", async () => {
    const refused: typeof fetch = async (input) => {
      throw new TypeError("fetch failed", { cause: new Error(`connect ECONNREFUSED for ${String(input)}`) });
    };
    const err = await failure(fetchFred({ seriesId: "DGS10", apiKey: KEY }, { fetch: refused, baseUrl: base }));
    expect(err.kind).toBe("network");
    expect(err.message).toContain("ECONNREFUSED");
    expect(err.message).toContain("api_key=REDACTED");
  });
});

describe("fetchFred without a key", () => {
  it("reads the graph CSV, with empty fields as missing values", async () => {
    const fetch = fakeFetch({ body: recorded("fred-graph-dgs10.csv"), contentType: "text/csv" });
    const result = await fetchFred({ seriesId: "DGS10" }, { fetch, baseUrl: base });
    expect(fetch.urls[0]!.pathname).toBe("/graph/fredgraph.csv");
    expect(fetch.urls[0]!.searchParams.get("id")).toBe("DGS10");
    expect(result).toMatchObject({ skippedMissing: 3 });
    expect(result.observations).toHaveLength(27);
    expect(result.observations.at(-1)).toEqual({ date: "2025-02-11", value: 4.54 });
    expect(result.vintage).toBeUndefined();
  });

  it("accepts a last row without a newline when the row is whole", async () => {
    const body = "observation_date,DGS10\n2025-01-02,4.57\n2025-01-03,4.60";
    const result = await fetchFred({ seriesId: "DGS10" }, { fetch: fakeFetch({ body, contentType: "text/csv" }), baseUrl: base });
    expect(result.observations).toEqual([
      { date: "2025-01-02", value: 4.57 },
      { date: "2025-01-03", value: 4.6 },
    ]);
  });

  it("refuses a CSV cut in the middle of a row instead of importing part of it", async () => {
    const fetch = fakeFetch({ body: recorded("fred-graph-truncated.csv"), contentType: "text/csv" });
    const err = await failure(fetchFred({ seriesId: "DGS10" }, { fetch, baseUrl: base }));
    expect(err.kind).toBe("format");
    expect(err.message).toBe("FRED's answer for “DGS10” ends in the middle of a row (“2025-01-1”); nothing was imported.");
    for (const body of ["observation_date,DGS10\n2025-01-02,4.57\n2025-01-03,", "observation_date,DGS10\n2025-01-02,4.57\n2025-01-03"]) {
      const cut = await failure(fetchFred({ seriesId: "DGS10" }, { fetch: fakeFetch({ body, contentType: "text/csv" }), baseUrl: base }));
      expect(cut.kind).toBe("format");
    }
  });

  it("refuses an HTML page served with status 200, and a CSV that is not FRED's", async () => {
    const html = await failure(fetchFred({ seriesId: "DGS10" }, { fetch: fakeFetch({ body: recorded("html-page.html"), contentType: "text/html" }), baseUrl: base }));
    expect(html.kind).toBe("format");
    const other = await failure(fetchFred({ seriesId: "DGS10" }, { fetch: fakeFetch({ body: "a,b\n1,2\n", contentType: "text/csv" }), baseUrl: base }));
    expect(other).toMatchObject({ kind: "format" });
    expect(other.message).toMatch(/not a FRED graph CSV/);
  });

  it("reports unreadable rows as a format error naming them", async () => {
    const body = "observation_date,DGS10\n2025-01-02,4.57\n2025-01-03,n.a.x\n";
    const err = await failure(fetchFred({ seriesId: "DGS10" }, { fetch: fakeFetch({ body, contentType: "text/csv" }), baseUrl: base }));
    expect(err.message).toBe("FRED's data for “DGS10” has 1 unreadable row (row 3: “n.a.x” is not a number).");
  });

  it("refuses a series id that is not one before any request", async () => {
    const fetch = fakeFetch({ body: "" });
    const err = await failure(fetchFred({ seriesId: "DGS10&api_key=x" }, { fetch }));
    expect(err.kind).toBe("bad-request");
    expect(fetch.urls).toEqual([]);
  });
});
