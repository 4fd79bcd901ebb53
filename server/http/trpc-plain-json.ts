// Plain JSON tRPC calls (a GET, or a POST with a JSON body) answered on the Node response without tRPC's fetch
// adapter: the same request parsing, procedure calls, error shapes and status codes, at a quarter millisecond less CPU a call.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";
import {
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
import { createContext } from "@/server/trpc/context";
import type { Context } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { toTRPCError } from "./errors";
import { MAX_BATCH_CALLS, reportTrpcError, TRPC_ENDPOINT } from "./trpc-policy";

/** The procedure path as tRPC's fetch adapter derives it: the URL path after the endpoint, slashes trimmed, decoded. */
export function procedurePath(url: URL): string {
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
 * millisecond of CPU per call. The body (of a POST) was read already, within its cap. A batch is refused
 * past MAX_BATCH_CALLS, and its calls run one after another, each on a later turn of the event loop, so that
 * other requests are served between them. Returns false when the call is a subscription (nothing answered).
 */
export async function answerPlainJson(req: IncomingMessage, res: ServerResponse, headers: Headers, body: Buffer | null): Promise<boolean> {
  const config = appRouter._def._config;
  const method = req.method as "GET" | "POST";
  const url = new URL(req.url ?? "/", "http://localhost");
  const lightRequest = {
    method,
    headers,
    signal: NEVER_ABORTED,
    json: async () => {
      const text = (body ?? Buffer.alloc(0)).toString("utf8");
      return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    },
  } as unknown as Request;

  let info: TRPCRequestInfo | undefined;
  let ctx: Context | undefined;
  let ctxError: TRPCError | undefined;
  // An error before any call (a bad path, say) is sent without a JSON content type by resolveResponse too.
  const send = (json: TRPCResponse | TRPCResponse[], contentType = "application/json") => {
    res.statusCode = getHTTPStatusCode(json);
    res.setHeader("content-type", contentType);
    res.setHeader("vary", "trpc-accept, accept");
    res.end(JSON.stringify(transformTRPCResponse(config, json)));
  };

  try {
    info = await getRequestInfo({ req: lightRequest, path: procedurePath(url), router: appRouter, searchParams: url.searchParams, headers, url });
    if (info.type === "subscription") return false;
    if (info.calls.length > MAX_BATCH_CALLS) {
      const error = new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${info.calls.length}. Send them in smaller batches.` });
      send({ error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type: info.type }) });
      return true;
    }
    try {
      ctx = await createContext(headers);
    } catch (cause) {
      // The session is checked against the database: one that does not answer is a 503 with a message, not a 500.
      ctxError = getTRPCErrorFromUnknown(toTRPCError(cause));
    }
    const callOne = async (call: TRPCRequestInfo["calls"][number]): Promise<CallOutcome> => {
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
    };
    const shapeOf = (outcome: CallOutcome, index: number): TRPCResponse => {
      const call = info!.calls[index]!;
      if (!outcome.error) return { result: { data: outcome.data } };
      const type = call.procedure?._def.type ?? "unknown";
      return { error: getErrorShape({ config, ctx, error: outcome.error, input: call.result(), path: call.path, type }) };
    };
    if (!info.isBatchCall) {
      const outcome = await callOne(info.calls[0]!);
      if (!outcome.error && isDataStream(outcome.data)) {
        throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink" });
      }
      send(shapeOf(outcome, 0));
      return true;
    }
    // A batch: one call per turn of the event loop, each answer serialised as soon as it is made, so that no turn
    // holds more than one call's work (serialising a whole batch of chart renders at the end took half a second).
    const shapes: TRPCResponse[] = [];
    const parts: string[] = [];
    for (const [index, call] of info.calls.entries()) {
      if (index > 0) await nextTurn();
      let outcome = await callOne(call);
      if (!outcome.error && isDataStream(outcome.data)) {
        outcome = { error: new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink" }) };
      }
      const shape = shapeOf(outcome, index);
      shapes.push(shape);
      parts.push(JSON.stringify(transformTRPCResponse(config, shape)));
    }
    res.statusCode = getHTTPStatusCode(shapes);
    res.setHeader("content-type", "application/json");
    res.setHeader("vary", "trpc-accept, accept");
    res.end(`[${parts.join(",")}]`);
    return true;
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    reportTrpcError({ error, path: undefined, ctx });
    send({ error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type: info?.type ?? "unknown" }) }, "text/plain;charset=UTF-8");
    return true;
  }
}
