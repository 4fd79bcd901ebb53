// Quire's request edge: every request enters here (server.mjs), gets its id, client address, security headers and
// log line, and goes to tRPC, a share page or Next. See docs/architecture.md, "The path of a request".
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { logger } from "@/server/logger";
import { CLIENT_IP_HEADER, PAGE_PATH_HEADER, REQUEST_ID_HEADER } from "@/server/request-meta";
import { API_HEADERS, appPagePolicy, EVERY_RESPONSE_HEADERS, newNonce, prerenderedScriptHashes, STRICT_TRANSPORT_SECURITY } from "./headers";
import { cameOverHttps, clientAddress } from "./request-origin";
import { notePageTarget, serveNotePage } from "./page-cache";
import { handleShare, isShareRequest } from "./share";
import { handleTrpc, isTrpcRequest } from "./trpc";
import { httpErrorFrom } from "./errors";
import { checkDatabase, databaseDown, sendDatabaseDownPage } from "./database-guard";

export { logger };
export { sharedAuthSecret, startDatabase, stopDatabase } from "@/server/services/lifecycle";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
/** `dev`: behind `next dev`, whose client needs eval (never in production). */
export type EdgeOptions = { next: NextHandler; nextDir: string; trustedHops: number; dev?: boolean };

/** The path as it may be logged: no query string, share and API tokens replaced. */
export function loggablePath(url: string | undefined): string {
  return (url ?? "/")
    .split("?")[0]!
    .replace(/^\/s\/[^/]+/, "/s/[token]")
    .replace(/^\/api\/v1\/tokens\/[^/]+/, "/api/v1/tokens/[token]");
}

/** The page path and query the visitor asked for, without Next's internal _rsc marker (to come back to after signing in). */
function pagePath(url: string | undefined): string {
  const parsed = new URL(url ?? "/", "http://quire.local");
  parsed.searchParams.delete("_rsc");
  return parsed.pathname + parsed.search;
}

function setAll(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/**
 * Stamps what later layers trust on the request, replacing anything a client sent under the same names:
 * the request id, the client address, the page path, and (for Next pages) the CSP that carries this render's nonce.
 */
function stamp(req: IncomingMessage, requestId: string, clientIp: string): void {
  req.headers[REQUEST_ID_HEADER] = requestId;
  req.headers[CLIENT_IP_HEADER] = clientIp;
  req.headers["x-forwarded-for"] = clientIp;
  req.headers[PAGE_PATH_HEADER] = pagePath(req.url);
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
}

function sendFailure(res: ServerResponse, requestId: string, err: unknown): void {
  if (res.headersSent) return void res.end();
  const { status, body, headers } = httpErrorFrom(err);
  if (status !== 500) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    return void res.end(JSON.stringify(body));
  }
  res.writeHead(500, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message: `Something went wrong on our side. If it keeps happening, quote request ${requestId}.` } }));
}

/** GET /api/health for load balancers: 200 when the database answers within 2 s, else 503; never cached. */
async function handleHealth(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { "content-type": "application/json", allow: "GET, HEAD" });
    return void res.end(JSON.stringify({ error: { message: "Use GET for the health check." } }));
  }
  const { ok, store } = await checkDatabase();
  // instrumentation.ts sets the flag when start-up (migrations, the demo, the jobs) is done; until then this server is not ready.
  const ready = (globalThis as { quireReady?: boolean }).quireReady === true;
  const answer = !ok
    ? { status: "unavailable", store, message: "The database is not answering." }
    : !ready
      ? { status: "starting", store, message: "Quire is still starting." }
      : { status: "ok", store };
  res.writeHead(ok && ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : JSON.stringify(answer));
}

/** The edge's request listener for a Node HTTP server. */
export function createEdge({ next, nextDir, trustedHops, dev = false }: EdgeOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const scriptSources = [...prerenderedScriptHashes(path.resolve(nextDir)).map((h) => `'sha256-${h}'`), ...(dev ? ["'unsafe-eval'"] : [])];
  const trustedProxy = trustedHops > 0;

  const route = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? "/";
    if (isTrpcRequest(url)) {
      setAll(res, API_HEADERS);
      return handleTrpc(req, res, { trustedProxy });
    }
    if (isShareRequest(url)) return handleShare(req, res);
    if (url === "/api/health" || url.startsWith("/api/health?")) {
      setAll(res, API_HEADERS);
      return handleHealth(req, res);
    }
    if (url.startsWith("/api/")) {
      setAll(res, API_HEADERS);
    } else if (!url.startsWith("/_next/static/")) {
      return pageRequest(req, res);
    }
    return next(req, res);
  };

  /** An app page rendered by Next with a fresh CSP nonce. */
  const renderPage = (req: IncomingMessage, res: ServerResponse, nonce: string): Promise<void> => {
    const policy = appPagePolicy(nonce, scriptSources);
    req.headers["content-security-policy"] = policy;
    res.setHeader("content-security-policy", policy);
    return next(req, res);
  };

  /** An app page (a signed-in reader's note page from memory while unchanged), or the 503 page while the database does not answer. */
  const pageRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (await databaseDown()) return sendDatabaseDownPage(req, res);
    const notePage = notePageTarget(req);
    if (notePage) return serveNotePage(req, res, notePage, (nonce) => renderPage(req, res, nonce), newNonce);
    return renderPage(req, res, newNonce());
  };

  return (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    stamp(req, requestId, clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"] as string | undefined, trustedHops));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    setAll(res, EVERY_RESPONSE_HEADERS);
    if (cameOverHttps(Boolean((req.socket as TLSSocket).encrypted), req.headers["x-forwarded-proto"] as string | undefined, trustedProxy)) {
      res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    }
    res.on("finish", () => {
      const logged = loggablePath(req.url);
      if (logged.startsWith("/_next/static")) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ requestId, method: req.method, path: logged, status: res.statusCode, ms }, "request");
    });
    route(req, res).catch((err: unknown) => {
      logger.error({ requestId, err: { message: err instanceof Error ? err.message : String(err) } }, "unhandled request error");
      sendFailure(res, requestId, err);
    });
  };
}
