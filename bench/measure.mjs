// Measures one request with autocannon after a warm-up, and counts every response that was not the expected one.
import autocannon from "autocannon";

const round = (n) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : null);

/** One request by hand first, so a broken case fails at once with its status instead of after a full run. */
async function probe(url, { method, headers, body, verify, expectStatus }) {
  let response, text;
  try {
    response = await fetch(url, { method, headers, body, redirect: "manual" });
    text = await response.text();
  } catch (error) {
    return `${method} failed: ${error.cause?.code ?? error.cause?.message ?? error.message}`;
  }
  const statusOk = expectStatus ? response.status === expectStatus : response.status >= 200 && response.status < 300;
  if (!statusOk) return `${method} answered ${response.status} (expected ${expectStatus ?? "2xx"}): ${text.slice(0, 160).replace(/\s+/g, " ")}`;
  if (verify && !verify(text)) return `the response body did not pass the case's check: ${text.slice(0, 160)}`;
  return null;
}

/**
 * Runs the load and returns { reqPerSec, p50, p99, non2xx, errors, statusCodes, requests, error }.
 * `expectStatus` (default: any 2xx) is only for the ceiling's stand-in; `errors` includes timeouts and failed body checks.
 */
export async function measure(url, { method = "GET", headers = {}, body, verify, verifyFirst, expectStatus, durationSec, warmupSec, connections }) {
  // `verifyFirst` checks only the first response (fetch decodes it), for compressed answers autocannon cannot read.
  const probeError = await probe(url, { method, headers, body, verify: verify ?? verifyFirst, expectStatus });
  if (probeError) return { reqPerSec: null, p50: null, p99: null, non2xx: 1, errors: 0, statusCodes: {}, requests: 1, error: probeError };
  const result = await autocannon({
    url,
    method,
    headers,
    body,
    connections,
    duration: durationSec,
    timeout: 10,
    verifyBody: verify,
    warmup: warmupSec > 0 ? { connections, duration: warmupSec } : undefined,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const unexpected = expectStatus ? total - (statusCodes[expectStatus] ?? 0) : result.non2xx;
  const errors = result.errors + result.mismatches;
  const problems = [];
  if (unexpected > 0) problems.push(`${unexpected} responses with an unexpected status (${JSON.stringify(statusCodes)})`);
  if (errors > 0) problems.push(`${errors} errors (${result.timeouts} timeouts, ${result.mismatches} failed body checks)`);
  if (total === 0) problems.push("no responses at all");
  return {
    reqPerSec: round(result.requests.average),
    p50: round(result.latency.p50),
    p99: round(result.latency.p99),
    non2xx: expectStatus ? unexpected : result.non2xx,
    errors,
    statusCodes,
    requests: result.requests.total,
    error: problems.length > 0 ? problems.join("; ") : null,
  };
}
