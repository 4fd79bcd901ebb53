// The one error mapping: each DomainError kind to its tRPC code and HTTP status, details kept, unknown errors a 500 that says nothing.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { badRequest, conflict, DomainError, type DomainErrorKind } from "@/server/services/errors";
import { ERROR_KINDS, detailsOf, httpErrorFrom, INTERNAL_ERROR_MESSAGE, toTRPCError } from "./errors";

const EXPECTED: Record<DomainErrorKind, [string, number]> = {
  BAD_REQUEST: ["BAD_REQUEST", 400],
  UNAUTHORIZED: ["UNAUTHORIZED", 401],
  FORBIDDEN: ["FORBIDDEN", 403],
  NOT_FOUND: ["NOT_FOUND", 404],
  CONFLICT: ["CONFLICT", 409],
  PAYLOAD_TOO_LARGE: ["PAYLOAD_TOO_LARGE", 413],
  UNSUPPORTED_MEDIA_TYPE: ["UNSUPPORTED_MEDIA_TYPE", 415],
  UNPROCESSABLE_CONTENT: ["UNPROCESSABLE_CONTENT", 422],
  TOO_MANY_REQUESTS: ["TOO_MANY_REQUESTS", 429],
  SERVICE_UNAVAILABLE: ["SERVICE_UNAVAILABLE", 503],
};

describe("a database that does not answer", () => {
  it("is a 503 that says to retry, for an unreachable server, a connection that timed out or PostgreSQL shutting down", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const shutting = Object.assign(new Error("query failed"), { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) });
    for (const err of [refused, shutting, new Error("timeout exceeded when trying to connect")]) {
      const { status, body, headers } = httpErrorFrom(err);
      expect([status, body.error.code, headers?.["retry-after"]]).toEqual([503, "SERVICE_UNAVAILABLE", "5"]);
      expect(body.error.message).toMatch(/not answering.*Try again/);
      expect((toTRPCError(err) as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
    }
  });

  it("leaves a query's own error (a constraint, a syntax error) a 500 that says nothing", () => {
    expect(httpErrorFrom(Object.assign(new Error("duplicate key"), { code: "23505" })).status).toBe(500);
    expect(httpErrorFrom(new Error("syntax error at or near")).status).toBe(500);
  });
});

describe("DomainError mapping", () => {
  it("covers every kind", () => {
    expect(Object.keys(ERROR_KINDS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED) as Array<[DomainErrorKind, [string, number]]>)("maps %s to its tRPC code and HTTP status", (kind, [code, status]) => {
    const err = new DomainError(kind, `A ${kind} happened.`);
    const trpc = toTRPCError(err);
    expect(trpc).toBeInstanceOf(TRPCError);
    expect([trpc.code, trpc.message, trpc.cause]).toEqual([code, `A ${kind} happened.`, err]);
    expect(getHTTPStatusCodeFromError(trpc)).toBe(status);
    expect(httpErrorFrom(err)).toEqual({ status, body: { error: { message: `A ${kind} happened.`, code } } });
  });

  it("keeps details, for tRPC's data.details and for the HTTP body", () => {
    const err = conflict("Changed elsewhere.", { current: { version: 4 } });
    expect(detailsOf(toTRPCError(err))).toEqual({ current: { version: 4 } });
    const rows = badRequest("2 rows have problems.", { rowErrors: [{ row: 3, message: "bad date" }], errorCount: 2 });
    expect(httpErrorFrom(rows)).toEqual({
      status: 400,
      body: { error: { message: "2 rows have problems.", code: "BAD_REQUEST", details: { rowErrors: [{ row: 3, message: "bad date" }], errorCount: 2 } } },
    });
    expect(detailsOf(new TRPCError({ code: "NOT_FOUND" }))).toBeNull();
  });

  it("sends a wait as Retry-After", () => {
    const limited = new DomainError("TOO_MANY_REQUESTS", "Too many attempts.", { retryAfterSeconds: 29.2 });
    expect(httpErrorFrom(limited)).toMatchObject({ status: 429, headers: { "retry-after": "30" } });
  });

  it("leaves anything else to tRPC, and answers it over HTTP as a 500 that reveals nothing", () => {
    const secret = new Error("SQLITE_CORRUPT: /var/lib/quire/data.db");
    expect(toTRPCError(secret)).toBe(secret);
    const http = httpErrorFrom(secret);
    expect(http).toEqual({ status: 500, body: { error: { message: INTERNAL_ERROR_MESSAGE, code: "INTERNAL_SERVER_ERROR" } } });
    expect(JSON.stringify(http)).not.toContain("SQLITE");
    expect(httpErrorFrom(new TRPCError({ code: "NOT_FOUND", message: "internal detail" })).status).toBe(500);
    expect(httpErrorFrom("a string").status).toBe(500);
  });
});
