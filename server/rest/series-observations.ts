// REST for scripts: push and read a series' observations with a Bearer API token; errors are JSON with a status that says what went wrong.
import { z } from "zod";
import { isoDate, observationsQuery, seriesKeySchema } from "@/lib/validation/series";
import { bearerToken, callerFrom } from "@/server/http/caller";
import { httpErrorFrom } from "@/server/http/errors";
import { badRequest, DomainError, unauthorized } from "@/server/services/errors";
import { pushCsv, pushObservations, readByKey } from "@/server/services/series-import";
import { requestLogger } from "@/server/logger";

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_JSON_OBSERVATIONS = 200_000;

const observationSchema = z.object({
  date: isoDate,
  value: z.number({ error: "“value” must be a number." }).finite({ error: "“value” must be a finite number." }),
});
const observationList = z
  .array(observationSchema, { error: "Send “observations” as a list of {date, value}." })
  .max(MAX_JSON_OBSERVATIONS, { error: `Send at most ${MAX_JSON_OBSERVATIONS.toLocaleString("en-US")} observations per request.` });
const jsonBodySchema = z.object({ observations: observationList }, { error: "Send {\"observations\": [{\"date\": \"2026-01-02\", \"value\": 1.5}]} or a list of {date, value}." });

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}

/** The API token's owner and notebook; a session cookie does not reach REST (scripts only, and no CSRF surface). */
async function principalOf(req: Request): Promise<{ userId: string; notebookId: string }> {
  if (!bearerToken(req.headers)) throw unauthorized("Send an API token as “Authorization: Bearer <token>”. Create one on the Account page.");
  const caller = await callerFrom(req.headers);
  if (caller?.via !== "token") throw unauthorized("That API token is not valid: it is unknown or has been revoked.");
  return { userId: caller.user.id, notebookId: caller.notebookId };
}

function keyOf(raw: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A stray "%" (/api/v1/series/%25/observations arrives decoded as "%") cannot be decoded again; no key has one, so the schema refuses it.
    decoded = raw;
  }
  const parsed = seriesKeySchema.safeParse(decoded);
  if (!parsed.success) throw badRequest(parsed.error.issues[0]!.message);
  return parsed.data;
}

/** A body larger than this is not even drained: the connection is closed on the client. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

const tooLarge = () => new DomainError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send the data in smaller batches.`);

/** Reads the body as UTF-8 text, refusing more than MAX_BODY_BYTES. An oversized body is read to its end (up to a
 * limit) and dropped, so that the client, still sending, gets the 413 instead of a broken pipe. */
async function readBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = declared > MAX_BODY_BYTES;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) over = true;
    if (over) {
      chunks.length = 0;
      if (size > MAX_DRAINED_BYTES) {
        await reader.cancel();
        break;
      }
      continue;
    }
    chunks.push(value);
  }
  if (over) throw tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("The body is not valid UTF-8 text.");
  }
}

function fromError(err: unknown, requestId: string): Response {
  const { status, body, headers } = httpErrorFrom(err);
  if (status >= 500) requestLogger(requestId).error({ err: { message: (err as Error)?.message, stack: (err as Error)?.stack } }, "rest error");
  return json(status, body, headers);
}

/** POST /api/v1/series/{key}/observations: JSON (`{observations:[{date,value}]}` or an array) or CSV (text/csv). */
export async function postObservations(req: Request, rawKey: string): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? "rest";
  try {
    const principal = await principalOf(req);
    const key = keyOf(rawKey);
    const actor = { id: principal.userId };
    const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const text = await readBody(req);
    if (text.trim() === "") throw badRequest("The body is empty. Send JSON {\"observations\":[{\"date\":\"2026-01-02\",\"value\":1.5}]} or a CSV file.");
    if (type === "application/json") {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw badRequest("The body is not valid JSON.");
      }
      const parsed = jsonBodySchema.safeParse(Array.isArray(body) ? { observations: body } : body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw badRequest(`${issue.path.length ? `At ${issue.path.join(".")}: ` : ""}${issue.message}`);
      }
      const observations = parsed.data.observations;
      if (observations.length === 0) throw badRequest("There are no observations in the body.");
      return json(200, await pushObservations(actor, { notebookId: principal.notebookId, key, observations }));
    }
    if (type === "text/csv" || type === "text/plain" || type === "application/csv") {
      const url = new URL(req.url);
      const dateColumn = url.searchParams.get("dateColumn");
      const valueColumn = url.searchParams.get("valueColumn");
      const mapping = dateColumn && valueColumn ? { dateColumn, valueColumn } : undefined;
      return json(200, await pushCsv(actor, { notebookId: principal.notebookId, key, text, mapping }));
    }
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json or text/csv.");
  } catch (err) {
    return fromError(err, requestId);
  }
}

/** GET /api/v1/series/{key}/observations?from&to&asOf: the values as known now or at `asOf`. */
export async function getObservations(req: Request, rawKey: string): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? "rest";
  try {
    const principal = await principalOf(req);
    const key = keyOf(rawKey);
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const query = observationsQuery.safeParse({ from: params.from, to: params.to, asOf: params.asOf });
    if (!query.success) throw badRequest(query.error.issues[0]!.message);
    return json(200, await readByKey({ id: principal.userId }, { notebookId: principal.notebookId, key, ...query.data }));
  } catch (err) {
    return fromError(err, requestId);
  }
}
