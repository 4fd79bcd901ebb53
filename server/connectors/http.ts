// One HTTP GET for a connector: timeout, network and HTTP failures turned into ConnectorErrors, secrets kept out of messages.
import "server-only";
import { ConnectorError, type ConnectorOptions } from "./errors";

/** Default time a source has to answer, body included. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** `text` with every secret, and any `api_key=` query value, replaced by `REDACTED`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(/(api_key=)[^&\s"']*/gi, "$1REDACTED");
  for (const secret of secrets) if (secret) out = out.split(secret).join("REDACTED");
  return out;
}

/** A fetched response: its status, content type and whole body as text. */
export type Fetched = { status: number; contentType: string; body: string };

/**
 * GETs `url` and reads the whole body within `timeoutMs`. Any status is returned (the caller knows what each means);
 * a timeout, a failed connection or a body cut off by the connection closing throws a {@link ConnectorError}.
 */
export async function getText(source: string, url: string, opts: ConnectorOptions & { secrets?: string[]; headers?: Record<string, string> }): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const doFetch = opts.fetch ?? fetch;
  try {
    const response = await doFetch(url, { signal, headers: { accept: "application/json, text/csv;q=0.9, */*;q=0.1", ...opts.headers }, redirect: "follow" });
    const body = await response.text();
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", body };
  } catch (err) {
    if (signal.aborted || (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError"))) {
      throw new ConnectorError("timeout", `${source} did not answer within ${formatSeconds(timeoutMs)}.`);
    }
    const reason = err instanceof Error ? redact(causeMessage(err), opts.secrets) : "unknown error";
    throw new ConnectorError("network", `Could not reach ${source}: ${reason}.`);
  }
}

function causeMessage(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause.message : "";
  if (err.message === "terminated") return "the connection closed before the whole response arrived";
  return inner && inner !== err.message ? `${err.message} (${inner})` : err.message;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** Whether a body is an HTML page (an error page, a consent wall, a rate-limit notice) rather than data. */
export function isHtml(fetched: Fetched): boolean {
  return /^\s*</.test(fetched.body) || fetched.contentType.includes("text/html");
}

/** The error for a status the caller does not handle specially. */
export function httpError(source: string, status: number): ConnectorError {
  if (status === 429) return new ConnectorError("http", `${source} is limiting requests (HTTP 429); the refresh will try again later.`, status);
  if (status >= 500) return new ConnectorError("http", `${source} had a server error (HTTP ${status}); the refresh will try again later.`, status);
  return new ConnectorError("http", `${source} answered HTTP ${status}.`, status);
}
