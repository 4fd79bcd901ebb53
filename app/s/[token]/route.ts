// The share page /s/{token} through Next (server.mjs answers it itself when its bundle is built): no session, no script.
import { respondToShare } from "@/server/share/respond";

export const dynamic = "force-dynamic";

function answer(request: Request): Response {
  const url = new URL(request.url);
  const reply = respondToShare({ method: request.method, path: url.pathname, header: (name) => request.headers.get(name) });
  return new Response(reply.body.length > 0 ? (reply.body as BodyInit) : null, { status: reply.status, headers: reply.headers });
}

export const GET = answer;
export const HEAD = answer;
