// Reads the Auth.js session cookie for API calls without re-deriving keys on every request: a decrypted
// token is remembered by its exact text, and its sessionVersion is still checked against the database each time.
import { decode, type JWT } from "next-auth/jwt";
import { isSessionCurrent } from "./session-version";

const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const CACHE_LIMIT = 5_000;

export type SessionClaims = { id: string; email: string; name: string };

const globalForSessions = globalThis as unknown as { quireDecodedSessions?: Map<string, JWT | null> };
const decoded: Map<string, JWT | null> = (globalForSessions.quireDecodedSessions ??= new Map());

function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

async function decodeOnce(token: string, salt: string): Promise<JWT | null> {
  const key = `${salt}:${token}`;
  if (decoded.has(key)) return decoded.get(key)!;
  let payload: JWT | null;
  try {
    payload = await decode({ token, salt, secret: process.env.AUTH_SECRET ?? "" });
  } catch {
    payload = null;
  }
  if (decoded.size >= CACHE_LIMIT) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, payload);
  return payload;
}

/** The signed-in user named by the request's session cookie, or null (no cookie, bad or expired token, ended session). */
export async function sessionUserFromHeaders(headers: Headers): Promise<SessionClaims | null> {
  const cookieHeader = headers.get("cookie");
  for (const name of COOKIE_NAMES) {
    const token = cookieValue(cookieHeader, name);
    if (!token) continue;
    const payload = await decodeOnce(token, name);
    if (!payload?.sub || typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) return null;
    if (!isSessionCurrent(payload)) return null;
    return { id: payload.sub, email: payload.email ?? "", name: payload.name ?? "" };
  }
  return null;
}
