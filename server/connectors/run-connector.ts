// Runs the connector a series is set up with: its kind and source reference (a FRED series id or a Yahoo symbol).
import "server-only";
import { type ConnectorKind, type FetchResult } from "./errors";
import { fetchFred } from "./fred";
import { fetchYahoo } from "./yahoo";

/** Fetches `sourceRef` from the connector `kind` (FRED through its API when `fredApiKey` is set, else its graph CSV). */
export async function runConnector(
  kind: ConnectorKind,
  sourceRef: string,
  opts: { fredApiKey?: string; fetch?: typeof fetch; timeoutMs?: number; baseUrl?: string; from?: string },
): Promise<FetchResult> {
  const { fredApiKey, ...common } = opts;
  switch (kind) {
    case "fred":
      return fetchFred({ seriesId: sourceRef, apiKey: fredApiKey }, common);
    case "yahoo":
      return fetchYahoo({ symbol: sourceRef }, common);
  }
}
