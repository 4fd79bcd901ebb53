// Which failed queries are tried again: only in the browser, at most twice, never the caller's own errors.
import { describe, expect, it } from "vitest";
import { shouldRetry } from "./query-client";

const serverError = (code: string) => Object.assign(new Error("Sign in to continue."), { code });
const clientError = (code: string) => Object.assign(new Error("Note not found."), { data: { code } });

describe("shouldRetry", () => {
  it("never retries on the server, so a page's prefetch fails at once", () => {
    expect(shouldRetry(0, serverError("INTERNAL_SERVER_ERROR"), false)).toBe(false);
    expect(shouldRetry(0, serverError("SERVICE_UNAVAILABLE"), false)).toBe(false);
  });

  it("does not retry an error the caller caused, whichever side raised it (its message holds no code)", () => {
    for (const code of ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "TOO_MANY_REQUESTS"]) {
      expect(shouldRetry(0, serverError(code), true)).toBe(false);
      expect(shouldRetry(0, clientError(code), true)).toBe(false);
    }
  });

  it("retries a server fault or an unreachable database twice in the browser", () => {
    expect([0, 1, 2].map((n) => shouldRetry(n, clientError("SERVICE_UNAVAILABLE"), true))).toEqual([true, true, false]);
    expect(shouldRetry(0, new TypeError("Failed to fetch"), true)).toBe(true);
  });
});
