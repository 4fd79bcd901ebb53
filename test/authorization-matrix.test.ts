// Every tRPC procedure against six callers, checked against the one table in test/authorization-matrix.ts; a refusal changes nothing.
import { describe, expect, it } from "vitest";
import { PROCEDURES } from "@/e2e/helpers/procedures";
import { addMember } from "@/server/services/notebooks";
import { createContext } from "@/server/trpc/context";
import type { Context, SessionUser } from "@/server/trpc/init";
import { CALLERS, MATRIX, outcomeOf, PREPARE, shareHolderHeaders, type CallerName } from "./authorization-matrix";
import { allProcedures, callerFor, dbSnapshot, makeUser } from "./helpers";
import { makeFixture, validInputs, type Fixture, type FixturePeople } from "./procedures";

const MUTATIONS = new Set(allProcedures().filter(([, p]) => p._def.type === "mutation").map(([path]) => path));

type People = FixturePeople & { editor: SessionUser };

async function makePeople(label: string): Promise<People> {
  const [owner, member, outsider, editor] = [await makeUser(`${label}o`), await makeUser(`${label}v`), await makeUser(`${label}s`), await makeUser(`${label}e`)];
  return { owner, member, outsider, editor };
}

/** The fixture of test/procedures.ts with an editor besides its viewer; the people are reused, the notebook is new. */
async function matrixFixture(label: string, people: People): Promise<Fixture> {
  const f = await makeFixture(label, people);
  await addMember(f.owner, { notebookId: f.notebookId, email: people.editor.email, role: "editor" });
  return f;
}

async function contextFor(caller: CallerName, f: Fixture, people: People): Promise<Context> {
  const base = { requestId: "matrix", clientIp: "127.0.0.1" };
  switch (caller) {
    case "anonymous":
      return { ...base, user: null };
    case "stranger":
      return { ...base, user: f.outsider };
    case "viewer":
      return { ...base, user: f.member };
    case "editor":
      return { ...base, user: people.editor };
    case "owner":
      return { ...base, user: f.owner };
    case "shareHolder":
      // Built the way the HTTP handler builds it, from a request that carries the share token everywhere.
      return createContext(shareHolderHeaders(f.shareToken));
  }
}

describe("the authorization matrix", () => {
  it("has a row for every procedure of the router, and none for a procedure that no longer exists", () => {
    const procedures = allProcedures().map(([path]) => path);
    const missing = procedures.filter((path) => !(path in MATRIX));
    const stale = Object.keys(MATRIX).filter((path) => !procedures.includes(path));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    for (const path of Object.keys(PREPARE)) expect(procedures, `PREPARE names ${path}`).toContain(path);
  });

  it("has a valid sample for every procedure that takes input, so each row is checked with real ids", async () => {
    const f = await makeFixture("matrixsamples");
    const withInput = allProcedures().filter(([, p]) => p._def.inputs.length > 0).map(([path]) => path);
    expect(Object.keys(validInputs(f)).sort()).toEqual(withInput.sort());
  });

  it("agrees with the HTTP specs' list: a procedure is public there exactly when the matrix lets anonymous callers in", () => {
    const listed = PROCEDURES.map((p) => `${p.path}: ${p.access}`).sort();
    const matrix = Object.entries(MATRIX).map(([path, r]) => `${path}: ${r.anonymous === "ok" ? "public" : "protected"}`).sort();
    expect(listed).toEqual(matrix);
  });

  it("treats a share-link holder as anonymous in tRPC: the token in any header or cookie signs nobody in", async () => {
    const f = await makeFixture("matrixholder");
    const ctx = await createContext(shareHolderHeaders(f.shareToken));
    expect(ctx.user).toBeNull();
    for (const [path, expected] of Object.entries(MATRIX)) expect(expected.shareHolder, path).toBe(expected.anonymous);
  });

  for (const caller of CALLERS) {
    it(`${caller}: every procedure answers as the matrix says, and a refusal leaves the database as it was`, async () => {
      const people = await makePeople(`mx${caller}`);
      const owner = callerFor(people.owner);
      let fixture: Fixture | null = null;
      let made = 0;
      const got: string[] = [];
      const expected: string[] = [];
      const changedOnRefusal: string[] = [];
      for (const [path] of allProcedures()) {
        const want = MATRIX[path]?.[caller];
        if (!want) continue;
        // A fresh notebook whenever the last one was changed, or the row needs the owner to set something up first.
        if (!fixture || PREPARE[path]) {
          made += 1;
          fixture = await matrixFixture(`mx${caller}${made}`, people);
          await PREPARE[path]?.(owner, fixture);
        }
        const ctx = await contextFor(caller, fixture, people);
        const input = validInputs(fixture)[path];
        const before = want === "ok" ? null : JSON.stringify(await dbSnapshot());
        const outcome = await outcomeOf(ctx, path, input);
        if (before !== null && JSON.stringify(await dbSnapshot()) !== before) changedOnRefusal.push(`${path}: refused with ${outcome} but the database changed`);
        got.push(`${path}: ${outcome}`);
        expected.push(`${path}: ${want}`);
        // A changed notebook, or one the owner set up for this row only, is not used again.
        if ((outcome === "ok" && MUTATIONS.has(path)) || PREPARE[path]) fixture = null;
      }
      expect(got).toEqual(expected);
      expect(changedOnRefusal).toEqual([]);
      // Two snapshots of every table per refused call: the time grows with procedures and tables.
    }, 60_000);
  }
});
