// Quire's HTTP server: Next's production app behind the request edge (server/http/edge.ts, bundled into
// .next/quire-edge.mjs by `npm start`), which owns headers, client address, request ids, logs, tRPC and share pages.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import next from "next";
import { dialect } from "./db/dialect.mjs";
import { databaseFile } from "./db/location.mjs";
import { EDGE_BUNDLE, edgeBundleIsCurrent } from "./scripts/build-edge.mjs";

/**
 * Checkpoints the WAL every 100 ms from a worker thread (db/checkpoint-worker.mjs), so the WAL stays well
 * under SQLite's automatic checkpoint threshold (1000 pages) and a save rarely has to checkpoint inline.
 * The serving connection keeps its automatic checkpoints as the safety net: with them turned off, FTS
 * queries in the server ran at half speed (measured, 6 -> 10-12 ms), for reasons not understood.
 */
function startCheckpointer(dir, log) {
  const synchronous = (process.env.QUIRE_SYNCHRONOUS ?? "NORMAL").toUpperCase();
  const worker = new Worker(path.join(dir, "db", "checkpoint-worker.mjs"), { workerData: { file: databaseFile(), synchronous, intervalMs: 100 } });
  const fallBack = (reason) => log.error({ reason }, "WAL checkpoint worker stopped; SQLite's automatic checkpoints (inline in saves) carry on alone");
  worker.on("message", (message) => message?.error && log.warn({ err: { message: message.error } }, "WAL checkpoint failed"));
  worker.on("error", (err) => fallBack(err.message));
  worker.on("exit", (code) => code !== 0 && fallBack(`exit code ${code}`));
  worker.unref();
  return worker;
}

/** Answers a request Node could not parse, before any handler sees it. */
function answerClientError(err, socket) {
  if (!socket.writable) return socket.destroy();
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({
    error: { message: tooLarge ? "The request's URL or headers are too large. Send large inputs in a POST body." : "The request could not be understood." },
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** Waits until instrumentation.ts has finished start-up (demo, jobs), so "running" is printed when it is true. */
async function startUpDone(log, timeoutMs = 120_000) {
  const started = Date.now();
  while (globalThis.quireReady !== true) {
    if (globalThis.quireStartError) throw globalThis.quireStartError;
    if (Date.now() - started > timeoutMs) return log.warn("start-up has not finished after 2 minutes; serving anyway");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** How long a graceful shutdown waits for requests in flight before it closes their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Graceful shutdown: stop accepting connections, let the requests in flight finish (idle keep-alive connections close
 * at once, busy ones after their response, all of them after SHUTDOWN_GRACE_MS), then close the database and exit.
 */
function shutdown(server, edge) {
  const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  force.unref();
  server.close(async () => {
    clearTimeout(force);
    try {
      await edge.stopDatabase();
    } finally {
      process.exit(0);
    }
  });
  server.closeIdleConnections();
}

export async function startServer({ port, hostname, dev = false }) {
  const dir = process.cwd();
  if (!edgeBundleIsCurrent(dir, { dev })) {
    throw new Error(`${EDGE_BUNDLE} is missing or was built for another Next build: start Quire with \`npm start\`, which builds both.`);
  }
  const edge = await import(pathToFileURL(path.join(dir, EDGE_BUNDLE)).href);
  // The database first: a wrong or unreachable DATABASE_URL stops the start here, with what to fix.
  await edge.startDatabase();
  const secret = await edge.sharedAuthSecret();
  if (secret) process.env.AUTH_SECRET = secret;
  const app = next({ dev, dir, hostname, port });
  await app.prepare();
  if (dialect() === "sqlite") startCheckpointer(dir, edge.logger);
  const trustedHops = Number(process.env.QUIRE_TRUST_PROXY ?? 0);
  const handler = edge.createEdge({ next: app.getRequestHandler(), nextDir: path.join(dir, ".next"), trustedHops, dev });
  const server = http.createServer(handler);
  server.on("clientError", answerClientError);
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  await startUpDone(edge.logger);
  process.once("SIGTERM", () => shutdown(server, edge));
  process.once("SIGINT", () => shutdown(server, edge));
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && fs.existsSync(process.argv[1])) {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  startServer({ port, hostname }).then(() => console.log(`Quire is running at http://${hostname}:${port}`));
}
