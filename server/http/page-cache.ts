// Serves a signed-in reader's note page from memory while nothing it shows has changed (keyed on database versions), and renders it through Next otherwise.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { todayIso } from "@/server/services/chart-render";
import { notePageVersion } from "@/server/services/note-page-version";
import { callerFrom, SESSION_COOKIE_NAMES } from "./caller";

/** A note page's path (with `?edit` or nothing after it): the one page served from memory. */
const NOTE_PAGE = /^\/notes\/([A-Za-z0-9_-]{1,64})\/?(?:\?(edit(?:=[^&]*)?)?)?$/;
/** Headers of Next's own navigations (RSC payloads, prefetches) and of server actions: those always go to Next. */
const NEXT_REQUEST_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
/** Response headers that belong to one answer, not to the page: never stored with it. */
const PER_ANSWER = new Set(["content-length", "date", "x-request-id", "set-cookie", "transfer-encoding", "connection", "keep-alive", "strict-transport-security", "x-quire-cache"]);

const MAX_ENTRIES = 300;
const MAX_BYTES = 96 * 1024 * 1024;

type CachedPage = { html: Buffer; gzipped: Buffer | null; headers: Record<string, string | number | string[]> };
const globalForPages = globalThis as unknown as { quirePageCache?: { pages: Map<string, CachedPage>; bytes: number } };
const store = (globalForPages.quirePageCache ??= { pages: new Map(), bytes: 0 });

/** Renders the page through Next with this CSP nonce (the edge's usual path for an app page). */
export type RenderPage = (nonce: string) => Promise<void>;

/** The note id and query of a GET that may be served from memory, or null for any other request. */
export function notePageTarget(req: IncomingMessage): { noteId: string; query: string } | null {
  if (req.method !== "GET") return null;
  const match = NOTE_PAGE.exec(req.url ?? "");
  if (!match) return null;
  if (NEXT_REQUEST_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  const cookie = req.headers.cookie;
  if (!cookie || !SESSION_COOKIE_NAMES.some((name) => cookie.includes(`${name}=`))) return null;
  return { noteId: match[1]!, query: match[2] ?? "" };
}

/** True when the client takes gzip (every browser does), unless it says q=0. */
function acceptsGzip(req: IncomingMessage): boolean {
  const accepted = req.headers["accept-encoding"] ?? "";
  return /(^|,)\s*(gzip|\*)\s*(,|;(?!\s*q=0(\.0*)?\s*(,|$))|$)/i.test(String(accepted));
}

/** True when the client asks for a fresh page (a hard reload sends `Cache-Control: no-cache`). */
function wantsFresh(req: IncomingMessage): boolean {
  return /no-cache|no-store/i.test(String(req.headers["cache-control"] ?? "")) || /no-cache/i.test(String(req.headers.pragma ?? ""));
}

function remember(key: string, page: CachedPage): void {
  const old = store.pages.get(key);
  if (old) store.bytes -= old.html.byteLength;
  store.pages.delete(key);
  store.pages.set(key, page);
  store.bytes += page.html.byteLength;
  while (store.pages.size > MAX_ENTRIES || store.bytes > MAX_BYTES) {
    const [oldest, entry] = store.pages.entries().next().value!;
    store.pages.delete(oldest);
    store.bytes -= entry.html.byteLength;
  }
}

/** Copies everything Next writes to the response, and hands it over once the response ends. */
function captureBody(res: ServerResponse, onEnd: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const result = end(chunk, ...rest);
    onEnd(Buffer.concat(chunks));
    return result;
  }) as ServerResponse["end"];
}

/** Stores the rendered page when it is a whole, plain 200 HTML page that set no cookie. */
function storeRendered(key: string, res: ServerResponse, body: Buffer): void {
  const type = String(res.getHeader("content-type") ?? "");
  if (res.statusCode !== 200 || !type.startsWith("text/html") || res.getHeader("set-cookie") !== undefined || res.getHeader("content-encoding") !== undefined) return;
  const headers: CachedPage["headers"] = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_ANSWER.has(name) && value !== undefined) headers[name] = value as string | number | string[];
  remember(key, { html: body, gzipped: null, headers });
}

/**
 * Answers a signed-in reader's note page: from memory when this reader has seen the page in the same state today
 * (the same role, notebook content version, names and tags: `notePageVersion`), else rendered by Next and kept. A
 * kept page keeps its CSP nonce: a page changes only by a new render, which brings a new nonce. Anyone not signed in,
 * not a member or asking for a note that does not exist goes to Next, which answers as always (sign-in, 404).
 */
export async function serveNotePage(req: IncomingMessage, res: ServerResponse, target: { noteId: string; query: string }, render: RenderPage, nonce: () => string): Promise<void> {
  const caller = await callerFrom(new Headers({ cookie: String(req.headers.cookie) }));
  const version = caller?.via === "session" ? await notePageVersion(caller.user, target.noteId) : null;
  if (!caller || version === null) return render(nonce());
  const { user } = caller;
  const key = JSON.stringify([user.id, user.name, user.email, target.noteId, target.query, version, todayIso()]);
  const page: CachedPage | undefined = wantsFresh(req) ? undefined : store.pages.get(key);
  if (page) {
    store.pages.delete(key);
    store.pages.set(key, page);
    const gzip = acceptsGzip(req);
    if (gzip) page.gzipped ??= gzipSync(page.html);
    const body = gzip ? page.gzipped! : page.html;
    for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.writeHead(200, { "content-length": body.byteLength, "x-quire-cache": "hit" });
    res.end(body);
    return;
  }
  // Rendered uncompressed, so that what is kept is the page itself (kept pages are compressed once, on first ask).
  delete req.headers["accept-encoding"];
  res.setHeader("x-quire-cache", "miss");
  captureBody(res, (body) => storeRendered(key, res, body));
  return render(nonce());
}

/** Forgets every kept page (tests). */
export function clearPageCache(): void {
  store.pages.clear();
  store.bytes = 0;
}
