// The one mapping from a service's DomainError to what a client receives: a tRPC error, or an HTTP status and JSON body.
import { TRPCError } from "@trpc/server";
import { isDatabaseUnavailable } from "@/db/errors";
import { markDatabaseDown } from "./database-guard";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { DomainError, type DomainErrorKind, type ErrorDetails } from "@/server/services/errors";

/** What a client is told while the database does not answer (PostgreSQL down or restarting): retry soon. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering just now, so nothing was read or saved. Try again in a few seconds.";

/** A DomainError for an error that means the database is unreachable, else the error itself. */
export function asDomainError(err: unknown): unknown {
  if (!isDatabaseUnavailable(err)) return err;
  markDatabaseDown();
  return new DomainError("SERVICE_UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: 5 });
}

/** Each kind of DomainError as a tRPC code and an HTTP status. */
export const ERROR_KINDS = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", status: 400 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", status: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", status: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", status: 404 },
  CONFLICT: { trpc: "CONFLICT", status: 409 },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  UNPROCESSABLE_CONTENT: { trpc: "UNPROCESSABLE_CONTENT", status: 422 },
  TOO_MANY_REQUESTS: { trpc: "TOO_MANY_REQUESTS", status: 429 },
  SERVICE_UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", status: 503 },
} as const satisfies Record<DomainErrorKind, { trpc: TRPC_ERROR_CODE_KEY; status: number }>;

/** What tRPC's error formatter passes on as `data.details`: a DomainError's details, kept as the TRPCError's cause. */
export function detailsOf(error: TRPCError): ErrorDetails | null {
  return error.cause instanceof DomainError ? (error.cause.details ?? null) : null;
}

/** A DomainError as the TRPCError with the same message (the original as its cause); anything else unchanged. */
export function toTRPCError(err: DomainError): TRPCError;
export function toTRPCError(err: unknown): unknown;
export function toTRPCError(raw: unknown): unknown {
  const err = asDomainError(raw);
  if (!(err instanceof DomainError)) return err;
  return new TRPCError({ code: ERROR_KINDS[err.kind].trpc, message: err.message, cause: err });
}

export type HttpError = {
  status: number;
  body: { error: { message: string; code: string; details?: ErrorDetails } };
  headers?: Record<string, string>;
};

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side.";

/**
 * The status, JSON body and headers of a plain HTTP route's error response. A DomainError says what went wrong;
 * anything else is a 500 that reveals nothing (the caller logs the error).
 */
export function httpErrorFrom(raw: unknown): HttpError {
  const err = asDomainError(raw);
  if (!(err instanceof DomainError)) {
    return { status: 500, body: { error: { message: INTERNAL_ERROR_MESSAGE, code: "INTERNAL_SERVER_ERROR" } } };
  }
  const { trpc, status } = ERROR_KINDS[err.kind];
  const error = err.details ? { message: err.message, code: trpc, details: err.details } : { message: err.message, code: trpc };
  return err.retryAfterSeconds === undefined ? { status, body: { error } } : { status, body: { error }, headers: { "retry-after": String(Math.ceil(err.retryAfterSeconds)) } };
}
