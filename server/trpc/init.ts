// tRPC setup: context, superjson, an error formatter that turns zod issues into field messages, procedures.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { asDomainError, detailsOf, toTRPCError } from "@/server/http/errors";
import { DomainError } from "@/server/services/errors";
import { serializedOnce } from "@/server/services/read-stamp";

export type SessionUser = { id: string; email: string; name: string };
export type Context = { user: SessionUser | null; requestId: string; clientIp: string };

function firstIssueMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request was not valid.";
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

const t = initTRPC.context<Context>().create({
  // superjson both ways; an answer kept in a per-server cache (read-stamp.ts) is serialised once, not per request.
  transformer: { input: superjson, output: { serialize: (value) => serializedOnce(value, superjson.serialize), deserialize: superjson.deserialize } },
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: zodError
        ? firstIssueMessage(zodError)
        : internal
          ? `Something went wrong on our side. If it keeps happening, quote request ${ctx?.requestId ?? "(unknown)"}.`
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        fieldErrors: zodError ? (z.flattenError(zodError).fieldErrors as Record<string, string[] | undefined>) : null,
        details: detailsOf(error),
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A subscription's events, with a DomainError thrown while they are read turned into its TRPCError. */
async function* domainErrorsMapped<T>(events: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* events;
  } catch (err) {
    throw toTRPCError(err);
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** Every procedure: a DomainError a service throws reaches the client as the TRPCError its kind maps to. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = asDomainError(result.error.cause);
    if (cause instanceof DomainError) throw toTRPCError(cause);
    return result;
  }
  return isAsyncIterable(result.data) ? { ...result, data: domainErrorsMapped(result.data) } : result;
});

/** A procedure that needs a signed-in user; ctx.user is non-null inside it. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError("UNAUTHORIZED", "Sign in to continue.");
  return next({ ctx: { ...ctx, user: ctx.user } });
});
