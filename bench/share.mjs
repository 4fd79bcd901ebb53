// Share page benchmarks: a live and a snapshot link to the three-chart note, served from the page cache at 10
// connections (bar: ≥ 0.8× the static page of the same run, p99 < 50 ms), and the page's first-load JavaScript.
import zlib from "node:zlib";

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
  const verify = (html) => (html.match(/<svg/g) ?? []).length >= chartCount && !/<script/i.test(html);
  for (const mode of ["live", "snapshot"]) {
    const { path } = await createLink(baseURL, cookie, { targetType: "note", targetId: noteId, label: `Bench ${mode}`, mode });
    const first = await fetch(baseURL + path);
    const html = await first.text();
    if (!first.ok || !verify(html)) throw new Error(`the ${mode} share page answered ${first.status} without its ${chartCount} charts`);
    const scriptBytes = await firstLoadScriptBytes(baseURL, html);
    const measured = await measure(baseURL + path, { verify, ...load });
    out.push({
      name: `share page, ${mode}, 3 charts × 5,000 points (10 connections)`,
      path: "/s/{token}",
      bar: { minRatio: 0.8, maxP99: 50 },
      ...measured,
      firstLoadScriptBytes: scriptBytes,
      note: `page ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of HTML (${(zlib.gzipSync(html).length / 1024).toFixed(0)} KB gzipped); first-load JavaScript ${scriptBytes} bytes gzipped`,
    });
  }
  return out;
}
