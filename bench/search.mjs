// Search latency over a large corpus: sequential search.query calls through the real API. p50/p95/p99 are
// the search itself (the service's own timing, tookMs); the HTTP round trip is reported beside them.
const round = (n) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : null);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `rounds` passes over the queries on one connection; every answer must be a tRPC result. */
export async function measureSearch({ baseURL, cookie, queries, rounds }) {
  const latencies = [];
  const httpLatencies = [];
  const byQuery = new Map(queries.map((q) => [JSON.stringify(q), []]));
  let errors = 0;
  let firstError = null;
  let hits = 0;
  const send = async (input) => {
    const url = `${baseURL}/api/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const started = performance.now();
    // A kept-alive socket the server closed while the corpus was generated fails once; a GET can be retried.
    const response = await fetch(url, { headers: { cookie } }).catch(() => fetch(url, { headers: { cookie } }));
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) {
      errors++;
      firstError ??= `${response.status}: ${text.slice(0, 160)}`;
      return null;
    }
    const result = JSON.parse(text).result.data.json;
    hits += result.hits.length;
    httpLatencies.push(ms);
    return result.tookMs;
  };
  for (const input of queries) await send(input);
  httpLatencies.length = 0;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of queries) {
      const ms = await send(input);
      if (ms !== null) {
        latencies.push(ms);
        byQuery.get(JSON.stringify(input)).push(ms);
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  httpLatencies.sort((a, b) => a - b);
  return {
    reqPerSec: round(httpLatencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    non2xx: errors,
    errors: 0,
    requests: latencies.length,
    detail: {
      http: { p50: round(percentile(httpLatencies, 50)), p95: round(percentile(httpLatencies, 95)), p99: round(percentile(httpLatencies, 99)) },
      averageHitsPerQuery: round(hits / (latencies.length + queries.length)),
      p50ByQuery: Object.fromEntries([...byQuery].map(([q, ms]) => [q, round(percentile(ms.sort((a, b) => a - b), 50))])),
    },
    error: errors > 0 ? `${errors} searches failed, first: ${firstError}` : latencies.length === 0 ? "no searches measured" : null,
  };
}
