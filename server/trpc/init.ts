// tRPC setup: context, superjson, an error formatter that turns zod issues into field messages, procedures.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { ErrorDetails } from "@/server/services/errors";

export type SessionUser = { id: string; email: string; name: string };
export type Context = { user: SessionUser | null; requestId: string; clientIp: string };

function firstIssueMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request was not valid.";
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
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
        details: error.cause instanceof ErrorDetails ? error.cause.details : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** A procedure that needs a signed-in user; ctx.user is non-null inside it. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
