// tRPC over HTTP at /api/trpc: the checks every call passes first (method, JSON-only mutations from our own
// origin, body and batch caps), then plain JSON calls on the fast path and subscriptions through tRPC's fetch adapter.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getErrorShape, getHTTPStatusCode, transformTRPCResponse, TRPCError } from "@trpc/server/unstable-core-do-not-import";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
import { BodyTooLarge, formatBytes, readBodyCapped } from "./body";
import { toTRPCError } from "./errors";
import { crossSiteRefusal } from "./request-origin";
import { answerPlainJson, procedurePath } from "./trpc-plain-json";
import { bodyLimitFor, MAX_BATCH_CALLS, reportTrpcError, TRPC_ENDPOINT } from "./trpc-policy";

/** True for the requests this handler answers: everything under /api/trpc/. */
export function isTrpcRequest(url: string): boolean {
  return url.startsWith(`${TRPC_ENDPOINT}/`);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

function mediaType(headers: Headers): string | undefined {
  return headers.get("content-type")?.toLowerCase().split(";", 1)[0]?.trim();
}

/** Sends a refusal in tRPC's own error shape (as JSON), so the app's client shows its message like any other error. */
function refuse(res: ServerResponse, code: TRPCError["code"], message: string): void {
  const config = appRouter._def._config;
  const json = { error: getErrorShape({ config, ctx: undefined, error: new TRPCError({ code, message }), input: undefined, path: undefined, type: "unknown" }) };
  res.statusCode = getHTTPStatusCode(json);
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(transformTRPCResponse(config, json)));
}

/** Answers through tRPC's fetch adapter: subscriptions (server-sent events) and streamed (jsonl) batches. */
async function answerThroughFetch(req: IncomingMessage, res: ServerResponse, headers: Headers, body: Buffer | null): Promise<void> {
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), { method: req.method, headers, body: body ? new Uint8Array(body) : undefined });
  const response = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router: appRouter,
    // A database that does not answer while the session is checked: 503 with a message, as in answerPlainJson.
    createContext: () =>
      createContext(headers).catch((cause: unknown) => {
        throw toTRPCError(cause);
      }),
    onError: reportTrpcError,
    maxBatchSize: MAX_BATCH_CALLS,
  });
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  if (!response.body) return void res.end();
  await new Promise<void>((resolve, reject) => Readable.fromWeb(response.body as ReadableStream).pipe(res).on("finish", resolve).on("error", reject));
}

/**
 * Answers one tRPC request on a Node response (headers already set on `res` are kept). Queries are GETs;
 * mutations are POSTs with a JSON body, never form data, and never from another site. Bodies stop being
 * read at their cap (413); the connection is then closed rather than drained.
 */
export async function handleTrpc(req: IncomingMessage, res: ServerResponse, options: { trustedProxy: boolean }): Promise<void> {
  if (req.method !== "GET" && req.method !== "POST") {
    res.setHeader("allow", "GET, POST");
    return refuse(res, "METHOD_NOT_SUPPORTED", "tRPC takes GET for queries and POST for mutations.");
  }
  const headers = headersOf(req);
  let body: Buffer | null = null;
  if (req.method === "POST") {
    if (mediaType(headers) !== "application/json") {
      return refuse(res, "UNSUPPORTED_MEDIA_TYPE", "Send tRPC calls as JSON (content-type: application/json).");
    }
    const refusal = crossSiteRefusal(headers, options.trustedProxy);
    if (refusal) return refuse(res, "FORBIDDEN", refusal);
    let path: string;
    try {
      path = procedurePath(new URL(req.url ?? "/", "http://localhost"));
    } catch {
      path = "";
    }
    try {
      body = await readBodyCapped(req, bodyLimitFor(path));
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      res.setHeader("connection", "close");
      res.once("finish", () => req.socket.destroy());
      return refuse(res, "PAYLOAD_TOO_LARGE", `The request is larger than ${formatBytes(error.limitBytes)}, the most Quire accepts here.`);
    }
  }
  const streamed = headers.get("trpc-accept") === "application/jsonl";
  if (!streamed && (await answerPlainJson(req, res, headers, body))) return;
  await answerThroughFetch(req, res, headers, body);
}
