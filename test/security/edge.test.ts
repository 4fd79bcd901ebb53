// Attacks on the request edge, replayed over real HTTP: oversized bodies and batches, a batch that would stall other
// requests, form posts and cross-site mutations, forged internal headers; and the headers each kind of answer carries.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSessionVersion } from "@/server/services/accounts";
import { listNotes } from "@/server/services/notes";
import { createSeries } from "@/server/services/series";
import { importIntoSeries } from "@/server/services/series-import";
import { MAX_BATCH_CALLS, MAX_TRPC_BODY_BYTES } from "@/server/http/trpc-policy";
import { startEdgeServer, type EdgeServer } from "@/test/edge-server";
import { FIXTURE_CHART_SPEC, makeFixture, type Fixture } from "@/test/procedures";
import { sessionCookieFor } from "@/test/session-cookie";

let edge: EdgeServer;
let f: Fixture;
let cookie: string;
const seenByNext: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  edge = await startEdgeServer(0, async (req, res) => {
    seenByNext.push({ ...req.headers });
    res.end("page");
  });
  f = await makeFixture("edge");
  cookie = await sessionCookieFor(f.owner);
});

afterAll(() => edge.close());

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** Streams `total` bytes of a JSON-looking body to `path` until the server answers; how many bytes left and what came back. */
function streamBody(path: string, total: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, edge.base);
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    req.write('{"json":"');
    pump();
  });
}

describe("request bodies are capped", () => {
  it("a streamed body over the cap gets a 413 with a JSON message, and the server stops reading", async () => {
    const { status, body, sent } = await streamBody("/api/trpc/account.register", 200 * 1024 * 1024);
    expect(status).toBe(413);
    expect(JSON.parse(body).error.json.message).toMatch(/larger than 2 MB/);
    // The client could push only what fits the cap plus socket buffers before the answer came: nowhere near 200 MB.
    expect(sent).toBeLessThan(MAX_TRPC_BODY_BYTES + 16 * 1024 * 1024);
  });

  it("a declared Content-Length over the cap is refused before any byte is read", async () => {
    const res = await fetch(`${edge.base}/api/trpc/account.register`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(MAX_TRPC_BODY_BYTES + 1) },
      body: "x".repeat(MAX_TRPC_BODY_BYTES + 1),
    }).catch((err: Error) => err);
    expect(res instanceof Response ? res.status : res.message).toBe(413);
  });
});

describe("batches are capped, and one batch does not stall other requests", () => {
  it(`a batch of more than ${MAX_BATCH_CALLS} calls is refused with 413, and nothing is created`, async () => {
    const before = (await listNotes(f.owner, { notebookId: f.notebookId })).length;
    const n = 1000;
    const paths = Array.from({ length: n }, () => "notes.create").join(",");
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { notebookId: f.notebookId, title: `n${i}`, body: "" } }])));
    const res = await fetch(`${edge.base}/api/trpc/${paths}?batch=1`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body });
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toMatch(/at most 20 calls/);
    expect(await listNotes(f.owner, { notebookId: f.notebookId })).toHaveLength(before);
  });

  it("a ping sent while a batch of heavy chart previews runs is answered before the batch", async () => {
    const { id: seriesId } = await createSeries(f.owner, { notebookId: f.notebookId, key: "BIG", name: "Big", unit: "", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null });
    const start = Date.UTC(1860, 0, 1);
    const rows = Array.from({ length: 60_000 }, (_, i) => `${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${100 + Math.sin(i / 50) * 10}`);
    await importIntoSeries(f.owner, { seriesId, text: `date,BIG\n${rows.join("\n")}\n` });
    const spec = { ...FIXTURE_CHART_SPEC, series: ["BIG"], range: { preset: "max" }, annotations: [] };
    const calls = MAX_BATCH_CALLS;
    // Each call at its own width (the server renders at multiples of 80 px), so none is answered from the render cache.
    const batchInput = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { json: { notebookId: f.notebookId, spec, width: 400 + 80 * i } }]));
    const finished: string[] = [];
    const batch = fetch(`${edge.base}/api/trpc/${Array(calls).fill("charts.preview").join(",")}?batch=1&input=${input(batchInput)}`, { headers: { cookie } }).then(async (r) => {
      finished.push(`batch ${r.status}`);
      return r.json();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ping = fetch(`${edge.base}/api/trpc/health.ping`).then((r) => finished.push(`ping ${r.status}`));
    const results = (await batch) as Array<{ result?: unknown }>;
    await ping;
    expect(results.filter((r) => r.result)).toHaveLength(calls);
    expect(finished).toEqual(["ping 200", "batch 200"]);
  });
});

describe("mutations take JSON from Quire's own pages only", () => {
  it("a form post of account.signOutEverywhere with the victim's cookie is refused (415) and the session lives on", async () => {
    const version = await currentSessionVersion(f.owner.id);
    const form = new FormData();
    form.set("x", "1");
    const res = await fetch(`${edge.base}/api/trpc/account.signOutEverywhere`, { method: "POST", headers: { cookie }, body: form });
    expect(res.status).toBe(415);
    expect(await currentSessionVersion(f.owner.id)).toBe(version);
  });

  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["a sibling subdomain", { origin: "http://evil.127.0.0.1" }],
    ["a sandboxed page (Origin: null)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
  ])("%s is refused with 403 and changes nothing", async (_, headers) => {
    const version = await currentSessionVersion(f.owner.id);
    const res = await fetch(`${edge.base}/api/trpc/account.signOutEverywhere`, { method: "POST", headers: { cookie, "content-type": "application/json", ...headers }, body: "{}" });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toMatch(/only from its own pages/);
    expect(await currentSessionVersion(f.owner.id)).toBe(version);
  });

  it("the same call from our own origin goes through", async () => {
    const before = (await listNotes(f.owner, { notebookId: f.notebookId })).length;
    const res = await fetch(`${edge.base}/api/trpc/notes.create`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: edge.base, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ json: { notebookId: f.notebookId, title: "Mine", body: "" } }),
    });
    expect(res.status).toBe(200);
    expect(await listNotes(f.owner, { notebookId: f.notebookId })).toHaveLength(before + 1);
  });
});

describe("headers", () => {
  it("share pages answered by the edge carry the share policy and the every-response headers (Permissions-Policy included)", async () => {
    const res = await fetch(`${edge.base}/s/${f.shareToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'none'/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
  });

  it("pages get a fresh nonce policy without 'unsafe-inline' scripts; a forged CSP or client address never reaches Next", async () => {
    const forged = "script-src 'nonce-attacker'";
    const answers = await Promise.all([0, 1].map(() => fetch(`${edge.base}/notebooks`, { headers: { "content-security-policy": forged, "x-quire-client-ip": "10.6.6.6", "x-forwarded-for": "10.6.6.6" } })));
    const policies = answers.map((r) => r.headers.get("content-security-policy")!);
    for (const policy of policies) {
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
      expect(policy.split(";").find((d) => d.trim().startsWith("script-src"))).not.toMatch(/unsafe-inline/);
    }
    expect(policies[0]).not.toBe(policies[1]);
    const [first, second] = seenByNext.slice(-2);
    expect(first!["content-security-policy"]).toBe(policies[0]);
    expect(second!["content-security-policy"]).toBe(policies[1]);
    expect(first!["x-quire-client-ip"]).toBe("127.0.0.1");
  });

  it("HSTS only when HTTPS came through a trusted proxy", async () => {
    const direct = await fetch(`${edge.base}/api/trpc/health.ping`, { headers: { "x-forwarded-proto": "https" } });
    expect(direct.headers.get("strict-transport-security")).toBeNull();
    const proxied = await startEdgeServer(1);
    try {
      const viaProxy = await fetch(`${proxied.base}/api/trpc/health.ping`, { headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" } });
      expect(viaProxy.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      const plain = await fetch(`${proxied.base}/api/trpc/health.ping`, { headers: { "x-forwarded-proto": "http" } });
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await proxied.close();
    }
  });

  it("API answers are never cached and are not documents", async () => {
    const res = await fetch(`${edge.base}/api/trpc/health.ping`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
