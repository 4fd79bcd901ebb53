// What every tRPC call over HTTP is held to: where it is served, how large a body and a batch may be, and how failures are logged.
import type { TRPCError } from "@trpc/server";
import { requestLogger } from "@/server/logger";
import type { Context } from "@/server/trpc/init";

export const TRPC_ENDPOINT = "/api/trpc";

/**
 * Largest tRPC request body: 2 MB. The largest note Quire accepts (200,000 characters, with a title and tags)
 * is at most about 1.2 MB as JSON, even when every character needs an escape.
 */
export const MAX_TRPC_BODY_BYTES = 2 * 1024 * 1024;

/** Largest body of a `series.import` or `series.importMany` call: 64 MB, room for the 40 MB file the import dialog accepts, as JSON. */
export const MAX_IMPORT_BODY_BYTES = 64 * 1024 * 1024;

/** Most calls in one batch; the app's client sends at most 10 (httpBatchLink maxItems). */
export const MAX_BATCH_CALLS = 20;

/** The body cap for a request to this procedure path (a batch gets the general cap). */
export function bodyLimitFor(procedurePath: string): number {
  return procedurePath === "series.import" || procedurePath === "series.importMany" ? MAX_IMPORT_BODY_BYTES : MAX_TRPC_BODY_BYTES;
}

/** Logs internal errors with the request id (the client only sees that id); other errors are the caller's. */
export function reportTrpcError({ error, path, ctx }: { error: TRPCError; path: string | undefined; ctx: Context | undefined }): void {
  if (error.code === "INTERNAL_SERVER_ERROR") {
    requestLogger(ctx?.requestId ?? "unknown").error({ path, err: { message: error.message, stack: error.stack } }, "trpc error");
  }
}
