// The benchmark cases: the ceiling every case is compared with, then one entry per measured request.

/**
 * @typedef {object} Bar            What a case must reach; printed as pass or fail.
 * @property {number} [minRatio]    req/s at least this fraction of the ceiling, or of the case named by `of`
 * @property {string} [of]          name of another case to take the ratio against (default: the ceiling)
 * @property {number} [maxP50]      p50 latency in ms at most this
 * @property {number} [maxP99]      p99 latency in ms at most this
 *
 * @typedef {object} BenchCase
 * @property {string} name
 * @property {string} path                          request path (and query) on the app
 * @property {"GET"|"POST"} [method]                default GET
 * @property {string} [body]                        request body (POST)
 * @property {Record<string, string>} [headers]
 * @property {boolean} [signedIn]                   send the demo user's session cookie
 * @property {(body: string) => boolean} [verify]   every response body must pass (a failure counts as an error)
 * @property {Bar} [bar]
 */

/** A static page of ours, prerendered at build time: the most any route can hope for in the same run. */
export const CEILING = { name: "static page (ceiling)", path: "/" };

const trpcResult = (body) => body.startsWith('{"result":');

/** What every browser sends; Next then compresses its pages, and share pages come precompressed from their cache. */
export const BROWSER_ENCODING = { "accept-encoding": "gzip" };

/** @type {BenchCase[]} */
export const CASES = [
  { name: "static page, gzip (as browsers ask)", path: "/", headers: BROWSER_ENCODING },
  { name: "sign-in page", path: "/sign-in" },
  {
    name: "notebooks.list (signed in)",
    path: "/api/trpc/notebooks.list",
    signedIn: true,
    verify: trpcResult,
    bar: { minRatio: 0.9, of: "tRPC bare procedure (signed in)" },
  },
  { name: "tRPC bare procedure", path: "/api/trpc/health.ping", verify: trpcResult },
  // The same bare procedure with a session cookie: what reading the session costs every signed-in call.
  { name: "tRPC bare procedure (signed in)", path: "/api/trpc/health.ping", signedIn: true, verify: trpcResult },
];
