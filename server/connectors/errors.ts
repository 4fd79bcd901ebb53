// The connectors' shared vocabulary: which sources exist, what a fetch returns, and the one error type they throw.
import type { ObservationInput } from "@/lib/series/parse";

/** The sources a series can refresh from on a schedule. */
export type ConnectorKind = "fred" | "yahoo";

/** What a connector fetched: the observations, how many were missing, and for FRED's API the vintage they belong to. */
export type FetchResult = {
  observations: ObservationInput[];
  skippedMissing: number;
  vintage?: { realtimeStart: string; realtimeEnd: string };
};

/** Options every connector takes: an injectable `fetch` (tests), a timeout, another base URL, and a first date. */
export type ConnectorOptions = { fetch?: typeof fetch; timeoutMs?: number; baseUrl?: string; from?: string };

export type ConnectorErrorKind = "bad-request" | "not-found" | "http" | "format" | "timeout" | "network";

/** A refresh that failed, with a message fit to show the user (it never contains an API key). */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}
