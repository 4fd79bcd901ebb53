// While the database does not answer, app pages get a short 503 page that says to retry, instead of Next's error page.
import type { IncomingMessage, ServerResponse } from "node:http";
import { health, type Health } from "@/server/services/lifecycle";

/** How old the last answer from the database may be before a page request asks again (in the background while it is up). */
const RECHECK_MS = 1_000;

const state = { up: true, checkedAt: 0, probe: null as Promise<void> | null };

function recheck(): Promise<void> {
  state.probe ??= checkDatabase()
    .then(() => undefined)
    .finally(() => {
      state.probe = null;
    });
  return state.probe;
}

/** Asks the database now (GET /api/health does too), and remembers the answer for the pages. */
export async function checkDatabase(): Promise<Health> {
  const answer = await health();
  state.up = answer.ok;
  state.checkedAt = Date.now();
  return answer;
}

/** Records that a request just found the database unreachable (server/http/errors.ts), so pages stop going to Next at once. */
export function markDatabaseDown(): void {
  state.up = false;
  state.checkedAt = Date.now();
}

/**
 * True when the database is down. A page asks the database at most once a second (concurrent pages share the probe);
 * once it has been seen down, each page waits for a fresh probe, so pages come back the moment it does.
 */
export async function databaseDown(): Promise<boolean> {
  if (!state.up || Date.now() - state.checkedAt > RECHECK_MS) await recheck();
  return !state.up;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Quire: try again in a moment</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f7f7f5;color:#1d1d1f}main{max-width:32rem;padding:2rem}h1{font-size:1.4rem}</style></head>
<body><main><h1>Quire cannot reach its database just now</h1><p>Nothing was lost: everything saved before is kept. This page will work again as soon as the database answers. Try again in a few seconds.</p></main></body></html>`;

/** The 503 page for a page request while the database is down. */
export function sendDatabaseDownPage(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "retry-after": "5",
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : PAGE);
}
