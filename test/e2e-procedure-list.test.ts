// The HTTP specs' hand-kept procedure list (e2e/helpers/procedures.ts) matches the app router, path, type and input.
import type { AnyTRPCProcedure } from "@trpc/server";
import { expect, it } from "vitest";
import { PROCEDURES } from "@/e2e/helpers/procedures";
import { appRouter } from "@/server/trpc/root";

it("lists every procedure of the router, with its type and whether it takes input", () => {
  const router = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)
    .map(([path, p]) => `${path} ${p._def.type} ${p._def.inputs.length > 0 ? "input" : "no-input"}`)
    .sort();
  const listed = PROCEDURES.map((p) => `${p.path} ${p.type} ${p.sample ? "input" : "no-input"}`).sort();
  expect(listed).toEqual(router);
});
