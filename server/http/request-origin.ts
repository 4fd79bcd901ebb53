// Where a request came from: the client address (the socket, or a trusted proxy's), whether it came over HTTPS, and whether another site sent it.

/** The client address: the socket's, or with `trustedHops` proxies in front, the address that many hops back in X-Forwarded-For. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  const socket = socketAddress ?? "unknown";
  if (!trustedHops) return socket;
  const chain = [
    ...String(forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

/** True when the request reached us over HTTPS: TLS on our own socket, or a trusted proxy's X-Forwarded-Proto. */
export function cameOverHttps(encrypted: boolean, forwardedProto: string | undefined, trustedProxy: boolean): boolean {
  if (encrypted) return true;
  return trustedProxy && (forwardedProto ?? "").split(",")[0]!.trim().toLowerCase() === "https";
}

/** The host the client asked for (a trusted proxy's X-Forwarded-Host, else Host). */
function requestedHost(headers: Headers, trustedProxy: boolean): string | null {
  const forwarded = trustedProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return (forwarded || headers.get("host"))?.toLowerCase() ?? null;
}

/**
 * Why a state-changing request must be refused as coming from another site, or null when it may go on.
 * Browsers name the sending page in Origin and say in Sec-Fetch-Site how it relates to us: anything but
 * our own origin (another site, a sibling subdomain, a sandboxed "null" origin) is refused. A client that
 * sends neither (a script, curl) is not a browser acting for a victim, and passes.
 */
export function crossSiteRefusal(headers: Headers, trustedProxy: boolean): string | null {
  const refused = "Quire accepts changes only from its own pages; this request came from another site.";
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return refused;
  const origin = headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return refused;
  }
  return originHost === requestedHost(headers, trustedProxy) ? null : refused;
}
