// Answers /s/{token} and /s/{token}/{noteId} for the edge: the share page, rendered once per state of what it shows and served from memory until that changes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { sharePageHtml, shareNotFoundHtml } from "@/lib/share/page-html";
import { SHARE_HEADERS } from "@/server/http/headers";
import { todayIso } from "@/server/services/chart-render";
import { sharedDocument } from "@/server/services/share-content";
import { openShareLink, recordShareView } from "@/server/services/share-links";
import { callerFrom, SESSION_COOKIE_NAMES } from "./caller";

export type ShareRequest = { method: string; path: string; header: (name: string) => string | null };
export type ShareResponse = { status: number; headers: Record<string, string>; body: string | Uint8Array };

const PATH = /^\/s\/([^/?#]+)(?:\/([^/?#]+))?\/?$/;
// Link unfurlers and crawlers fetch a link to preview it; their fetches are not views.
const PREVIEW_AGENTS = /bot\b|crawler|spider|preview|slack|discord|facebookexternalhit|whatsapp|telegram|skype|linkedin|embedly|quora link/i;
const CACHE_ENTRIES = 500;
type CachedPage = { html: string; gzipped: Uint8Array | null };
const cache = new Map<string, CachedPage>();

function notFound(method: string): ShareResponse {
  return { status: 404, headers: SHARE_HEADERS, body: method === "HEAD" ? "" : shareNotFoundHtml() };
}

function isView(request: ShareRequest): boolean {
  if (request.method !== "GET") return false;
  const purpose = `${request.header("sec-purpose") ?? ""} ${request.header("purpose") ?? ""} ${request.header("x-purpose") ?? ""}`;
  if (/prefetch|preview/i.test(purpose)) return false;
  return !PREVIEW_AGENTS.test(request.header("user-agent") ?? "");
}

/** The rendered page for the link's current state (from the cache when the notebook's content and the day are unchanged), and the link. */
async function pageFor(token: string, subPath: string | null, now: Date): Promise<{ page: CachedPage; linkId: string; notebookId: string; hit: boolean } | null> {
  const open = await openShareLink(token, now);
  if (!open) return null;
  const key = `${open.link.id}|${open.contentVersion}|${todayIso(now)}|${subPath ?? ""}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return { page: hit, linkId: open.link.id, notebookId: open.link.notebookId, hit: true };
  }
  const doc = await sharedDocument(open.link, `/s/${token}`, subPath, now);
  if (!doc) return null;
  const page: CachedPage = { html: sharePageHtml(doc), gzipped: null };
  cache.set(key, page);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return { page, linkId: open.link.id, notebookId: open.link.notebookId, hit: false };
}

// Views from visitors with a session cookie are counted once their session is known (after the page is answered).
const viewChecks = new Set<Promise<void>>();

/**
 * Counts a view, unless the visitor is signed in as a member of the link's notebook (its authors checking the link). The
 * page never depends on the visitor: without a session cookie the view is counted at once; with one, the session is
 * checked after the answer and the view counted then.
 */
async function countView(request: ShareRequest, linkId: string, notebookId: string, now: Date): Promise<void> {
  const cookie = request.header("cookie");
  if (!cookie || !SESSION_COOKIE_NAMES.some((name) => cookie.includes(`${name}=`))) {
    await recordShareView(linkId, now);
    return;
  }
  const check = callerFrom(new Headers({ cookie }))
    .then((caller) => recordShareView(linkId, now, caller?.via === "session" ? caller.user : null, notebookId))
    .catch(() => recordShareView(linkId, now))
    .finally(() => viewChecks.delete(check));
  viewChecks.add(check);
}

/** Resolves once every view still waiting on its visitor's session is counted (or not). */
export async function shareViewsSettled(): Promise<void> {
  await Promise.all([...viewChecks]);
}

/** True when the client takes gzip (every browser does), unless it says q=0. */
function acceptsGzip(request: ShareRequest): boolean {
  const accepted = request.header("accept-encoding") ?? "";
  return /(^|,)\s*(gzip|\*)\s*(,|;(?!\s*q=0(\.0*)?\s*(,|$))|$)/i.test(accepted);
}

/**
 * The response to a share request: GET or HEAD of /s/{token} or /s/{token}/{noteId}. Unknown, revoked and expired
 * tokens, paths a link does not reach, and anything malformed all get the same 404 page; other methods get 405.
 */
export async function respondToShare(request: ShareRequest, now = new Date()): Promise<ShareResponse> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return { status: 405, headers: { ...SHARE_HEADERS, allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }, body: "A share link can only be read." };
  }
  const match = PATH.exec(request.path.split("?")[0]!);
  if (!match) return notFound(request.method);
  let token: string;
  let subPath: string | null;
  try {
    token = decodeURIComponent(match[1]!);
    subPath = match[2] ? decodeURIComponent(match[2]) : null;
  } catch {
    return notFound(request.method);
  }
  const found = await pageFor(token, subPath, now);
  if (!found) return notFound(request.method);
  if (isView(request)) await countView(request, found.linkId, found.notebookId, now);
  const headers = { ...SHARE_HEADERS, vary: "accept-encoding", "x-quire-cache": found.hit ? "hit" : "miss" };
  if (!acceptsGzip(request)) return { status: 200, headers, body: request.method === "HEAD" ? "" : found.page.html };
  // Compressed once per cached page, on its first gzip request.
  found.page.gzipped ??= gzipSync(found.page.html);
  return { status: 200, headers: { ...headers, "content-encoding": "gzip" }, body: request.method === "HEAD" ? "" : found.page.gzipped };
}

/** True for share page requests (/s/...), whatever the method, so that a wrong one gets the share page's 405. */
export function isShareRequest(url: string): boolean {
  return url.startsWith("/s/");
}

/** Answers a share page request on a Node response. */
export async function handleShare(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = await respondToShare({ method: req.method ?? "GET", path: req.url ?? "/", header: (name) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : null) });
  res.writeHead(reply.status, { ...reply.headers, "content-length": typeof reply.body === "string" ? Buffer.byteLength(reply.body) : reply.body.byteLength });
  res.end(reply.body);
  return Promise.resolve();
}
