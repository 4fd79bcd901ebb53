// tRPC over HTTP (GET for queries, POST for mutations) at /api/trpc. server.mjs answers these paths itself
// with the same handler when its bundle is built (scripts/build-trpc.mjs); this route is the fallback.
import { handleTrpcRequest } from "@/server/trpc/http-handler";

function handler(req: Request) {
  return handleTrpcRequest(req);
}

export { handler as GET, handler as POST };
