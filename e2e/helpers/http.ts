// Raw HTTP for the API specs: Node's http from a chosen source address, cookies by hand, tRPC calls and Auth.js sign-in.
import http from "node:http";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; setCookies: string[] };
export type SendOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Loopback source address to send from (e.g. "127.0.0.7"); the server sees it as the client address. */
  from?: string;
  cookie?: string;
};

/** One request on a fresh connection; resolves with whatever the server answered. */
export function send(baseURL: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const url = new URL(path, baseURL);
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? "GET", headers, localAddress: options.from, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), setCookies: res.headers["set-cookie"] ?? [] }),
        );
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${options.method ?? "GET"} ${path} within 15 s`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** name=value pairs of Set-Cookie headers, dropping cookies the server cleared. */
function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((c) => c.split(";")[0]!).filter((pair) => !pair.endsWith("="));
}

export type TrpcReply = Reply & { data?: unknown; error?: { message: string; code: string; httpStatus: number } };

function parseTrpc(reply: Reply): TrpcReply {
  let parsed: { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string; data?: { code?: string; httpStatus?: number } } } };
  try {
    parsed = JSON.parse(reply.body);
  } catch {
    return reply;
  }
  const e = parsed.error?.json;
  return {
    ...reply,
    data: parsed.result?.data?.json,
    error: e ? { message: e.message ?? "", code: e.data?.code ?? "", httpStatus: e.data?.httpStatus ?? 0 } : undefined,
  };
}

/** The ?input= query of a tRPC GET: superjson's envelope around the input. */
export function queryInput(input: unknown): string {
  return input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** A tRPC query (GET) by dotted path. */
export async function trpcQuery(baseURL: string, path: string, input?: unknown, options: SendOptions = {}): Promise<TrpcReply> {
  return parseTrpc(await send(baseURL, `/api/trpc/${path}${queryInput(input)}`, options));
}

/** A tRPC mutation (POST) by dotted path. */
export async function trpcMutation(baseURL: string, path: string, input?: unknown, options: SendOptions = {}): Promise<TrpcReply> {
  const body = input === undefined ? "" : JSON.stringify({ json: input });
  return parseTrpc(await send(baseURL, `/api/trpc/${path}`, { ...options, method: "POST", body, headers: { "content-type": "application/json", ...options.headers } }));
}

/** Parses a raw reply as tRPC. */
export const asTrpc = parseTrpc;

export type SignInResult = { ok: boolean; code: string | null; status: number; location: string; cookie: string };

/**
 * Signs in as a browser form would: CSRF token first, then the credentials callback, from `from` and with
 * any extra headers (e.g. a spoofed X-Forwarded-For) on both requests. `code` is Auth.js's error code on failure.
 */
export async function signIn(baseURL: string, email: string, password: string, options: Pick<SendOptions, "from" | "headers"> = {}): Promise<SignInResult> {
  const csrf = await send(baseURL, "/api/auth/csrf", options);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}: ${csrf.body.slice(0, 200)}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL}/` }).toString();
  const reply = await send(baseURL, "/api/auth/callback/credentials", {
    ...options,
    method: "POST",
    body,
    cookie: cookiePairs(csrf.setCookies).join("; "),
    headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
  });
  if (reply.status < 300 || reply.status >= 400) throw new Error(`sign-in answered ${reply.status}, not a redirect: ${reply.body.slice(0, 200)}`);
  const location = String(reply.headers.location ?? "");
  const session = cookiePairs(reply.setCookies).filter((c) => c.startsWith("authjs.session-token"));
  const failed = new URL(location, baseURL).searchParams.get("error") !== null;
  return {
    ok: !failed && session.length > 0,
    code: new URL(location, baseURL).searchParams.get("code"),
    status: reply.status,
    location,
    cookie: session.join("; "),
  };
}

let sequence = 0;
export const STRONG_PASSWORD = "violet kettle drums quietly";

/** A unique email for a fresh account in this run. */
export function uniqueEmail(label: string): string {
  sequence += 1;
  return `${label}-${Date.now().toString(36)}-${sequence}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Registers a fresh account over HTTP (account.register) and returns its credentials. */
export async function registerAccount(baseURL: string, label: string): Promise<{ id: string; email: string; password: string; name: string }> {
  const account = { name: `E2E ${label}`, email: uniqueEmail(label), password: STRONG_PASSWORD };
  const reply = await trpcMutation(baseURL, "account.register", account);
  if (reply.status !== 200) throw new Error(`account.register answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  return { ...account, id: (reply.data as { id: string }).id };
}
