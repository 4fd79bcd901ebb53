// tRPC and share pages answered straight from the Node HTTP front (server.mjs) without Next's route layer: the
// same handlers as app/api/trpc and app/s/[token]. Bundled by scripts/build-trpc.mjs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { respondToShare } from "@/server/share/respond";
import { handleTrpcRequest, TRPC_ENDPOINT } from "./http-handler";

/** True for the requests this handler answers: GET and POST under /api/trpc/ (anything else stays with Next). */
export function isTrpcRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "POST") && (req.url ?? "").startsWith(`${TRPC_ENDPOINT}/`);
}

/**
 * The fetch Request for a Node request, body read in full first. Lighter than tRPC's node-http adapter
 * (no body stream, no abort signal wiring), which is enough here: every answer is one JSON document.
 */
async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, { method: req.method, headers });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(url, { method: req.method, headers, body: Buffer.concat(chunks) });
}

/** Answers one tRPC request on a Node response; headers already set on `res` (security headers, request id) are kept. */
export async function handleTrpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const response = await handleTrpcRequest(await toFetchRequest(req));
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  if (!response.body) {
    res.end();
  } else if ((response.headers.get("content-type") ?? "").startsWith("application/json")) {
    res.end(Buffer.from(await response.arrayBuffer()));
  } else {
    await new Promise<void>((resolve, reject) => Readable.fromWeb(response.body as ReadableStream).pipe(res).on("finish", resolve).on("error", reject));
  }
}

/** True for share page requests (/s/...); every method, so that a wrong one gets the share page's 405. */
export function isShareRequest(req: IncomingMessage): boolean {
  return (req.url ?? "").startsWith("/s/");
}

/** Answers a share page request from memory or a fresh render: the same answer as app/s/[token]/route.ts. */
export function handleShare(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = respondToShare({ method: req.method ?? "GET", path: req.url ?? "/", header: (name) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : null) });
  res.writeHead(reply.status, { ...reply.headers, "content-length": typeof reply.body === "string" ? Buffer.byteLength(reply.body) : reply.body.byteLength });
  res.end(reply.body);
  return Promise.resolve();
}
