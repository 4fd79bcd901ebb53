// Autosave under load: N writers, each saving its own note through the real tRPC API every `intervalMs` on average
// (the editor waits 800 ms after typing stops; this is several times faster), each save sent with the
// version the last one returned, as the editor does. Every save must be acknowledged. Writers save at moments of
// their own (the barred case), as people typing do; the same writers in step, all saving at once, are reported beside.
import http from "node:http";

const round = (n) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : null);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// node:http with kept-alive sockets rather than fetch: fetch costs the client ~1.3 ms of CPU a request here,
// which on two cores is taken from the server and queued behind in every burst of writers.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function trpcPost(baseURL, cookie, path, input) {
  const url = new URL(`/api/trpc/${path}`, baseURL);
  const body = JSON.stringify({ json: input });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie },
      },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - started, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A seeded generator of numbers in [0, 1) (mulberry32), so that every run draws the same moments. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One writer's saves until `until`. In step, a save every `intervalMs` from the same start as every other writer (all
 * of them at once). Otherwise the writer starts at a random moment of the first interval and waits a random gap
 * between saves, half to one and a half intervals (an interval on average), so writers drift apart as people do.
 */
async function writer(baseURL, cookie, noteId, until, intervalMs, inStep, random, record) {
  const paragraph = "Small caps led the S&P 500 again today; staples and industrials followed. ";
  let version = 1;
  if (!inStep) await sleep(random() * intervalMs);
  while (performance.now() < until) {
    const body = `${paragraph.repeat(1 + (version % 40))}Save ${version}.`;
    const reply = await trpcPost(baseURL, cookie, "notes.update", { id: noteId, baseVersion: version, body });
    record(reply);
    if (reply.status !== 200) return;
    version = JSON.parse(reply.body).result.data.json.version;
    const gap = inStep ? intervalMs : intervalMs * (0.5 + random());
    if (reply.ms < gap) await sleep(gap - reply.ms);
  }
}

/**
 * Creates one note per writer, then every writer saves a changing text to its own note for the duration: first at
 * moments of their own (the figures returned), then in step (returned as `inStep`).
 */
export async function measureAutosave({ baseURL, cookie, writers, intervalMs, durationSec, warmupSec }) {
  const notebooks = await (await fetch(`${baseURL}/api/trpc/notebooks.list`, { headers: { cookie } })).json();
  const notebookId = notebooks.result.data.json[0].id;
  const run = async (seconds, label, inStep) => {
    const notes = [];
    for (let i = 0; i < writers; i++) {
      const created = await trpcPost(baseURL, cookie, "notes.create", { notebookId, title: `Autosave ${label} ${i + 1}` });
      if (created.status !== 200) throw new Error(`notes.create answered ${created.status}: ${created.body.slice(0, 160)}`);
      notes.push(JSON.parse(created.body).result.data.json.id);
    }
    const latencies = [];
    const failures = {};
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      notes.map((id, i) =>
        writer(baseURL, cookie, id, until, intervalMs, inStep, seeded(2026 + i), (reply) => {
          if (reply.status === 200) latencies.push(reply.ms);
          else failures[reply.status] = (failures[reply.status] ?? 0) + 1;
        }),
      ),
    );
    return { latencies: latencies.sort((a, b) => a - b), failures, seconds: (performance.now() - started) / 1000 };
  };
  if (warmupSec > 0) await run(warmupSec, "warm-up", false);
  const own = await run(durationSec, "writer", false);
  const inStep = await run(durationSec, "in step", true);
  const unacknowledged = (r) => Object.values(r.failures).reduce((a, b) => a + b, 0);
  const missed = unacknowledged(own) + unacknowledged(inStep);
  const failures = { own: own.failures, inStep: inStep.failures };
  return {
    reqPerSec: round(own.latencies.length / own.seconds),
    p50: round(percentile(own.latencies, 50)),
    p99: round(percentile(own.latencies, 99)),
    non2xx: missed,
    errors: 0,
    statusCodes: { 200: own.latencies.length, ...own.failures },
    requests: own.latencies.length + unacknowledged(own),
    inStep: { reqPerSec: round(inStep.latencies.length / inStep.seconds), p50: round(percentile(inStep.latencies, 50)), p99: round(percentile(inStep.latencies, 99)) },
    note:
      `${writers} writers, one note each, each with the version the last save returned; each writer saves at moments of its own ` +
      `(a random start, then random gaps of ${intervalMs / 2} to ${(intervalMs * 3) / 2} ms, ${intervalMs} on average); inStep: the same writers all saving at once every ${intervalMs} ms (reported)`,
    error: missed > 0 ? `${missed} saves were not acknowledged (${JSON.stringify(failures)})` : own.latencies.length === 0 || inStep.latencies.length === 0 ? "no saves measured" : null,
  };
}
