// A fake `fetch` for connector tests: serves recorded responses by URL, records each request, never touches the network.
import { readFileSync } from "node:fs";
import path from "node:path";

/** The text of a recorded response under test/fixtures/connectors/. */
export function recorded(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "fixtures/connectors", name), "utf8");
}

/** A recorded answer: status (200 unless said), body, and content type (JSON unless said). */
export type Reply = { status?: number; body: string; contentType?: string };

/** A `fetch` that answers every request with `reply` (or with what `reply` returns for its URL) and keeps the URLs it saw. */
export function fakeFetch(reply: Reply | ((url: URL) => Reply)): typeof fetch & { urls: URL[] } {
  const urls: URL[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    urls.push(url);
    init?.signal?.throwIfAborted();
    const r = typeof reply === "function" ? reply(url) : reply;
    return new Response(r.body, { status: r.status ?? 200, headers: { "content-type": r.contentType ?? "application/json" } });
  };
  return Object.assign(fn as typeof fetch, { urls });
}

/** A `fetch` that never answers: it rejects only when the request's signal aborts (a timeout). */
export function hangingFetch(): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      if (!signal) return;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    })) as typeof fetch;
}
