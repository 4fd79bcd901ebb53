// tRPC answered straight from the Node HTTP front (server.mjs) without Next's route layer: the same
// handler, router, context, error formatter and logs as app/api/trpc. Bundled by scripts/build-trpc.mjs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { handleTrpcRequest, TRPC_ENDPOINT } from "./http-handler";

/** True for the requests this handler answers: GET and POST under /api/trpc/ (anything else stays with Next). */
export function isTrpcRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "POST") && (req.url ?? "").startsWith(`${TRPC_ENDPOINT}/`);
}

/** Answers one tRPC request on a Node response; headers already set on `res` (security headers, request id) are kept. */
export async function handleTrpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const response = await handleTrpcRequest(incomingMessageToRequest(req, res, { maxBodySize: null }));
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
