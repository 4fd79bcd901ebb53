// tRPC over HTTP (GET for queries, POST for mutations) at /api/trpc.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestLogger } from "@/server/logger";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req.headers),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        requestLogger(ctx?.requestId ?? "unknown").error({ path, err: { message: error.message, stack: error.stack } }, "trpc error");
      }
    },
  });
}

export { handler as GET, handler as POST };
