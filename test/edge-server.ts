// A real HTTP server running Quire's request edge on a free port, for tests; pages (Next) answer a plain 404 here.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createEdge } from "@/server/http/edge";

export type EdgeServer = { base: string; close: () => Promise<void> };

type NextStandIn = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

const noPages: NextStandIn = async (_req, res) => {
  res.statusCode = 404;
  res.end("no pages in this test");
};

/** Starts the edge with `trustedHops` proxies in front (0: none) and, where Next would be, `next` (a plain 404 by default). */
export async function startEdgeServer(trustedHops = 0, next: NextStandIn = noPages): Promise<EdgeServer> {
  const server = http.createServer(createEdge({ next, nextDir: "/nonexistent", trustedHops }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
