// Who is calling: the client address and request id that Quire's HTTP front (server.mjs) puts on each request.
export const CLIENT_IP_HEADER = "x-quire-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

/** The client address set by the HTTP front from the socket (or a trusted proxy); "unknown" elsewhere. */
export function clientIpFrom(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** The request id set by the HTTP front, or a fresh one. */
export function requestIdFrom(headers: Headers): string {
  return headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
}

export const PAGE_PATH_HEADER = "x-quire-path";

/** The path the visitor asked for (set by the HTTP front), to come back to after signing in. */
export function pagePathFrom(headers: Headers): string {
  return headers.get(PAGE_PATH_HEADER) ?? "/notebooks";
}
