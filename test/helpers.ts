// Shared test helpers: users, tRPC callers by path, a whole-database snapshot and error assertions.
import { getErrorShape, TRPCError, type AnyTRPCProcedure } from "@trpc/server";
import { tableNames, tableRows } from "@/db/client";
import { toTRPCError } from "@/server/http/errors";
import { register } from "@/server/services/accounts";
import { DomainError } from "@/server/services/errors";
import type { SessionUser } from "@/server/trpc/init";
import { appRouter, createCaller } from "@/server/trpc/root";

export const STRONG_PASSWORD = "correct horse battery staple";
export const OTHER_STRONG_PASSWORD = "violet kettle drums quietly";

let seq = 0;

/** Registers a fresh user through the accounts service. */
export async function makeUser(label = "user"): Promise<SessionUser> {
  seq += 1;
  return register({ name: `${label} ${seq}`, email: `${label}${seq}@example.com`, password: STRONG_PASSWORD });
}

export type Caller = ReturnType<typeof createCaller>;

/** A server-side caller with the context the HTTP handler would build. */
export function callerFor(user: SessionUser | null): Caller {
  return createCaller({ user, requestId: "test", clientIp: "127.0.0.1" });
}

/** Every procedure of the app router, keyed by its dotted path (at run time `_def.procedures` is flat). */
export function allProcedures(): Array<[string, AnyTRPCProcedure]> {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>).sort(([a], [b]) => a.localeCompare(b));
}

/** True when the procedure declares an input parser. */
export function takesInput(procedure: AnyTRPCProcedure): boolean {
  return procedure._def.inputs.length > 0;
}

/** Calls a procedure by its dotted path, e.g. "notebooks.members.add". */
export function callPath(caller: Caller, path: string, input?: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

/**
 * The TRPCError a call throws (a service's DomainError as the API would report it); fails the test when the call
 * succeeds or throws anything else.
 */
export async function trpcError(run: () => Promise<unknown> | unknown): Promise<TRPCError> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    if (error instanceof DomainError) return toTRPCError(error);
    throw error;
  }
  throw new Error(`expected a TRPCError, but the call succeeded with ${JSON.stringify(result)}`);
}

/** The error as a client would receive it, after the app's error formatter. */
export function formatted(error: TRPCError, path: string, input: unknown) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: "unknown",
    path,
    input,
    ctx: { user: null, requestId: "test", clientIp: "127.0.0.1" },
  });
}

/** Tables that a refused request changes by design: throttling counts every attempt, refused ones included. */
const ATTEMPT_COUNTERS = new Set(["rate_limits"]);

/** Every application table with its rows (attempt counters left out), sorted, so two snapshots compare equal only when nothing changed. */
export async function dbSnapshot(): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const name of await tableNames()) {
    if (ATTEMPT_COUNTERS.has(name)) continue;
    snapshot[name] = (await tableRows(name)).map((r) => JSON.stringify(r)).sort();
  }
  return snapshot;
}

const CORE_TABLES = ["users", "notebooks", "memberships", "notes", "events"] as const;

/** Row counts of the core tables. */
export async function rowCounts(): Promise<Record<(typeof CORE_TABLES)[number], number>> {
  const counts: Record<string, number> = {};
  for (const table of CORE_TABLES) counts[table] = (await tableRows(table)).length;
  return counts as Record<(typeof CORE_TABLES)[number], number>;
}
