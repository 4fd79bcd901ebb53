// The one tRPC-over-HTTP handler (fetch Request in, Response out): used by the Next route and by server.mjs directly.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { TRPCError } from "@trpc/server";
import { requestLogger } from "@/server/logger";
import { createContext } from "./context";
import type { Context } from "./init";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

/** Headers every tRPC answer carries (through responseMeta): answers are never cached. */
export const TRPC_RESPONSE_HEADERS = { "cache-control": "no-store" } as const;

/** Logs internal errors with the request id (the client only sees that id); other errors are the caller's. */
export function reportTrpcError({ error, path, ctx }: { error: TRPCError; path: string | undefined; ctx: Context | undefined }): void {
  if (error.code === "INTERNAL_SERVER_ERROR") {
    requestLogger(ctx?.requestId ?? "unknown").error({ path, err: { message: error.message, stack: error.stack } }, "trpc error");
  }
}

/** Answers one tRPC request: the app router, the request's context, internal errors logged with the request id, never cached. */
export function handleTrpcRequest(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createContext(req.headers),
    responseMeta: () => ({ headers: TRPC_RESPONSE_HEADERS }),
    onError: reportTrpcError,
  });
}
