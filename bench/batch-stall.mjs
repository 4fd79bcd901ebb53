// How long one heavy tRPC batch holds up everyone else: health.ping, one at a time, while a batch of chart previews runs.

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Sends one GET batch of `calls` charts.preview calls over `seriesKey` (the whole series, each at its own width so that
 * none comes from the render cache) and, while it runs, pings health.ping back to back. Returns the ping latencies' p50, p99 and maximum, and the batch's own time.
 */
export async function measureBatchStall({ baseURL, cookie, notebookId, seriesKey, calls }) {
  const spec = { title: "stall", kind: "line", series: [seriesKey], range: { preset: "max" } };
  const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { json: { notebookId, spec, width: 400 + 80 * i } }]));
  const url = `${baseURL}/api/trpc/${Array(calls).fill("charts.preview").join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  let done = false;
  const started = performance.now();
  const batch = fetch(url, { headers: { cookie } }).then(async (r) => {
    await r.arrayBuffer();
    done = true;
    if (!r.ok) throw new Error(`the preview batch answered ${r.status}`);
    return performance.now() - started;
  });
  const pings = [];
  while (!done) {
    const t = performance.now();
    const r = await fetch(`${baseURL}/api/trpc/health.ping`);
    await r.arrayBuffer();
    if (!done) pings.push(performance.now() - t);
  }
  const batchMs = await batch;
  const sorted = pings.sort((a, b) => a - b);
  const round = (n) => (n === undefined ? null : Math.round(n * 10) / 10);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), maxMs: round(sorted.at(-1)), pings: pings.length, batchMs: Math.round(batchMs) };
}
