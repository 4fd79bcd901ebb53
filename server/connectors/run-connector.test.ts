// runConnector: picks FRED (API with a key, graph CSV without) or Yahoo from the series' source.
import { describe, expect, it } from "vitest";
import { fakeFetch, recorded } from "@/test/fake-fetch";
import { runConnector } from "./run-connector";

function sources() {
  return fakeFetch((url) => {
    if (url.pathname === "/fred/series/observations") return { body: recorded("fred-api-dgs10.json") };
    if (url.pathname === "/graph/fredgraph.csv") return { body: recorded("fred-graph-dgs10.csv"), contentType: "text/csv" };
    if (url.pathname.startsWith("/v8/finance/chart/")) return { body: recorded("yahoo-rut.json") };
    return { status: 404, body: "not here", contentType: "text/plain" };
  });
}

describe("runConnector", () => {
  it("uses FRED's API when there is a key, and returns its vintage", async () => {
    const fetch = sources();
    const result = await runConnector("fred", "DGS10", { fredApiKey: "k".repeat(32), fetch, baseUrl: "https://x.test" });
    expect(fetch.urls[0]!.pathname).toBe("/fred/series/observations");
    expect(result.vintage).toBeDefined();
  });

  it("uses FRED's graph CSV without a key", async () => {
    const fetch = sources();
    const result = await runConnector("fred", "DGS10", { fetch, baseUrl: "https://x.test" });
    expect(fetch.urls[0]!.pathname).toBe("/graph/fredgraph.csv");
    expect(result.observations).toHaveLength(27);
  });

  it("uses Yahoo's chart for a Yahoo series", async () => {
    const fetch = sources();
    const result = await runConnector("yahoo", "^RUT", { fetch, baseUrl: "https://x.test" });
    expect(result.observations).toHaveLength(17);
  });
});
