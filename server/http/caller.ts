// Who is calling: the one place a request's session cookie or Bearer API token is turned into the acting user.
import { decode, type JWT } from "next-auth/jwt";
import { authenticateToken } from "@/server/services/api-tokens";
import { liveSessionOwner } from "@/server/services/sessions";

export type CallerUser = { id: string; email: string; name: string };

/** A signed-in browser (session cookie) or a script (Bearer API token, bound to one notebook). */
export type Caller =
  | { user: CallerUser; via: "session"; sessionId: string }
  | { user: CallerUser; via: "token"; tokenId: string; notebookId: string };

/** The session cookie's names: `__Secure-` on HTTPS, plain otherwise; each is also the JWT's salt. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

const DECODED_LIMIT = 5_000;

const globalForCallers = globalThis as unknown as { quireDecodedSessions?: Map<string, JWT | null> };
const decoded: Map<string, JWT | null> = (globalForCallers.quireDecodedSessions ??= new Map());
const byHeaders = new WeakMap<Headers, Promise<Caller | null>>();

function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Decrypts a session JWT, remembering the result by its exact text (decrypting costs; the database check does not). */
async function decodeOnce(token: string, salt: string): Promise<JWT | null> {
  const key = `${salt}:${token}`;
  if (decoded.has(key)) return decoded.get(key)!;
  let payload: JWT | null;
  try {
    payload = await decode({ token, salt, secret: process.env.AUTH_SECRET ?? "" });
  } catch {
    payload = null;
  }
  if (decoded.size >= DECODED_LIMIT) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, payload);
  return payload;
}

/** The Bearer token of an `Authorization` header, or null when there is none. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}

async function sessionCaller(headers: Headers): Promise<Caller | null> {
  const cookieHeader = headers.get("cookie");
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookieValue(cookieHeader, name);
    if (!token) continue;
    const payload = await decodeOnce(token, name);
    if (!payload || typeof payload.sub !== "string" || typeof payload.sid !== "string" || typeof payload.sv !== "number") return null;
    if (typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) return null;
    const user = await liveSessionOwner(payload.sid, payload.sub, payload.sv);
    return user ? { user, via: "session", sessionId: payload.sid } : null;
  }
  return null;
}

async function tokenCaller(token: string): Promise<Caller | null> {
  const principal = await authenticateToken(token);
  if (!principal) return null;
  return {
    user: { id: principal.userId, email: principal.email, name: principal.name },
    via: "token",
    tokenId: principal.tokenId,
    notebookId: principal.notebookId,
  };
}

/**
 * The acting user of a request: a Bearer API token when the request carries an `Authorization` header (and
 * then only that), else the Auth.js session cookie, checked against its session row on every request. Null
 * for nobody or anything invalid, ended, revoked or expired. Decided once per Headers object.
 */
export function callerFrom(headers: Headers): Promise<Caller | null> {
  let caller = byHeaders.get(headers);
  if (!caller) {
    const bearer = headers.has("authorization") ? bearerToken(headers) : undefined;
    caller = bearer === undefined ? sessionCaller(headers) : bearer ? tokenCaller(bearer) : Promise.resolve(null);
    byHeaders.set(headers, caller);
  }
  return caller;
}
