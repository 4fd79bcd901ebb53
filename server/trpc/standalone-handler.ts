// tRPC and share pages answered straight from the Node HTTP front (server.mjs) without Next's route layer: the
// same router, context, error formatter and logs as app/api/trpc, the same handler as app/s/[token]. Bundled by scripts/build-trpc.mjs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import {
  getAcceptHeader,
  getErrorShape,
  getHTTPStatusCode,
  getRequestInfo,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
  TRPCError,
  type TRPCRequestInfo,
  type TRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import { respondToShare } from "@/server/share/respond";
import { createContext } from "./context";
import { handleTrpcRequest, reportTrpcError, TRPC_ENDPOINT, TRPC_RESPONSE_HEADERS } from "./http-handler";
import type { Context } from "./init";
import { appRouter } from "./root";

/** True for the requests this handler answers: GET and POST under /api/trpc/ (anything else stays with Next). */
export function isTrpcRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "POST") && (req.url ?? "").startsWith(`${TRPC_ENDPOINT}/`);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/** The whole request body (data/end events: an async iterator over the request costs more here). */
function readBody(req: IncomingMessage): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer<ArrayBuffer>[] = [];
    req.on("data", (chunk: Buffer<ArrayBuffer>) => chunks.push(chunk));
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The fetch Request for a Node request, body read in full first (no body stream, no abort wiring: every answer is one document). */
async function toFetchRequest(req: IncomingMessage, headers: Headers): Promise<Request> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, { method: req.method, headers });
  return new Request(url, { method: req.method, headers, body: await readBody(req) });
}

/** Answers through tRPC's fetch adapter (subscriptions, streamed batches, form data, anything unusual). */
async function answerThroughFetch(req: IncomingMessage, res: ServerResponse, headers: Headers): Promise<void> {
  const response = await handleTrpcRequest(await toFetchRequest(req, headers));
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

function mediaType(headers: Headers): string | undefined {
  return headers.get("content-type")?.toLowerCase().split(";", 1)[0]?.trim();
}

/**
 * Whether the request is a plain JSON call, answered below without the fetch adapter: a POST with a JSON
 * body or a GET, not asking for a streamed (jsonl) answer. Everything else goes through tRPC's own adapter.
 */
function isPlainJsonCall(req: IncomingMessage, headers: Headers): boolean {
  const type = mediaType(headers);
  const bodyOk = req.method === "POST" ? type === "application/json" : type !== "multipart/form-data" && type !== "application/octet-stream";
  return bodyOk && getAcceptHeader(headers) !== "application/jsonl";
}

/** The procedure path as tRPC's fetch adapter derives it: the URL path after the endpoint, slashes trimmed, decoded. */
function procedurePath(url: URL): string {
  let path = url.pathname.slice(TRPC_ENDPOINT.length);
  if (path.startsWith("/")) path = path.slice(1);
  if (path.endsWith("/")) path = path.slice(0, -1);
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid URL-encoding in path "${path}"`, cause });
  }
}

/** A result tRPC refuses to send as one JSON document (an async iterable, or an object holding promises or iterables). */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  return Object.values(value).some(isPromise) || Object.values(value).some(isAsyncIterable);
}

const METHOD_OF = { query: "GET", mutation: "POST", subscription: "GET" } as const;
/** Queries and mutations here cannot be cancelled by the client (as through the fetch adapter, whose Request has no abort wiring). */
const NEVER_ABORTED = new AbortController().signal;

type CallOutcome = { error: TRPCError; data?: undefined } | { error?: undefined; data: unknown };

/**
 * Answers a plain JSON call the way tRPC's resolveResponse does (same request parsing through tRPC's
 * getRequestInfo, same procedure calls, error shapes, status codes and headers), minus the fetch
 * Request/Response objects, body streams and per-call AbortSignals, which cost about a quarter of a
 * millisecond of CPU per call. Returns false, having read nothing, when the call is a subscription or a streamed batch.
 */
async function answerPlainJson(req: IncomingMessage, res: ServerResponse, headers: Headers): Promise<boolean> {
  const config = appRouter._def._config;
  const method = req.method as "GET" | "POST";
  const url = new URL(req.url ?? "/", "http://localhost");
  let body: Promise<unknown> | undefined;
  const lightRequest = {
    method,
    headers,
    signal: NEVER_ABORTED,
    json: () =>
      (body ??= readBody(req).then((bytes) => {
        const text = bytes.toString("utf8");
        return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      })),
  } as unknown as Request;

  let info: TRPCRequestInfo | undefined;
  let ctx: Context | undefined;
  let ctxError: TRPCError | undefined;
  // An error before any call (a bad path, say) is sent without a JSON content type by resolveResponse too.
  const send = (json: TRPCResponse | TRPCResponse[], contentType = "application/json") => {
    res.statusCode = getHTTPStatusCode(json);
    res.setHeader("content-type", contentType);
    res.setHeader("vary", "trpc-accept, accept");
    for (const [name, value] of Object.entries(TRPC_RESPONSE_HEADERS)) res.setHeader(name, value);
    res.end(JSON.stringify(transformTRPCResponse(config, json)));
  };

  try {
    info = await getRequestInfo({ req: lightRequest, path: procedurePath(url), router: appRouter, searchParams: url.searchParams, headers, url });
    if (info.type === "subscription") return false;
    try {
      ctx = await createContext(headers);
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }
    const calls = info.calls.map(async (call): Promise<CallOutcome> => {
      const proc = call.procedure;
      try {
        if (!proc) throw new TRPCError({ code: "NOT_FOUND", message: `No procedure found on path "${call.path}"` });
        if (METHOD_OF[proc._def.type] !== method) {
          throw new TRPCError({ code: "METHOD_NOT_SUPPORTED", message: `Unsupported ${method}-request to ${proc._def.type} procedure at path "${call.path}"` });
        }
        if (ctxError) throw ctxError;
        const data = await proc({ path: call.path, getRawInput: call.getRawInput, ctx, type: proc._def.type, signal: NEVER_ABORTED, batchIndex: call.batchIndex });
        return { data };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        reportTrpcError({ error, path: call.path, ctx });
        return { error };
      }
    });
    const shapeOf = (outcome: CallOutcome, index: number): TRPCResponse => {
      const call = info!.calls[index]!;
      if (!outcome.error) return { result: { data: outcome.data } };
      const type = call.procedure?._def.type ?? "unknown";
      return { error: getErrorShape({ config, ctx, error: outcome.error, input: call.result(), path: call.path, type }) };
    };
    if (!info.isBatchCall) {
      const outcome = await calls[0]!;
      if (!outcome.error && isDataStream(outcome.data)) {
        throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink" });
      }
      send(shapeOf(outcome, 0));
      return true;
    }
    const outcomes = (await Promise.all(calls)).map((outcome): CallOutcome => {
      if (outcome.error || !isDataStream(outcome.data)) return outcome;
      return { error: new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink" }) };
    });
    send(outcomes.map(shapeOf));
    return true;
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    reportTrpcError({ error, path: undefined, ctx });
    send({ error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type: info?.type ?? "unknown" }) }, "text/plain;charset=UTF-8");
    return true;
  }
}

/** Answers one tRPC request on a Node response; headers already set on `res` (security headers, request id) are kept. */
export async function handleTrpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = headersOf(req);
  if (isPlainJsonCall(req, headers) && (await answerPlainJson(req, res, headers))) return;
  await answerThroughFetch(req, res, headers);
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
