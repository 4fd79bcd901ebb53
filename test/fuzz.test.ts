// Fuzz: random and malformed inputs to every procedure, as stranger, viewer and anonymous, and malformed ones as owner: never a 500, nothing changed that the caller may not change.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getObservations, postObservations } from "@/server/rest/series-observations";
import { createToken } from "@/server/services/api-tokens";
import { flushShareViews } from "@/server/services/share-links";
import { respondToShare } from "@/server/http/share";
import type { SessionUser } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { MATRIX, type CallerName } from "./authorization-matrix";
import { allProcedures, callPath, dbSnapshot } from "./helpers";
import { makeFixture, validInputs, type Fixture } from "./procedures";
import { OPTIONAL_FIELDS, WELL_TYPED_FIELDS } from "./procedure-fields";

/** The base seed; each procedure's property runs with its own seed derived from it. Set FUZZ_SEED to replay a failure. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
const RUNS_PER_ROLE = Number(process.env.FUZZ_RUNS ?? 10);
const MALFORMED_RUNS = Number(process.env.FUZZ_MALFORMED_RUNS ?? 20);
/** Room for bigger replays (FUZZ_RUNS=200) without the default 20 s limit. */
const TIMEOUT = { timeout: 20_000 + 2_000 * Math.max(RUNS_PER_ROLE, MALFORMED_RUNS) };

const PROCEDURES = allProcedures().map(([path, p]) => ({ path, type: p._def.type, takesInput: p._def.inputs.length > 0 }));

let f: Fixture;
let samples: Record<string, Record<string, unknown>>;
/** Ids of the fixture's rows, which a stranger must never see in an answer. */
let privateIds: string[];
/** The owner's API token for the fixture's notebook (the fixture keeps only its id). */
let apiToken: string;

beforeAll(async () => {
  f = await makeFixture("fuzz");
  samples = validInputs(f);
  apiToken = (await createToken(f.owner, { notebookId: f.notebookId, name: "fuzz" })).token;
  privateIds = [f.notebookId, f.noteId, f.seriesId, f.chartId, f.tokenId, f.questionId, f.shareLinkId, f.commentId, f.owner.id, f.member.id];
});

type Result = { outcome: string; value?: unknown };

/** One call in a fresh context: "ok" with the value (a subscription that opened is closed at once) or the error's code. */
async function call(user: SessionUser | null, path: string, input: unknown): Promise<Result> {
  const controller = new AbortController();
  try {
    const value = await callPath(createCaller({ user, requestId: "fuzz", clientIp: "127.0.0.1" }, { signal: controller.signal }), path, input);
    if (PROCEDURES.find((p) => p.path === path)?.type !== "subscription") return { outcome: "ok", value };
    const events = (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const first = events.next().then(
      () => "ok",
      (error: unknown) => (error as { code?: string }).code ?? `threw ${String(error)}`,
    );
    const outcome = await Promise.race([first, new Promise<string>((resolve) => setTimeout(() => resolve("ok"), 10))]);
    controller.abort();
    await events.return?.().catch(() => undefined);
    return { outcome };
  } catch (error) {
    return { outcome: (error as { code?: string }).code ?? `threw ${String(error)}` };
  } finally {
    controller.abort();
  }
}

/** Random inputs around a sample: anything at all, any object, the sample with one field replaced by anything or left out, or with extra keys. */
function randomInputs(sample: Record<string, unknown> | undefined): fc.Arbitrary<unknown> {
  const wild = [fc.anything(), fc.object(), fc.constant(undefined)];
  if (!sample || Object.keys(sample).length === 0) return fc.oneof(...wild);
  const keys = Object.keys(sample);
  return fc.oneof(
    ...wild,
    fc.tuple(fc.constantFrom(...keys), fc.anything()).map(([key, value]) => ({ ...sample, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key))),
    fc.dictionary(fc.string(), fc.anything(), { minKeys: 1, maxKeys: 4 }).map((extra) => ({ ...extra, ...sample })),
  );
}

/** A value of another kind than `value`, so that the field can only be refused. */
function wrongKindOf(value: unknown): fc.Arbitrary<unknown> {
  const object = fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 });
  if (typeof value === "string") return fc.oneof(fc.integer(), fc.double(), fc.boolean(), object, fc.array(fc.integer(), { minLength: 1, maxLength: 3 }));
  if (typeof value === "number") return fc.oneof(fc.string(), fc.boolean(), object, fc.array(fc.anything(), { maxLength: 3 }));
  if (Array.isArray(value)) return fc.oneof(fc.string(), fc.integer(), fc.boolean(), object);
  // A Date (asOf) coerces from ISO text only: objects and booleans are no date.
  if (value instanceof Date) return fc.oneof(fc.boolean(), object);
  return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }));
}

/** Inputs malformed by construction: not an object at all, a required field left out, or a field of the wrong kind. */
function malformedInputs(path: string, sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const optional = OPTIONAL_FIELDS[path] ?? [];
  const required = Object.keys(sample).filter((k) => !optional.includes(k));
  const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }));
  const wrongField = fc
    .constantFrom(...Object.keys(sample))
    .chain((key) => wrongKindOf(sample[key]).map((value) => ({ key, value })))
    .filter(({ key, value }) => !WELL_TYPED_FIELDS[path]?.[key]?.accepts(value))
    .map(({ key, value }) => ({ ...sample, [key]: value }));
  const parts: Array<fc.Arbitrary<unknown>> = [notAnObject, wrongField];
  if (required.length > 0) parts.push(fc.constantFrom(...required).map((key) => Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key))));
  return fc.oneof(...parts);
}

/** Runs a property with a seed of its own, naming the procedure, the seed and how to replay it when it fails. */
async function check(label: string, index: number, property: fc.IAsyncProperty<[unknown]>, numRuns: number): Promise<string | null> {
  const seed = SEED + index;
  const details = await fc.check(property, { seed, numRuns, endOnFailure: false });
  if (!details.failed) return null;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${label}: seed ${seed} (FUZZ_SEED=${SEED}), path ${details.counterexamplePath}, input ${fc.stringify(details.counterexample?.[0])}: ${error.split("\n")[0]}`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe("fuzz", () => {
  const ROLES: Array<Exclude<CallerName, "editor" | "owner" | "shareHolder">> = ["stranger", "viewer", "anonymous"];

  for (const [roleIndex, role] of ROLES.entries()) {
    it(`${role}: random inputs to every procedure are refused or a harmless read; never a 500, and only what the ${role} may change changes`, TIMEOUT, async () => {
      const user = { stranger: f.outsider, viewer: f.member, anonymous: null }[role];
      const failures: string[] = [];
      for (const [index, p] of PROCEDURES.entries()) {
        const allowed = MATRIX[p.path]![role] === "ok";
        const property = fc.asyncProperty(randomInputs(samples[p.path]), async (input) => {
          const before = await dbSnapshot();
          const { outcome, value } = await call(user, p.path, input);
          const after = await dbSnapshot();
          if (outcome === "INTERNAL_SERVER_ERROR" || outcome.startsWith("threw")) throw new Error(`answered ${outcome}`);
          if (role === "anonymous" && MATRIX[p.path]!.anonymous === "UNAUTHORIZED" && outcome !== "UNAUTHORIZED") throw new Error(`anonymous got ${outcome}`);
          // A write the caller may not make never succeeds; a read that does (a wider list) only shows the caller's own.
          if (!allowed && outcome === "ok" && p.type === "mutation") throw new Error("a refused write succeeded");
          if (role === "stranger" && outcome === "ok" && privateIds.some((id) => JSON.stringify(value ?? null).includes(id))) throw new Error("the answer names a row of the notebook");
          const mayChange = allowed && outcome === "ok" && p.type === "mutation";
          if (!mayChange && !same(before, after)) throw new Error(`${outcome}, and the database changed`);
        });
        const failure = await check(`${role} ${p.path}`, roleIndex * 1000 + index, property, RUNS_PER_ROLE);
        if (failure) failures.push(failure);
      }
      expect(failures).toEqual([]);
    });
  }

  it("owner: inputs malformed by construction are BAD_REQUEST for every procedure that takes input, and change nothing", TIMEOUT, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [index, p] of PROCEDURES.entries()) {
      if (!p.takesInput) continue;
      checked += 1;
      const property = fc.asyncProperty(malformedInputs(p.path, samples[p.path]!), async (input) => {
        const before = await dbSnapshot();
        const { outcome } = await call(f.owner, p.path, input);
        if (outcome !== "BAD_REQUEST") throw new Error(`answered ${outcome}`);
        if (!same(before, await dbSnapshot())) throw new Error("the database changed");
      });
      const failure = await check(`owner ${p.path}`, 9000 + index, property, MALFORMED_RUNS);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  /** Raw path segments as a client may send them: encoded or not, with stray and broken percent escapes. */
  const rawSegment = fc.oneof(
    fc.constant("RUT"),
    fc.string({ maxLength: 30 }),
    fc.string({ maxLength: 20 }).map((t) => encodeURIComponent(t.replace(/[\uD800-\uDFFF]/g, "?"))),
    fc.constantFrom("%", "%E0%A4%A", "%ZZ", "RUT%", "%25", "%00", "..%2F", "R%55T", "k".repeat(300)),
  );
  const contentTypes = fc.constantFrom("application/json", "text/csv", "text/plain", "application/csv", "multipart/form-data", "", "x/y");

  it("REST series endpoint: random keys, bodies, content types and credentials never get a 5xx; only an accepted POST changes anything", TIMEOUT, async () => {
    const property = fc.asyncProperty(
      fc.record({
        key: rawSegment,
        method: fc.constantFrom("GET", "POST"),
        auth: fc.oneof(fc.constant(`Bearer ${apiToken}`), fc.constant(`Bearer ${f.shareToken}`), fc.string({ maxLength: 40 }).map((t) => `Bearer ${t}`), fc.constant("")),
        type: contentTypes,
        body: fc.oneof(fc.string({ maxLength: 60 }), fc.jsonValue().map((v) => JSON.stringify(v)), fc.constant("date,value\n2026-01-02,2000\n")),
        query: fc.dictionary(fc.constantFrom("from", "to", "asOf", "dateColumn", "valueColumn", "x"), fc.string({ maxLength: 20 })),
      }),
      async ({ key, method, auth, type, body, query }) => {
        const url = new URL("http://127.0.0.1/api/v1/series/k/observations");
        for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
        const headers = new Headers();
        if (auth) headers.set("authorization", auth);
        if (type) headers.set("content-type", type);
        const before = await dbSnapshot();
        const res = method === "GET" ? await getObservations(new Request(url, { headers }), key) : await postObservations(new Request(url, { method, headers, body }), key);
        if (res.status >= 500) throw new Error(`answered ${res.status}: ${await res.text()}`);
        const accepted = method === "POST" && res.status === 200;
        // A valid token's use is noted (last used), at most once a minute: compare everything else.
        const strip = (snapshot: Record<string, string[]>) => ({ ...snapshot, api_tokens: [] });
        if (!accepted && !same(strip(before), strip(await dbSnapshot()))) throw new Error(`answered ${res.status}, and the database changed`);
      },
    );
    const failure = await check("REST series observations", 8000, property, MALFORMED_RUNS * 10);
    expect(failure).toBeNull();
  });

  it("share pages: random paths and methods are 200, 404 or 405, never a 5xx, and only a view is counted", TIMEOUT, async () => {
    const property = fc.asyncProperty(
      fc.record({
        path: fc.oneof(
          fc.constant(`/s/${f.shareToken}`),
          rawSegment.map((t) => `/s/${t}`),
          fc.tuple(fc.constantFrom(f.shareToken, "x".repeat(43)), rawSegment).map(([t, n]) => `/s/${t}/${n}`),
          fc.string({ maxLength: 60 }),
        ),
        method: fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "get", ""),
        agent: fc.option(fc.string({ maxLength: 30 })),
      }),
      async ({ path, method, agent }) => {
        await flushShareViews();
        const before = await dbSnapshot();
        const reply = await respondToShare({ method, path, header: (name) => (name === "user-agent" ? agent : null) });
        if (![200, 404, 405].includes(reply.status)) throw new Error(`answered ${reply.status}`);
        if (reply.status === 200 && !path.startsWith(`/s/${f.shareToken}`)) throw new Error("opened a page the token does not reach");
        if (reply.status !== 200 && !same(before, await dbSnapshot())) throw new Error("the database changed");
      },
    );
    const failure = await check("share pages", 8500, property, MALFORMED_RUNS * 10);
    expect(failure).toBeNull();
  });
});
