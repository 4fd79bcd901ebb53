// Share page benchmarks: a live and a snapshot link to the three-chart note at 10 connections, served from the page
// cache, as browsers ask (gzip; bar: ≥ 0.8× the static page asked the same way, p99 < 50 ms) and uncompressed (against
// the plain static page), with the page's weight and its first-load JavaScript.
import zlib from "node:zlib";
import { BROWSER_ENCODING } from "./cases.mjs";

async function createLink(baseURL, cookie, input) {
  const response = await fetch(`${baseURL}/api/trpc/share.create`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ json: input }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`share.create answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text).result.data.json;
}

/** Every script the page loads (inline or by src), gzipped, in bytes: what a reader's browser must fetch and run. */
async function firstLoadScriptBytes(baseURL, html) {
  let bytes = 0;
  for (const [, attrs, inline] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    const code = src ? Buffer.from(await (await fetch(new URL(src, baseURL))).arrayBuffer()) : Buffer.from(inline);
    bytes += zlib.gzipSync(code).length;
  }
  return bytes;
}

/** The share page cases for a note with charts, as entries bench/run.mjs prints. */
export async function shareCases({ baseURL, cookie, measure, load, noteId, chartCount }) {
  const out = [];
  // Two drawings (wide and narrow) of each chart, and not one script.
  const verify = (html) => (html.match(/<svg/g) ?? []).length >= 2 * chartCount && !/<script/i.test(html);
  for (const mode of ["live", "snapshot"]) {
    const { path } = await createLink(baseURL, cookie, { targetType: "note", targetId: noteId, label: `Bench ${mode}`, mode });
    const first = await fetch(baseURL + path);
    const html = await first.text();
    if (!first.ok || !verify(html)) throw new Error(`the ${mode} share page answered ${first.status} without its ${chartCount} charts`);
    const scriptBytes = await firstLoadScriptBytes(baseURL, html);
    const weight = `${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML, ${(zlib.gzipSync(html).length / 1024).toFixed(0)} KB gzipped; first-load JavaScript ${scriptBytes} bytes`;
    const gzipped = await measure(baseURL + path, { headers: BROWSER_ENCODING, verifyFirst: verify, ...load });
    out.push({
      name: `share page, ${mode}, 3 charts × 5,000 points, gzip (10 connections)`,
      path: "/s/{token}",
      bar: { minRatio: 0.8, of: "static page, gzip (as browsers ask)", maxP99: 50 },
      ...gzipped,
      firstLoadScriptBytes: scriptBytes,
      note: weight,
    });
    const plain = await measure(baseURL + path, { verify, ...load });
    out.push({ name: `share page, ${mode}, 3 charts × 5,000 points, uncompressed (10 connections)`, path: "/s/{token}", ...plain, note: weight });
  }
  return out;
}
