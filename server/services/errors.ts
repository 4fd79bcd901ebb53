// Domain errors: what a service refuses and why, in plain words; server/http/errors.ts maps each kind to a tRPC code and an HTTP status.

/** The kinds of refusal a service can give; each maps to one tRPC code and one HTTP status. */
export type DomainErrorKind =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE_CONTENT"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE";

export type ErrorDetails = Record<string, unknown>;

/** A refusal the caller can act on: a kind, a message for a person, and optionally details and a wait. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly details: ErrorDetails | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: DomainErrorKind, message: string, opts: { details?: ErrorDetails; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "DomainError";
    this.kind = kind;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** The same NOT_FOUND for a thing that does not exist as for one the caller may not see. */
export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `That ${what} does not exist, or you have no access to it.`);
}

/** A CONFLICT that tells the caller what the current state is (sent on as `details`). */
export function conflict(message: string, details?: ErrorDetails): DomainError {
  return new DomainError("CONFLICT", message, { details });
}

/** Input the service refuses, with details (for example the rows of a file that are wrong) when there are any. */
export function badRequest(message: string, details?: ErrorDetails): DomainError {
  return new DomainError("BAD_REQUEST", message, { details });
}

/** A member whose role does not allow the action. */
export function forbidden(message: string): DomainError {
  return new DomainError("FORBIDDEN", message);
}

/** A caller who is not (or no longer) signed in. */
export function unauthorized(message: string): DomainError {
  return new DomainError("UNAUTHORIZED", message);
}
