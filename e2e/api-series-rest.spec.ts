// Over real HTTP: the REST series API for scripts: tokens (401), bad bodies (400), unknown keys (404), size (413), type (415), demotion (403), reads as of a moment.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { registerAccount, send, signIn, trpcMutation, trpcQuery, type Reply } from "./helpers/http";

type Fixture = { base: string; ownerCookie: string; editorId: string; notebookId: string; key: string; token: string; tokenId: string; editorCookie: string };

async function fixture(base: string): Promise<Fixture> {
  const [owner, editor] = await Promise.all([registerAccount(base, "rest-owner"), registerAccount(base, "rest-editor")]);
  const ownerCookie = (await signIn(base, owner!.email, owner!.password)).cookie;
  const editorCookie = (await signIn(base, editor!.email, editor!.password)).cookie;
  const nb = await trpcMutation(base, "notebooks.create", { name: "Rates desk", description: "" }, { cookie: ownerCookie });
  expect(nb.status, nb.body).toBe(200);
  const notebookId = (nb.data as { id: string }).id;
  const added = await trpcMutation(base, "notebooks.members.add", { notebookId, email: editor!.email, role: "editor" }, { cookie: ownerCookie });
  expect(added.status, added.body).toBe(200);
  const key = `DGS10.${Date.now().toString(36)}`;
  const created = await trpcMutation(base, "series.create", { notebookId, key, name: "10-year Treasury yield", unit: "%", frequency: "daily", source: "api" }, { cookie: ownerCookie });
  expect(created.status, created.body).toBe(200);
  const tok = await trpcMutation(base, "tokens.create", { notebookId, name: "rates.py" }, { cookie: editorCookie });
  expect(tok.status, tok.body).toBe(200);
  const { token, id: tokenId } = tok.data as { token: string; id: string };
  return { base, ownerCookie, editorId: editor!.id, notebookId, key, token, tokenId, editorCookie };
}

function path(f: Fixture, key = f.key, query = ""): string {
  return `/api/v1/series/${encodeURIComponent(key)}/observations${query}`;
}

function post(f: Fixture, body: string, contentType = "application/json", opts: { token?: string | null; key?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": contentType };
  const token = opts.token === undefined ? f.token : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return send(f.base, path(f, opts.key), { method: "POST", body, headers });
}

function errorOf(reply: Reply): { message: string; code: string; details?: { rowErrors?: Array<{ row: number; message: string }> } } {
  expect(reply.headers["content-type"]).toContain("application/json");
  const body = JSON.parse(reply.body) as { error?: { message: string; code: string; details?: { rowErrors?: Array<{ row: number; message: string }> } } };
  expect(body.error?.message?.length ?? 0).toBeGreaterThan(5);
  return body.error!;
}

async function current(f: Fixture, query = ""): Promise<Array<{ date: string; value: number }>> {
  const reply = await send(f.base, path(f, f.key, query), { headers: { authorization: `Bearer ${f.token}` } });
  expect(reply.status, reply.body).toBe(200);
  return (JSON.parse(reply.body) as { observations: Array<{ date: string; value: number }> }).observations;
}

/**
 * POSTs a CSV body over 10 MB, declared in Content-Length or streamed chunked, and resolves with the server's answer,
 * which comes before the body is all sent (writes after it may fail with EPIPE, which is expected).
 */
function postOversized(f: Fixture, mode: "declared" | "chunked"): Promise<Reply> {
  const url = new URL(path(f), f.base);
  const size = 11 * 1024 * 1024;
  const headers: Record<string, string> = { authorization: `Bearer ${f.token}`, "content-type": "text/csv" };
  if (mode === "declared") headers["content-length"] = String(size);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), setCookies: [] });
        req.destroy();
      });
    });
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    req.setTimeout(15_000, () => req.destroy(new Error("no answer to the oversized POST within 15 s")));
    // A declared body is sent exactly as long as declared (bytes past it would read as a second, malformed request).
    const total = mode === "declared" ? size : size + 1024 * 1024;
    const chunk = `${"2026-01-08,4.2\n".repeat(65536)}`;
    const header = "date,value\n";
    let sent = header.length;
    const pump = () => {
      while (!answered && !req.destroyed && sent < total) {
        const piece = chunk.slice(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && !req.destroyed) req.end();
    };
    req.write(header);
    pump();
  });
}

test.describe.configure({ mode: "serial" });

let f: Fixture;
test.beforeAll(async ({ baseURL }) => {
  f = await fixture(baseURL!);
});

test("a token pushes JSON and CSV, and reads them back", async () => {
  const json = await post(f, JSON.stringify({ observations: [{ date: "2026-01-02", value: 4.18 }, { date: "2026-01-05", value: 4.16 }] }));
  expect(json.status, json.body).toBe(200);
  expect(JSON.parse(json.body)).toMatchObject({ inserted: 2, revised: 0, unchanged: 0, rows: 2 });

  const bare = await post(f, JSON.stringify([{ date: "2026-01-05", value: 4.16 }]));
  expect(JSON.parse(bare.body)).toMatchObject({ inserted: 0, unchanged: 1 });

  const csv = await send(f.base, path(f, f.key, "?dateColumn=day&valueColumn=yield"), {
    method: "POST",
    body: "day,yield\n2026-01-06,4.17\n2026-01-07,.\n",
    headers: { authorization: `Bearer ${f.token}`, "content-type": "text/csv" },
  });
  expect(csv.status, csv.body).toBe(200);
  expect(JSON.parse(csv.body)).toMatchObject({ inserted: 1, skippedMissing: 1 });
  expect(await current(f)).toEqual([
    { date: "2026-01-02", value: 4.18 },
    { date: "2026-01-05", value: 4.16 },
    { date: "2026-01-06", value: 4.17 },
  ]);
  expect(await current(f, "?from=2026-01-05&to=2026-01-05")).toEqual([{ date: "2026-01-05", value: 4.16 }]);
});

test("401 without a token, with a bad token, or with another scheme", async () => {
  const body = JSON.stringify({ observations: [{ date: "2026-01-08", value: 4.2 }] });
  for (const reply of [
    await post(f, body, "application/json", { token: null }),
    await post(f, body, "application/json", { token: "quire_not-a-real-token-at-all" }),
    await post(f, body, "application/json", { token: "nonsense" }),
    await send(f.base, path(f), { method: "POST", body, headers: { "content-type": "application/json", authorization: `Basic ${f.token}` } }),
    await send(f.base, path(f)),
  ]) {
    expect(reply.status, reply.body).toBe(401);
    expect(errorOf(reply).message).toMatch(/token/i);
  }
  expect(await current(f)).toHaveLength(3);
});

test("400 for bad JSON, a bad date, NaN and non-numbers, with nothing written", async () => {
  const cases: Array<[string, string, RegExp]> = [
    ["{not json", "application/json", /not valid JSON/],
    [JSON.stringify({ observations: [{ date: "2026-02-30", value: 1 }] }), "application/json", /date/i],
    [JSON.stringify({ observations: [{ date: "02/01/2026", value: 1 }] }), "application/json", /YYYY-MM-DD/],
    ['{"observations":[{"date":"2026-01-08","value":NaN}]}', "application/json", /not valid JSON/],
    [JSON.stringify({ observations: [{ date: "2026-01-08", value: "NaN" }] }), "application/json", /At observations\.0\.value: “value” must be a number/],
    [JSON.stringify({ observations: [{ date: "2026-01-08", value: 1 }, { date: "2026-01-08", value: 2 }] }), "application/json", /conflict/],
    [JSON.stringify({ observations: [] }), "application/json", /no observations/i],
    ["", "application/json", /empty/i],
    ["date,value\n2026-01-08,4.2\n2026-13-01,4.3\n2026-01-09,abc\n", "text/csv", /2 rows have problems/],
  ];
  for (const [body, type, message] of cases) {
    const reply = await post(f, body, type);
    expect(reply.status, `${body.slice(0, 60)} → ${reply.body}`).toBe(400);
    expect(errorOf(reply).message).toMatch(message);
  }
  const csv = errorOf(await post(f, "date,value\n2026-01-08,4.2\n2026-13-01,4.3\n2026-01-09,abc\n", "text/csv"));
  expect(csv.details?.rowErrors?.map((e) => e.row)).toEqual([3, 4]);
  const badQuery = await send(f.base, path(f, f.key, "?asOf=yesterday"), { headers: { authorization: `Bearer ${f.token}` } });
  expect(badQuery.status).toBe(400);
  expect(await current(f)).toHaveLength(3);
});

test("404 for a key the notebook does not have, 400 for a malformed key", async () => {
  const unknown = await post(f, JSON.stringify({ observations: [{ date: "2026-01-08", value: 1 }] }), "application/json", { key: "NOPE" });
  expect(unknown.status).toBe(404);
  expect(errorOf(unknown).message).toContain("NOPE");
  const read = await send(f.base, path(f, "NOPE"), { headers: { authorization: `Bearer ${f.token}` } });
  expect(read.status).toBe(404);
  const malformed = await post(f, "[]", "application/json", { key: "bad key!" });
  expect(malformed.status).toBe(400);
});

test("413 for a body over 10 MB, 415 for a type that is neither JSON nor CSV", async () => {
  for (const mode of ["declared", "chunked"] as const) {
    const tooBig = await postOversized(f, mode);
    expect(tooBig.status, mode).toBe(413);
    expect(errorOf(tooBig).message).toMatch(/10 MB/);
  }
  for (const type of ["application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
    const reply = await post(f, "<obs/>", type);
    expect(reply.status, type).toBe(415);
    expect(errorOf(reply).message).toMatch(/application\/json or text\/csv/);
  }
  expect(await current(f)).toHaveLength(3);
});

test("GET with asOf returns the values as known then, after a revision", async () => {
  const before = new Date();
  await new Promise((r) => setTimeout(r, 30));
  const revised = await post(f, JSON.stringify({ observations: [{ date: "2026-01-02", value: 4.25 }] }));
  expect(JSON.parse(revised.body)).toMatchObject({ revised: 1 });
  expect((await current(f))[0]).toEqual({ date: "2026-01-02", value: 4.25 });
  const then = await current(f, `?asOf=${encodeURIComponent(before.toISOString())}`);
  expect(then[0]).toEqual({ date: "2026-01-02", value: 4.18 });
  const early = await current(f, "?asOf=2000-01-01T00:00:00Z");
  expect(early).toEqual([]);
});

test("403 once the token's owner is demoted to viewer, 401 once the token is revoked", async () => {
  const demoted = await trpcMutation(f.base, "notebooks.members.changeRole", { notebookId: f.notebookId, userId: f.editorId, role: "viewer" }, { cookie: f.ownerCookie });
  expect(demoted.status, demoted.body).toBe(200);
  const reply = await post(f, JSON.stringify({ observations: [{ date: "2026-01-09", value: 4.3 }] }));
  expect(reply.status, reply.body).toBe(403);
  expect(errorOf(reply).message).toMatch(/viewer/);
  expect(await current(f)).toHaveLength(3);

  const revoked = await trpcMutation(f.base, "tokens.revoke", { id: f.tokenId }, { cookie: f.editorCookie });
  expect(revoked.status, revoked.body).toBe(200);
  const after = await send(f.base, path(f), { headers: { authorization: `Bearer ${f.token}` } });
  expect(after.status).toBe(401);
  const list = await trpcQuery(f.base, "tokens.list", undefined, { cookie: f.editorCookie });
  expect((list.data as Array<{ id: string; revokedAt: string | null }>).find((t) => t.id === f.tokenId)?.revokedAt).toBeTruthy();
});
