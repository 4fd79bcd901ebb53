// Builds the tRPC context for a request: the signed-in user (from the session cookie, via callerFrom), request id and client address.
import { callerFrom, type Caller } from "@/server/http/caller";
import { clientIpFrom, requestIdFrom } from "@/server/request-meta";
import type { Context } from "./init";

/** The context for a request whose caller is already known. API tokens act only through REST, never through tRPC. */
export function contextFor(headers: Headers, caller: Caller | null): Context {
  const user = caller?.via === "session" ? caller.user : null;
  return { user, requestId: requestIdFrom(headers), clientIp: clientIpFrom(headers) };
}

/** The context for one request; user is null when nobody is signed in or the session has ended. */
export async function createContext(headers: Headers): Promise<Context> {
  return contextFor(headers, await callerFrom(headers));
}
