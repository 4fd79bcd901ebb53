// The QueryClient factory shared by the server (prefetch, dehydrate) and the browser (hydrate).
import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/query-core";
import superjson from "superjson";

/** A QueryClient that carries superjson data across the server/browser boundary, pending queries included. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30 * 1000, retry: (count, error) => count < 2 && !/UNAUTHORIZED|NOT_FOUND|FORBIDDEN/.test(String(error)) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
