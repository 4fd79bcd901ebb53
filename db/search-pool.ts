// A small second pool beside the PostgreSQL pool, for note search reads: its connections carry the planner settings a search needs and keep each statement's plan.
import pg from "pg";

/**
 * Settings of every search connection (as startup options, so no statement has to set them):
 * - enable_seqscan off: for a common word the planner reckons a sequential scan cheaper than the GIN index, and it is
 *   not (it reads every note's whole vector: 1.4 s over 100,000 notes against 25 ms);
 * - max_parallel_workers_per_gather 0: parallel workers cost more to start than the few hundred rows a search reads;
 * - plan_cache_mode force_generic_plan: a search's statement is prepared once per connection and its plan kept, where
 *   planning it afresh cost 1.4 to 5.7 ms of each search (its plan does not depend on the words' values).
 */
const SEARCH_OPTIONS = "-c enable_seqscan=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_generic_plan";

/** Connections in a search pool: searches are short, and the main pool keeps the database's connections for the rest. */
const SEARCH_POOL_MAX = 2;

/**
 * How long a search connection lives, so that the statements prepared on it (one per query shape: the words' number
 * and operators, a tag, a notebook) do not pile up on the server.
 */
const SEARCH_CONNECTION_LIFETIME_SEC = 600;

/** Kept on globalThis, as db/client.ts keeps the pool: each bundle in the process has its own copy of this module. */
const shared = globalThis as unknown as { quireSearchPools?: WeakMap<pg.Pool, pg.Pool> };
const searchPools = (shared.quireSearchPools ??= new WeakMap());

/** The search pool beside `pool`, on the same database and with its timeouts, opened on first use. */
export function searchPoolFor(pool: pg.Pool): pg.Pool {
  let search = searchPools.get(pool);
  if (!search) {
    search = new pg.Pool({
      ...pool.options,
      max: SEARCH_POOL_MAX,
      maxLifetimeSeconds: SEARCH_CONNECTION_LIFETIME_SEC,
      options: SEARCH_OPTIONS,
      application_name: "quire-search",
    });
    // As on the main pool: an idle client that loses its server emits 'error'; the next checkout gets a fresh one.
    search.on("error", () => {});
    searchPools.set(pool, search);
  }
  return search;
}

/** Closes the search pool beside `pool`, if one was opened (before the pool itself is closed). */
export async function endSearchPool(pool: pg.Pool): Promise<void> {
  const search = searchPools.get(pool);
  if (!search) return;
  searchPools.delete(pool);
  await search.end();
}
