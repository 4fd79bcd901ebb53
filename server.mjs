// Quire's HTTP front: Next's production server behind a Node http server that fixes the client
// address (socket, or a trusted proxy), stamps a request id, logs each request without secrets, and
// answers /api/trpc and the share pages /s/* itself from the bundle scripts/build-trpc.mjs makes (Next's routes when it is missing).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import next from "next";
import pino from "pino";

const log = pino({ level: process.env.QUIRE_LOG_LEVEL ?? "info", base: { service: "quire" } });

/** The client address: the socket's, or with QUIRE_TRUST_PROXY=N hops, the address N hops back in X-Forwarded-For. */
export function clientAddress(req, trustedHops) {
  const socketAddress = req.socket.remoteAddress ?? "unknown";
  if (!trustedHops) return socketAddress;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress];
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

/** The path as it may be logged: no query string, share tokens replaced. */
export function loggablePath(url) {
  const path = (url ?? "/").split("?")[0];
  return path.replace(/^\/s\/[^/]+/, "/s/[token]").replace(/^\/api\/v1\/tokens\/[^/]+/, "/api/v1/tokens/[token]");
}

/** The page path and query the visitor asked for, without Next's internal _rsc marker (for sign-in redirects). */
function pagePath(url) {
  const parsed = new URL(url ?? "/", "http://quire.local");
  parsed.searchParams.delete("_rsc");
  return parsed.pathname + parsed.search;
}

/** The headers next.config.js sets on every path, for the responses this front sends without Next. */
export async function everyPathHeaders(dir) {
  const config = createRequire(import.meta.url)(path.join(dir, "next.config.js"));
  const rules = (await config.headers?.()) ?? [];
  return rules.filter((rule) => rule.source === "/:path*" && !rule.has && !rule.missing).flatMap((rule) => rule.headers.map((h) => [h.key, h.value]));
}

/** The direct tRPC handler, when its bundle was built for the current Next build and QUIRE_TRPC_DIRECT is not 0; null otherwise (Next's route answers). */
async function loadTrpcHandler(dir) {
  if (["0", "false", "off", "no"].includes((process.env.QUIRE_TRPC_DIRECT ?? "1").toLowerCase())) return null;
  const bundle = path.join(dir, ".next", "quire-trpc.mjs");
  const stamp = path.join(dir, ".next", "quire-trpc.build-id");
  const buildId = path.join(dir, ".next", "BUILD_ID");
  if (![bundle, stamp, buildId].every((f) => fs.existsSync(f)) || fs.readFileSync(stamp, "utf8") !== fs.readFileSync(buildId, "utf8")) {
    log.warn("no tRPC bundle for this build (npm start makes one): /api/trpc is served through Next's route handler");
    return null;
  }
  return import(pathToFileURL(bundle).href);
}

/**
 * Checkpoints the WAL every 100 ms from a worker thread (db/checkpoint-worker.mjs), so the WAL stays well
 * under SQLite's automatic checkpoint threshold (1000 pages) and a save rarely has to checkpoint inline.
 * The serving connection keeps its automatic checkpoints as the safety net: with them turned off, FTS
 * queries in the server ran at half speed (measured, 6 -> 10-12 ms), for reasons not understood.
 */
function startCheckpointer(dir) {
  const file = process.env.QUIRE_DB_PATH ? path.resolve(process.env.QUIRE_DB_PATH) : path.resolve(process.env.QUIRE_DATA_DIR ?? "data", "quire.db");
  const synchronous = (process.env.QUIRE_SYNCHRONOUS ?? "NORMAL").toUpperCase();
  const worker = new Worker(path.join(dir, "db", "checkpoint-worker.mjs"), { workerData: { file, synchronous, intervalMs: 100 } });
  const fallBack = (reason) => log.error({ reason }, "WAL checkpoint worker stopped; SQLite's automatic checkpoints (inline in saves) carry on alone");
  worker.on("message", (message) => message?.error && log.warn({ err: { message: message.error } }, "WAL checkpoint failed"));
  worker.on("error", (err) => fallBack(err.message));
  worker.on("exit", (code) => code !== 0 && fallBack(`exit code ${code}`));
  worker.unref();
  return worker;
}

export async function startServer({ port, hostname }) {
  const trustedHops = Number(process.env.QUIRE_TRUST_PROXY ?? 0);
  const dir = process.cwd();
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  startCheckpointer(dir);
  const handle = app.getRequestHandler();
  const trpc = await loadTrpcHandler(dir);
  const directHeaders = trpc ? await everyPathHeaders(dir) : [];
  const route = (req, res) => {
    if (trpc?.isShareRequest(req)) return trpc.handleShare(req, res);
    if (!trpc?.isTrpcRequest(req)) return handle(req, res);
    for (const [name, value] of directHeaders) res.setHeader(name, value);
    return trpc.handleTrpc(req, res);
  };
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const ip = clientAddress(req, trustedHops);
    req.headers["x-forwarded-for"] = ip;
    req.headers["x-quire-client-ip"] = ip;
    req.headers["x-request-id"] = requestId;
    req.headers["x-quire-path"] = pagePath(req.url);
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const path = loggablePath(req.url);
      if (path.startsWith("/_next/static")) return;
      log.info(
        { requestId, method: req.method, path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        "request",
      );
    });
    route(req, res).catch((err) => {
      log.error({ requestId, err: { message: err?.message } }, "unhandled request error");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Something went wrong on our side.");
    });
  });
  server.on("clientError", (err, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const body = JSON.stringify({
      error: { message: tooLarge ? "The request's URL or headers are too large. Send large inputs in a POST body." : "The request could not be understood." },
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  const shutdown = () => server.close(() => process.exit(0));
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  startServer({ port, hostname }).then(() => console.log(`Quire is running at http://${hostname}:${port}`));
}
