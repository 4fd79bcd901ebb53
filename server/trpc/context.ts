// Builds the tRPC context for a request: the signed-in user (Auth.js), request id and client address.
import { auth } from "@/server/auth";
import { clientIpFrom, requestIdFrom } from "@/server/request-meta";
import type { Context } from "./init";

/** The context for one request; user is null when nobody is signed in or the session has ended. */
export async function createContext(headers: Headers): Promise<Context> {
  const session = await auth();
  const user =
    session?.user?.id
      ? { id: session.user.id, email: session.user.email ?? "", name: session.user.name ?? "" }
      : null;
  return { user, requestId: requestIdFrom(headers), clientIp: clientIpFrom(headers) };
}
