// Every procedure except an explicit public allow-list refuses an anonymous caller with UNAUTHORIZED.
import { beforeAll, describe, expect, it } from "vitest";
import { listenerCount } from "@/server/services/live";
import { allProcedures, callerFor, callPath, dbSnapshot, takesInput, trpcError } from "@/test/helpers";
import { makeFixture, validInputs, type Fixture } from "@/test/procedures";

const PUBLIC = ["account.register", "health.ping"];

let fixture: Fixture;
beforeAll(async () => {
  fixture = await makeFixture("anon");
});

describe("anonymous callers", () => {
  it("the router has procedures, and every allow-listed public one exists", () => {
    const paths = allProcedures().map(([path]) => path);
    expect(paths.length).toBeGreaterThan(PUBLIC.length);
    for (const path of PUBLIC) expect(paths).toContain(path);
    for (const [, procedure] of allProcedures()) expect(["query", "mutation", "subscription"]).toContain(procedure._def.type);
  });

  it("gets UNAUTHORIZED from every protected procedure, with valid or garbage input, and changes nothing", async () => {
    const anon = callerFor(null);
    const inputs = validInputs(fixture);
    const before = await dbSnapshot();
    const wrong: string[] = [];
    for (const [path, procedure] of allProcedures()) {
      if (PUBLIC.includes(path)) continue;
      for (const input of [inputs[path], { id: 42 }, null]) {
        if (!takesInput(procedure) && input !== inputs[path]) continue;
        const error = await trpcError(() => callPath(anon, path, input)).catch((e: unknown) => e as Error);
        const code = "code" in error ? error.code : `not a TRPCError: ${error.message}`;
        if (code !== "UNAUTHORIZED") wrong.push(`${path} (${procedure._def.type}) with ${JSON.stringify(input)}: ${code}`);
        else expect(error.message).toBe("Sign in to continue.");
      }
    }
    expect(wrong).toEqual([]);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("cannot open a subscription: UNAUTHORIZED comes before any stream starts listening", async () => {
    const anon = callerFor(null);
    const inputs = validInputs(fixture);
    const subscriptions = allProcedures().filter(([, p]) => p._def.type === "subscription");
    expect(subscriptions.map(([path]) => path)).toEqual(["series.changes"]);
    const listeners = listenerCount();
    for (const [path] of subscriptions) {
      for (const input of [inputs[path], {}, undefined]) {
        const error = await trpcError(() => callPath(anon, path, input));
        expect([path, error.code, error.message]).toEqual([path, "UNAUTHORIZED", "Sign in to continue."]);
      }
    }
    expect(listenerCount()).toBe(listeners);
  });

  it("can use the public procedures", async () => {
    const anon = callerFor(null);
    await expect(anon.health.ping()).resolves.toEqual({ ok: true });
    const input = validInputs(fixture)["account.register"] as { name: string; email: string; password: string };
    const user = await anon.account.register(input);
    expect(user).toMatchObject({ email: input.email, name: input.name });
    expect(user).not.toHaveProperty("passwordHash");
  });
});
