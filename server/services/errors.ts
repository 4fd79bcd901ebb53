// Service errors that carry details a client needs to recover (for example the current note on a conflict).
import { TRPCError } from "@trpc/server";

/** The cause of an error whose details the API passes on to the caller as `data.details`. */
export class ErrorDetails extends Error {
  constructor(readonly details: Record<string, unknown>) {
    super("details");
  }
}

/** A CONFLICT that tells the caller what the current state is. */
export function conflict(message: string, details: Record<string, unknown>): TRPCError {
  return new TRPCError({ code: "CONFLICT", message, cause: new ErrorDetails(details) });
}

/** The same NOT_FOUND for a thing that does not exist as for one the caller may not see. */
export function notFound(what: "note" | "notebook" | "revision"): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `That ${what} does not exist, or you have no access to it.` });
}
