// Over real HTTP, fuzzed with fast-check (seeded; E2E_FUZZ_SEED replays): random inputs, bodies, query strings and content types to every tRPC path, REST route and /s/ path never get a 5xx.
import http from "node:http";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { registerAccount, signIn, trpcMutation, trpcQuery } from "./helpers/http";
import { PROCEDURES } from "./helpers/procedures";

const SEED = Number(process.env.E2E_FUZZ_SEED ?? 20_260_602);
const RUNS = Number(process.env.E2E_FUZZ_RUNS ?? 15);
/** Requests come from their own loopback address, so that failed sign-ins here throttle no other spec. */
const FROM = "127.0.0.61";

type Probe = { method: string; path: string; headers: Record<string, string>; body?: string };
type Answer = { status: number; body: string };

/** Sends one request and reads the answer; an event stream is read for a moment and then closed (a subscription that opened never ends). */
function probe(base: string, p: Probe): Promise<Answer> {
  const url = new URL(base);
  const headers = { ...p.headers };
  if (p.body !== undefined) headers["content-length"] = String(Buffer.byteLength(p.body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: p.path, method: p.method, headers, localAddress: FROM, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const done = () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", done);
      if (String(res.headers["content-type"]).includes("text/event-stream")) {
        setTimeout(() => {
          done();
          req.destroy();
        }, 150);
      }
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${p.method} ${p.path.slice(0, 200)} within 15 s`)));
    req.on("error", reject);
    req.end(p.body);
  });
}

/** A 5xx status, or a 5xx error inside a 200 (a tRPC batch, or a subscription's event stream). */
function serverError(a: Answer): boolean {
  return a.status >= 500 || /"httpStatus":5\d\d|INTERNAL_SERVER_ERROR/.test(a.body);
}

const printable = (max: number) => fc.string({ unit: fc.constantFrom(..."abcXYZ019 -_.~!*'();:@&=+$,/?%#[]{}\"<>\\^`|"), maxLength: max });
const anyText = fc.oneof(printable(60), fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom("", "%", "%E0%A4%A", "%00", "%ZZ", "..%2F..%2F", "null", "undefined"));
const json = (value: unknown) => JSON.stringify(value) ?? "null";
/** encodeURIComponent for any string: a lone surrogate (which it cannot encode) becomes U+FFFD first. */
const encode = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));

/** superjson envelopes that claim types the input does not have, or point at prototypes. */
const superjsonTricks = fc.constantFrom(
  { json: { a: 1 }, meta: { values: { a: ["bigint"] } } },
  { json: { a: "x" }, meta: { values: { a: [["custom", "nope"]] } } },
  { json: { a: {} }, meta: { values: { a: ["class"] } } },
  { json: { a: 1, b: 1 }, meta: { referentialEqualities: { a: ["b.c.d"] } } },
  { json: { a: 1 }, meta: { values: { "__proto__.polluted": ["undefined"] } } },
  { json: {}, meta: { values: { "constructor.prototype.polluted": ["undefined"] } } },
  { json: { a: "x" }, meta: { values: { a: ["Date"] } } },
  { json: { a: ["x"] }, meta: { values: { a: ["set"] } } },
  { json: { a: [["x"]] }, meta: { values: { a: ["map"] } } },
  { json: 1, meta: "not an object" },
  { meta: { values: [] } },
);

/** An input as it travels: superjson's envelope around anything, a trick envelope, or no envelope at all. */
const envelope = fc.oneof(
  fc.anything().map((value) => json({ json: value })),
  fc.jsonValue().map(json),
  superjsonTricks.map(json),
  anyText,
);

const CONTENT_TYPES = ["application/json", "application/json; charset=latin1", "text/plain", "text/csv", "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded", "application/octet-stream", "", "garbage/;;;"];
const contentType = fc.constantFrom(...CONTENT_TYPES);

type Who = { cookie?: string };

/** A random request to one tRPC path: a query or mutation or batch, with a random input or body, signed in or not. */
function trpcProbe(path: string, type: string | undefined, who: Who[]): fc.Arbitrary<Probe> {
  // Mostly the procedure's own method, JSON and a session, so that most requests get past the front door to the input parser.
  const own = type === "mutation" ? "POST" : "GET";
  return fc
    .record({
      method: fc.oneof({ arbitrary: fc.constant(own), weight: 4 }, { arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"), weight: 1 }),
      batch: fc.boolean(),
      input: envelope,
      body: fc.oneof(envelope, anyText),
      type: fc.oneof({ arbitrary: fc.constant("application/json"), weight: 3 }, { arbitrary: contentType, weight: 1 }),
      who: fc.oneof({ arbitrary: fc.constant(who[0]!), weight: 3 }, { arbitrary: fc.constantFrom(...who), weight: 1 }),
    })
    .map(({ method, batch, input, body, type, who }) => {
      const query = batch ? `?batch=1&input=${encode(json({ 0: safeParse(input) }))}` : `?input=${encode(input)}`;
      const headers: Record<string, string> = { "content-type": type };
      if (who.cookie) headers.cookie = who.cookie;
      const target = batch ? `${path},${path}` : path;
      return { method, path: `/api/trpc/${target}${method === "GET" ? query : batch ? "?batch=1" : ""}`, headers, body: method === "GET" ? undefined : body };
    });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Every status seen, so the test can tell that the fuzz reached the parsers and the access checks, not only a front door. */
const seen = new Map<number, number>();

/** Runs requests from an arbitrary and fails listing every 5xx, each with the seed that makes it and the request. */
async function fuzz(base: string, label: string, seed: number, requests: fc.Arbitrary<Probe>, runs: number, failures: string[]) {
  const details = await fc.check(
    fc.asyncProperty(requests, async (p) => {
      const answer = await probe(base, p);
      seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
      if (serverError(answer)) throw new Error(`${p.method} ${p.path.slice(0, 300)} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  if (details.failed) failures.push(`${label}: seed ${seed} (E2E_FUZZ_SEED=${SEED}): ${String((details.errorInstance as Error)?.message ?? details.errorInstance).split("\n")[0]}`);
}

test("random requests to every tRPC path, REST route and share path never get a 5xx", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const base = baseURL!;
  const account = await registerAccount(base, "fuzz");
  const cookie = (await signIn(base, account.email, account.password)).cookie;
  const nb = await trpcMutation(base, "notebooks.create", { name: "Fuzz desk", description: "" }, { cookie });
  const notebookId = (nb.data as { id: string }).id;
  const note = await trpcMutation(base, "notes.create", { notebookId, title: "Fuzzed", body: "Text." }, { cookie });
  const noteId = (note.data as { id: string }).id;
  const link = await trpcMutation(base, "share.create", { targetType: "note", targetId: noteId, label: "Fuzz", mode: "live" }, { cookie });
  const shareToken = (link.data as { token: string }).token;
  const token = await trpcMutation(base, "tokens.create", { notebookId, name: "fuzz" }, { cookie });
  const apiToken = (token.data as { token: string }).token;
  // Signed in first (the usual case above), then anonymous, then a share token offered as a session.
  const who: Who[] = [{ cookie }, {}, { cookie: `authjs.session-token=${shareToken}` }];
  const failures: string[] = [];

  const paths = [...PROCEDURES.map((p) => [p.path, p.type] as const), ["no.such.procedure", undefined] as const, ["notes", undefined] as const, ["", undefined] as const];
  for (const [index, [path, type]] of paths.entries()) {
    await fuzz(base, `tRPC ${path}`, SEED + index, trpcProbe(path, type, who), RUNS, failures);
    // account.signOutEverywhere ends the session (as a random changePassword could): sign in again for the next paths.
    if ((await trpcQuery(base, "account.me", undefined, { cookie: who[0]!.cookie })).status === 401) who[0]!.cookie = (await signIn(base, account.email, account.password)).cookie;
  }

  const seriesKey = fc.oneof(fc.constant("RUT"), printable(70), fc.string({ maxLength: 20 })).map(encode);
  const bearer = fc.oneof(fc.constant(`Bearer ${apiToken}`), fc.constant(`Bearer ${shareToken}`), printable(80), fc.constant(""));
  const rest = fc.record({ key: seriesKey, method: fc.constantFrom("GET", "POST", "PUT", "DELETE"), auth: bearer, type: contentType, body: fc.oneof(anyText, fc.jsonValue().map(json), envelope), query: printable(60) }).map(
    ({ key, method, auth, type, body, query }): Probe => ({
      method,
      path: `/api/v1/series/${key || "x"}/observations?${encodeURI(query).replace(/#/g, "%23")}`,
      headers: { authorization: auth, "content-type": type },
      body: method === "GET" ? undefined : body,
    }),
  );
  await fuzz(base, "REST series observations", SEED + 500, rest, RUNS * 15, failures);

  const exportProbe = fc.record({ id: fc.oneof(fc.constant(noteId), printable(70)), format: printable(10), signedIn: fc.boolean(), method: fc.constantFrom("GET", "POST", "HEAD") }).map(
    ({ id, format, signedIn, method }): Probe => ({
      method,
      path: `/api/notes/${encode(id) || "x"}/export?format=${encode(format)}`,
      headers: signedIn ? { cookie } : {},
    }),
  );
  await fuzz(base, "REST note export", SEED + 600, exportProbe, RUNS * 8, failures);

  const authProbe = fc.record({ rest: fc.constantFrom("session", "csrf", "providers", "signin", "signout", "callback/credentials", "error", "nope/deeper"), method: fc.constantFrom("GET", "POST"), type: contentType, body: fc.oneof(anyText, fc.jsonValue().map(json)), query: printable(40) }).map(
    ({ rest, method, type, body, query }): Probe => ({
      method,
      path: `/api/auth/${rest}?${encodeURI(query).replace(/#/g, "%23")}`,
      headers: { "content-type": type },
      body: method === "GET" ? undefined : body,
    }),
  );
  await fuzz(base, "Auth.js routes", SEED + 700, authProbe, RUNS * 6, failures);

  const sharePath = fc.oneof(
    fc.constant(`/s/${shareToken}`),
    fc.constant(`/s/${shareToken}/${noteId}`),
    printable(60).map((t) => `/s/${encode(t)}`),
    fc.tuple(printable(50), printable(30)).map(([t, n]) => `/s/${encode(t)}/${encode(n)}`),
    fc.constantFrom("/s/", "/s//", `/s/${shareToken}//`, `/s/${shareToken}/a/b/c`, "/s/%E0%A4%A", "/s/%", `/s/${shareToken}?x=%`, `/s/${"A".repeat(5000)}`),
  );
  const shareProbe = fc.record({ path: sharePath, method: fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"), type: contentType, body: anyText, agent: printable(40) }).map(
    ({ path, method, type, body, agent }): Probe => ({
      method,
      path,
      headers: { "content-type": type, "user-agent": agent, authorization: `Bearer ${shareToken}` },
      body: ["GET", "HEAD"].includes(method) ? undefined : body,
    }),
  );
  await fuzz(base, "share pages", SEED + 800, shareProbe, RUNS * 12, failures);

  expect(failures).toEqual([]);
  // Refused as unsigned (401), as malformed (400), as unknown (404) or as the wrong method (405), and some accepted.
  expect([...seen.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404, 405]));
  console.log(`e2e fuzz: seed ${SEED}, ${[...seen.values()].reduce((a, b) => a + b, 0)} requests, statuses ${JSON.stringify(Object.fromEntries(seen))}`);
});
