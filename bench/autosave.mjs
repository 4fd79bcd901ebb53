// Autosave under load: N writers, each saving its own note through the real tRPC API every `intervalMs`
// (the editor waits 800 ms after typing stops; this is several times faster), each save sent with the
// version the last one returned, as the editor does. Every save must be acknowledged.
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

async function writer(baseURL, cookie, noteId, until, intervalMs, record) {
  const paragraph = "Small caps led the S&P 500 again today; staples and industrials followed. ";
  let version = 1;
  while (performance.now() < until) {
    const body = `${paragraph.repeat(1 + (version % 40))}Save ${version}.`;
    const reply = await trpcPost(baseURL, cookie, "notes.update", { id: noteId, baseVersion: version, body });
    record(reply);
    if (reply.status !== 200) return;
    version = JSON.parse(reply.body).result.data.json.version;
    if (reply.ms < intervalMs) await new Promise((resolve) => setTimeout(resolve, intervalMs - reply.ms));
  }
}

/** Creates one note per writer, then every writer saves a changing text to its own note for the duration. */
export async function measureAutosave({ baseURL, cookie, writers, intervalMs, durationSec, warmupSec }) {
  const notebooks = await (await fetch(`${baseURL}/api/trpc/notebooks.list`, { headers: { cookie } })).json();
  const notebookId = notebooks.result.data.json[0].id;
  const run = async (seconds, label) => {
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
      notes.map((id) =>
        writer(baseURL, cookie, id, until, intervalMs, (reply) => {
          if (reply.status === 200) latencies.push(reply.ms);
          else failures[reply.status] = (failures[reply.status] ?? 0) + 1;
        }),
      ),
    );
    return { latencies: latencies.sort((a, b) => a - b), failures, seconds: (performance.now() - started) / 1000 };
  };
  if (warmupSec > 0) await run(warmupSec, "warm-up");
  const { latencies, failures, seconds } = await run(durationSec, "writer");
  const unacknowledged = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    reqPerSec: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    non2xx: unacknowledged,
    errors: 0,
    statusCodes: { 200: latencies.length, ...failures },
    requests: latencies.length + unacknowledged,
    note: `${writers} writers, one note each, a save every ${intervalMs} ms per writer, each with the version the last save returned`,
    error: unacknowledged > 0 ? `${unacknowledged} saves were not acknowledged (${JSON.stringify(failures)})` : latencies.length === 0 ? "no saves measured" : null,
  };
}
