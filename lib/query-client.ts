// The QueryClient factory shared by the server (prefetch, dehydrate) and the browser (hydrate).
import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/query-core";
import superjson from "superjson";

/** Errors a retry cannot mend: the caller's own (signed out, no access, gone, bad input), and a refusal to wait. */
const NOT_RETRIED = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "TOO_MANY_REQUESTS", "PAYLOAD_TOO_LARGE"]);

/** The tRPC error code of an error thrown on the server (TRPCError: `code`) or received in the browser (TRPCClientError: `data.code`). */
function codeOf(error: unknown): string | null {
  const e = error as { code?: unknown; data?: { code?: unknown } } | null;
  const code = e?.data?.code ?? e?.code;
  return typeof code === "string" ? code : null;
}

/**
 * Whether a failed query is tried again: in the browser, at most twice, never for an error a retry cannot mend. On the
 * server (a page's prefetch) never: the page renders at once and the browser retries (a retry there cost 3 s a page).
 */
export function shouldRetry(failureCount: number, error: unknown, inBrowser = typeof window !== "undefined"): boolean {
  return inBrowser && failureCount < 2 && !NOT_RETRIED.has(codeOf(error) ?? "");
}

/** A QueryClient that carries superjson data across the server/browser boundary, pending queries included. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30 * 1000, retry: (count, error) => shouldRetry(count, error) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
