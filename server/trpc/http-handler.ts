// The one tRPC-over-HTTP handler (fetch Request in, Response out): used by the Next route and by server.mjs directly.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestLogger } from "@/server/logger";
import { createContext } from "./context";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

/** Answers one tRPC request: the app router, the request's context, internal errors logged with the request id, never cached. */
export function handleTrpcRequest(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createContext(req.headers),
    responseMeta: () => ({ headers: { "cache-control": "no-store" } }),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        requestLogger(ctx?.requestId ?? "unknown").error({ path, err: { message: error.message, stack: error.stack } }, "trpc error");
      }
    },
  });
}
