// Builds the tRPC context for a request: the signed-in user (from the Auth.js session cookie), request id and client address.
import { clientIpFrom, requestIdFrom } from "@/server/request-meta";
import { sessionUserFromHeaders } from "@/server/session-reader";
import type { Context } from "./init";

/** The context for one request; user is null when nobody is signed in or the session has ended. */
export async function createContext(headers: Headers): Promise<Context> {
  const user = await sessionUserFromHeaders(headers);
  return { user, requestId: requestIdFrom(headers), clientIp: clientIpFrom(headers) };
}
