// SSRF through connectors: whatever a user types as a FRED series id or a Yahoo symbol, nothing is fetched but the
// source's own endpoint on its own host; a reference that could steer the request is refused before any fetch.
import { describe, expect, it } from "vitest";
import { sourceRefSchema } from "@/lib/validation/series";
import { ConnectorError } from "@/server/connectors/errors";
import { fetchFred } from "@/server/connectors/fred";
import { fetchYahoo } from "@/server/connectors/yahoo";
import { fakeFetch, recorded } from "@/test/fake-fetch";

const HOSTILE = ["../../../latest/meta-data", "@169.254.169.254", "http://127.0.0.1:5432/", "x#frag", "x?api_key=stolen&y=1", "%2e%2e%2fadmin", "x/../../admin", "\\\\evil.example\\share"];

async function refusal(run: Promise<unknown>): Promise<ConnectorError> {
  const err = await run.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe("connector references cannot steer requests", () => {
  it.each(HOSTILE)("%j is refused by the form, and by both connectors before any fetch", async (ref) => {
    expect(sourceRefSchema.safeParse(ref).success).toBe(false);
    const fetch = fakeFetch({ body: "{}" });
    expect((await refusal(fetchYahoo({ symbol: ref }, { fetch }))).kind).toBe("bad-request");
    expect((await refusal(fetchFred({ seriesId: ref, apiKey: "k" }, { fetch }))).kind).toBe("bad-request");
    expect((await refusal(fetchFred({ seriesId: ref }, { fetch }))).kind).toBe("bad-request");
    expect(fetch.urls).toEqual([]);
  });

  it("the symbols Yahoo does use (^, =, ., -) go to Yahoo's chart endpoint as one encoded path segment", async () => {
    for (const symbol of ["^RUT", "EURUSD=X", "BRK-B", "RDS.A"]) {
      const fetch = fakeFetch({ body: recorded("yahoo-rut.json") });
      await fetchYahoo({ symbol }, { fetch }).catch(() => undefined);
      const url = fetch.urls[0]!;
      expect(url.origin).toBe("https://query1.finance.yahoo.com");
      expect(url.pathname).toBe(`/v8/finance/chart/${encodeURIComponent(symbol)}`);
    }
  });

  it("a FRED id goes to FRED's observations endpoint as one query value, beside the notebook's key only", async () => {
    const fetch = fakeFetch({ body: recorded("fred-api-dgs10.json") });
    await fetchFred({ seriesId: "DGS10", apiKey: "k" }, { fetch });
    const url = fetch.urls[0]!;
    expect([url.origin, url.pathname]).toEqual(["https://api.stlouisfed.org", "/fred/series/observations"]);
    expect(url.searchParams.get("series_id")).toBe("DGS10");
    expect(url.searchParams.getAll("api_key")).toEqual(["k"]);
  });
});
