// Two servers against one (PostgreSQL): the note page from a second `node server.mjs` on the same database beside the first, the load split over both, against the one-server figure of the same run.
import os from "node:os";

const round = (n) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : null);

/**
 * Starts the second server (`startSecond()` returns one like bench/server.mjs's startQuire), measures `url` on both at
 * once (one autocannon per server, each with half the connections, started together) and stops it again. `oneServer`
 * is the same page measured on the first server alone with all the connections, just before. Returns one entry:
 * req/s summed over both servers, p50 and p99 the worse of the two, and `ratioToOneServer`.
 */
export async function twoServerCase({ first, startSecond, url, headers, verify, measure, load, oneServer }) {
  console.log("  two servers: a second node server.mjs on the same DATABASE_URL, the note page's load split over both");
  const second = await startSecond();
  const half = Math.max(1, Math.floor(load.connections / 2));
  let parts;
  try {
    parts = await Promise.all(
      [first, second].map((server) => measure(server.baseURL + url, { headers, verify, ...load, connections: half })),
    );
    if (!second.isRunning()) parts[1].error = `the second server stopped during this case (${parts[1].error ?? "no other error"})\n${second.logTail()}`;
  } finally {
    await second.stop();
  }
  const [a, b] = parts;
  const both = a.reqPerSec !== null && b.reqPerSec !== null ? round(a.reqPerSec + b.reqPerSec) : null;
  const errors = parts.map((p, i) => (p.error ? `server ${i + 1}: ${p.error}` : null)).filter(Boolean);
  const statusCodes = {};
  for (const p of parts) for (const [code, n] of Object.entries(p.statusCodes ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  console.log(`  two servers: ${a.reqPerSec} + ${b.reqPerSec} req/s; one server ${oneServer.reqPerSec} req/s`);
  return {
    name: `note page, 3 charts × 5,000 points, two servers (${half} + ${half} connections)`,
    path: "/notes/{id}",
    reqPerSec: both,
    p50: a.p50 !== null && b.p50 !== null ? Math.max(a.p50, b.p50) : null,
    p99: a.p99 !== null && b.p99 !== null ? Math.max(a.p99, b.p99) : null,
    ratioToOneServer: both !== null && oneServer.reqPerSec ? round(both / oneServer.reqPerSec) : null,
    detail: { perServer: parts.map((p) => ({ reqPerSec: p.reqPerSec, p50: p.p50, p99: p.p99 })), oneServer: { reqPerSec: oneServer.reqPerSec, p50: oneServer.p50, p99: oneServer.p99 } },
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    statusCodes,
    requests: a.requests + b.requests,
    note:
      `÷ "note page, 3 charts × 5,000 points, uncompressed (10 connections)" on one server, measured just before; req/s summed, p50/p99 the worse server's. ` +
      `On ${os.cpus().length} cores both servers, PostgreSQL and the load generator (autocannon, in the bench's process) share the machine, ` +
      "so this is what a second server adds here, not on machines of its own. No bar.",
    error: errors.length ? errors.join("; ") : null,
  };
}
