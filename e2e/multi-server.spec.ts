// Several servers, one PostgreSQL database: two Quire servers (and a round-robin proxy in front of them) share sessions, notes, live redraws, sign-in limits, share links and sign-out, and a SIGKILL loses no acknowledged save.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createTestDatabase, ensurePostgres } from "../db/pg-test-server.mjs";
import { expectSaved, newNote, typeBody } from "./helpers/notes";
import { registerAccount, send, signIn, trpcMutation, trpcQuery, type TrpcReply } from "./helpers/http";
import { freePort, startQuire, startRoundRobinProxy, waitForHealth, type QuireServer, type RoundRobinProxy } from "./support/quire-cluster";

// The servers' environment beside DATABASE_URL: no AUTH_SECRET (they must share the one kept in the database), the demo on
// in both (started together, it must still be created once), one trusted proxy in front (the round-robin proxy).
const SERVER_ENV = {
  QUIRE_DEMO: "1",
  QUIRE_REGISTER_MAX_PER_ADDRESS: "100000",
  QUIRE_CONNECTORS: "0",
  QUIRE_TRUST_PROXY: "1",
  QUIRE_PG_POOL_MAX: "8",
  QUIRE_LOG_LEVEL: "info",
};
const DEMO_EMAIL = "demo@quire.local";
const DEMO_PASSWORD = "quire-demo-2026";
const PASSWORD = "violet kettle drums quietly";

let database: { url: string; drop(): Promise<void> };
let db: pg.Client;
let logDir: string;
let a: QuireServer;
let b: QuireServer;
let proxy: RoundRobinProxy;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-multi-logs-"));
  database = await createTestDatabase(await ensurePostgres(), "quire_e2e_multi");
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [portA, portB, portProxy] = [...ports] as [number, number, number];
  // Both at once: they race for the migration lock, the shared secret and the demo.
  a = startQuire("A", { port: portA, databaseUrl: database.url, logDir, env: SERVER_ENV });
  b = startQuire("B", { port: portB, databaseUrl: database.url, logDir, env: SERVER_ENV });
  await Promise.all([waitForHealth(a), waitForHealth(b)]);
  proxy = await startRoundRobinProxy(portProxy, [
    { name: "A", url: a.url },
    { name: "B", url: b.url },
  ]);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const server of [a, b]) {
    if (!server) continue;
    const log = server.log(8_000);
    console.log(`----- server ${server.name} (${server.url}), last lines of ${server.logFile} -----\n${log}`);
    await testInfo.attach(`server-${server.name}.log`, { body: log, contentType: "text/plain" });
  }
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.end().catch(() => {});
  await database?.drop();
  if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------------
// HTTP steps: tRPC with the session cookie and the Origin of the server it is sent to (the edge refuses other sites).

async function mutate<T = Record<string, unknown>>(base: string, procedure: string, input: unknown, cookie: string): Promise<T> {
  const reply = await trpcMutation(base, procedure, input, { cookie, headers: { origin: base } });
  expect(reply.status, `${procedure} on ${base}: ${reply.body.slice(0, 300)}`).toBe(200);
  return reply.data as T;
}

async function query<T = Record<string, unknown>>(base: string, procedure: string, input: unknown, cookie: string): Promise<T> {
  const reply = await trpcQuery(base, procedure, input, { cookie });
  expect(reply.status, `${procedure} on ${base}: ${reply.body.slice(0, 300)}`).toBe(200);
  return reply.data as T;
}

/** A fresh account registered on `base`, signed in there; returns it with its session cookie. */
async function account(base: string, label: string) {
  const user = await registerAccount(base, label);
  const session = await signIn(base, user.email, user.password);
  expect(session.ok, `sign-in on ${base}`).toBe(true);
  return { ...user, cookie: session.cookie };
}

// Browser steps at an absolute address (the specs' helpers go to the main server's baseURL).

async function registerAt(page: Page, base: string, name: string, email: string) {
  await page.goto(`${base}/register`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${base}/notebooks`);
}

async function signInAt(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function contextWithSession(browser: Browser, cookie: string) {
  const context = await browser.newContext();
  const [name, ...value] = cookie.split("=");
  // Cookies belong to a host, not a port: this one goes to both servers (and to the proxy).
  await context.addCookies([{ name: name!, value: value.join("="), domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" }]);
  return context;
}

// ---------------------------------------------------------------------------------------------------------------------

test("the two servers started together on an empty database migrated once, share one secret, and created the demo once", async () => {
  const migrations = JSON.parse(fs.readFileSync("db/migrations-pg/meta/_journal.json", "utf8")) as { entries: unknown[] };
  const applied = await db.query<{ rows: string; hashes: string }>('SELECT count(*) AS rows, count(DISTINCT hash) AS hashes FROM drizzle."__drizzle_migrations"');
  expect(applied.rows[0]).toEqual({ rows: String(migrations.entries.length), hashes: String(migrations.entries.length) });
  const secrets = await db.query("SELECT value FROM server_settings WHERE key = 'auth_secret'");
  expect(secrets.rowCount).toBe(1);
  // /api/health answers 200 only once start-up (migrations, the demo, the jobs) is done, and beforeAll waited for
  // that on both: the demo is there at once, created by one of them.
  const demo = async () =>
    (
      await db.query<{ users: string; notebooks: string; seeded: string }>(
        `SELECT (SELECT count(*) FROM users WHERE email = $1) AS users,
                (SELECT count(*) FROM notebooks WHERE name = 'Market rotation 2026') AS notebooks,
                (SELECT count(*) FROM events WHERE action = 'demo.seeded') AS seeded`,
        [DEMO_EMAIL],
      )
    ).rows[0];
  expect(await demo()).toEqual({ users: "1", notebooks: "1", seeded: "1" });
  expect([a, b].filter((s) => s.log(100_000).includes('"msg":"demo notebook created"')).length, "one server created the demo").toBe(1);
  // The demo account signs in on either server and sees the one notebook.
  for (const server of [a, b]) {
    const session = await signIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    expect(session.ok, `demo sign-in on ${server.name}`).toBe(true);
    const notebooks = await query<Array<{ name: string }>>(server.url, "notebooks.list", undefined, session.cookie);
    expect(notebooks.map((n) => n.name)).toEqual(["Market rotation 2026"]);
  }
});

test("signed in on A is signed in on B; a note saved on A reads on B, an edit on B is seen on A, and A's stale save gets the conflict view", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext();
  const onA = await context.newPage();
  const email = uniqueEmail("across");
  await registerAt(onA, a.url, "Ada Across", email);

  // The same browser (cookies are per host, not per port) is signed in on B.
  const onB = await context.newPage();
  await onB.goto(`${b.url}/notebooks`);
  await expect(onB).toHaveURL(`${b.url}/notebooks`);
  await expect(onB.locator(".user-chip")).toContainText("Ada Across");
  await expect(onB.locator(".user-chip")).toContainText(email);

  // Saved on A through the editor, read on B.
  const { id } = await newNote(onA, "Across servers");
  await onA.getByTestId("note-title").fill("Rotation across servers");
  await typeBody(onA, "Saved on A: small caps lead the rotation.");
  await expectSaved(onA);
  await onB.goto(`${b.url}/notes/${id}`);
  await expect(onB.getByTestId("note-title")).toHaveText("Rotation across servers");
  await expect(onB.locator("main")).toContainText("Saved on A: small caps lead the rotation.");

  // Edited on B; A's reads see it at once.
  await onB.goto(`${b.url}/notes/${id}?edit`);
  await expect(onB.locator(".cm-content")).toContainText("Saved on A: small caps lead the rotation.");
  await typeBody(onB, "Edited on B: large caps are back.");
  await expectSaved(onB);
  const cookie = (await context.cookies(a.url)).filter((c) => c.name.includes("session-token")).map((c) => `${c.name}=${c.value}`).join("; ");
  const seenOnA = await query<{ body: string; version: number }>(a.url, "notes.get", { id }, cookie);
  expect(seenOnA.body).toBe("Edited on B: large caps are back.");

  // A's editor still holds the version before B's edit: its next save is refused, and the conflict view shows B's text.
  await typeBody(onA, "A stale edit from A.");
  const dialog = onA.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(onA.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
  await expect(dialog.getByTestId("conflict-theirs")).toContainText("Edited on B: large caps are back.");
  await expect(dialog.getByTestId("conflict-mine")).toContainText("A stale edit from A.");
  const onServer = await query<{ body: string; version: number }>(b.url, "notes.get", { id }, cookie);
  expect(onServer).toMatchObject({ body: "Edited on B: large caps are back.", version: seenOnA.version });
  await context.close();
});

test("a chart open on B redraws within 2 s of values pushed through A's REST API with an API token", async ({ browser }) => {
  test.setTimeout(60_000);
  const user = await account(a.url, "live");
  const { id: notebookId } = await mutate<{ id: string }>(a.url, "notebooks.create", { name: "Live across servers" }, user.cookie);
  const rut = await mutate<{ id: string }>(a.url, "series.create", { notebookId, key: "RUT", name: "Russell 2000", unit: "index points", source: "api" }, user.cookie);
  await mutate(a.url, "series.import", { seriesId: rut.id, text: "date,close\n2026-01-02,2500\n2026-01-15,2600\n2026-01-30,2675\n", mapping: { dateColumn: "date", valueColumn: "close" } }, user.cookie);
  const spec = { title: "Russell 2000, January", description: "", kind: "rebased", series: ["RUT"], range: { preset: "custom", from: "2026-01-01", to: "2026-01-31" }, annotations: [] };
  const chart = await mutate<{ id: string }>(a.url, "charts.create", { notebookId, spec }, user.cookie);
  const { token } = await mutate<{ token: string }>(a.url, "tokens.create", { notebookId, name: "rates.py" }, user.cookie);

  /** Pushes one value through A's REST API; resolves once A has answered 200. */
  const push = async (date: string, value: number) => {
    const reply = await send(a.url, "/api/v1/series/RUT/observations", {
      method: "POST",
      body: JSON.stringify({ observations: [{ date, value }] }),
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    expect(reply.status, reply.body).toBe(200);
  };

  const context = await contextWithSession(browser, user.cookie);
  const page = await context.newPage();
  await page.goto(`${b.url}/charts/${chart.id}`);
  const figure = page.locator(`figure[data-chart-id="${chart.id}"]`);
  const caption = page.locator("figcaption");
  await expect(caption).toContainText("Russell 2000 stood at 107.0 on 2026-01-30");

  // Until B's page hears changes (its event stream open and listening on B): push, and see it arrive.
  let step = 0;
  await expect(async () => {
    step += 1;
    const value = 2700 + 25 * step; // rebased on 2,500: 108 + step
    await push("2026-01-30", value);
    await expect(caption).toContainText(`stood at ${(value / 25).toFixed(1)} on 2026-01-30`, { timeout: 1_500 });
  }).toPass({ timeout: 20_000, intervals: [0] });

  // The measured change: B redraws within 2 s of A acknowledging the push.
  const versionBefore = await figure.getAttribute("data-data-version");
  await push("2026-01-30", 3000);
  const pushed = Date.now();
  await expect(caption).toContainText("Russell 2000 stood at 120.0 on 2026-01-30", { timeout: 2_000 });
  const redrawMs = Date.now() - pushed;
  test.info().annotations.push({ type: "redraw", description: `B redrew ${redrawMs} ms after A acknowledged the push` });
  expect(redrawMs).toBeLessThan(2_000);
  await expect(figure).not.toHaveAttribute("data-data-version", versionBefore!, { timeout: 100 });
  await context.close();
});

test("five failed sign-ins spread over A and B block the sixth, with the right password, on either server", async ({ browser }) => {
  const user = await registerAccount(a.url, "limits");
  // From their own loopback address, so the per-address count stays this test's (each server sees the socket's address).
  const from = "127.0.0.41";
  for (const [i, server] of [a, b, a, b, a].entries()) {
    const failure = await signIn(server.url, user.email, `wrong password ${i + 1}`, { from });
    expect(failure, `failure ${i + 1}, on ${server.name}`).toMatchObject({ ok: false, code: "invalid_credentials", cookie: "" });
  }
  const rows = await db.query<{ count: number }>("SELECT count FROM rate_limits WHERE key = $1", [`signin:account:${user.email}`]);
  expect(rows.rows[0]?.count, "the five failures are counted in one row of the database").toBe(5);

  // The sixth, on B through the sign-in page, with the right password.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, b.url, user.email, user.password);
  await expect(page.getByTestId("form-error")).toContainText("Too many failed sign-in attempts");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
  // And on A over HTTP, from yet another address.
  const onA = await signIn(a.url, user.email, user.password, { from: "127.0.0.42" });
  expect(onA).toMatchObject({ ok: false, code: "too_many_attempts", cookie: "" });
});

test("a share link made on A opens on B, shows an edit made on A at once (as does the author's note page on B), and once revoked on A is 404 on A and B at once", async () => {
  const user = await account(a.url, "share");
  const { id: notebookId } = await mutate<{ id: string }>(a.url, "notebooks.create", { name: "Client desk" }, user.cookie);
  const note = await mutate<{ id: string; version: number }>(a.url, "notes.create", { notebookId, title: "For the client" }, user.cookie);
  const saved = await mutate<{ version: number }>(a.url, "notes.update", { id: note.id, baseVersion: note.version, body: "First text: small caps lead." }, user.cookie);
  const link = await mutate<{ id: string; path: string }>(a.url, "share.create", { targetType: "note", targetId: note.id, label: "Client", mode: "live" }, user.cookie);

  // Both servers render (and cache) the page.
  for (const server of [b, a]) {
    const page = await send(server.url, link.path);
    expect(page.status, `${server.name}: ${page.body.slice(0, 200)}`).toBe(200);
    expect(page.body).toContain("First text: small caps lead.");
  }
  // The author's own note page is kept in memory on each server too (server/http/page-cache.ts).
  for (const server of [b, b]) expect((await send(server.url, `/notes/${note.id}`, { cookie: user.cookie })).body).toContain("First text: small caps lead.");
  // An edit on A: B's cached pages (the share page, the author's note page) are not served any more.
  await mutate(a.url, "notes.update", { id: note.id, baseVersion: saved.version, body: "Second text: large caps are back." }, user.cookie);
  const notePage = await send(b.url, `/notes/${note.id}`, { cookie: user.cookie });
  expect([notePage.status, notePage.headers["x-quire-cache"]]).toEqual([200, "miss"]);
  expect(notePage.body).toContain("Second text: large caps are back.");
  const edited = await send(b.url, link.path);
  expect(edited.status).toBe(200);
  expect(edited.body).toContain("Second text: large caps are back.");
  expect(edited.body).not.toContain("First text");
  await send(a.url, link.path);

  await mutate(a.url, "share.revoke", { id: link.id }, user.cookie);
  const [onB, onA] = await Promise.all([send(b.url, link.path), send(a.url, link.path)]);
  expect(onB.status, "B, at once").toBe(404);
  expect(onA.status, "A, at once").toBe(404);
  expect(onB.body).not.toContain("large caps");
});

test("sign out everywhere on A: the old session cookie is refused on B at once", async ({ browser }) => {
  const user = await registerAccount(b.url, "everywhere");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, a.url, user.email, user.password);
  await expect(page).toHaveURL(`${a.url}/notebooks`);
  const cookie = (await context.cookies(a.url)).filter((c) => c.name.includes("session-token")).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).not.toBe("");
  // A second device, signed in on B.
  const other = await signIn(b.url, user.email, user.password);
  // B accepts both sessions (and has decoded this cookie once already).
  expect((await trpcQuery(b.url, "account.me", undefined, { cookie })).status).toBe(200);
  expect((await trpcQuery(b.url, "account.me", undefined, { cookie: other.cookie })).status).toBe(200);
  expect((await send(b.url, "/notebooks", { cookie })).status).toBe(200);

  await page.goto(`${a.url}/account`);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/signedOut=everywhere/);

  for (const [label, c] of [["this browser's old cookie", cookie], ["the other device's cookie", other.cookie]] as const) {
    const api: TrpcReply = await trpcQuery(b.url, "account.me", undefined, { cookie: c });
    expect(api.status, `${label} on B's API`).toBe(401);
    expect(api.error?.code).toBe("UNAUTHORIZED");
    const pageReply = await send(b.url, "/notebooks", { cookie: c });
    expect(pageReply.status, `${label} on B's pages`).toBeGreaterThanOrEqual(300);
    expect(pageReply.status).toBeLessThan(400);
    expect(String(pageReply.headers.location)).toContain("/sign-in");
  }
  await context.close();
});

test("behind the round-robin proxy: register, write and read a note, with pages and tRPC calls served by both servers", async ({ browser }) => {
  test.setTimeout(60_000);
  const first = proxy.requests.length;
  const context = await browser.newContext();
  const page = await context.newPage();
  const trpcReplies: Array<{ upstream: string; status: number; url: string }> = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/trpc/") && !r.url().includes("series.changes")) trpcReplies.push({ upstream: r.headers()["x-quire-upstream"] ?? "?", status: r.status(), url: r.url() });
  });
  await registerAt(page, proxy.url, "Pat Proxy", uniqueEmail("proxy"));
  const { id } = await newNote(page, "Behind the proxy");
  await page.getByTestId("note-title").fill("Load balanced");
  await typeBody(page, "Written through the proxy, saved by whichever server.");
  await expectSaved(page);
  await typeBody(page, "Written through the proxy, saved again by the other server.");
  await expectSaved(page);
  await page.reload();
  await expect(page.locator(".cm-content")).toHaveText("Written through the proxy, saved again by the other server.");
  await page.goto(`${proxy.url}/notes/${id}`);
  await expect(page.getByTestId("note-title")).toHaveText("Load balanced");
  await expect(page.locator("main")).toContainText("saved again by the other server");
  await page.goto(`${proxy.url}/notebooks`);
  await expect(page.getByRole("link", { name: /Behind the proxy/ })).toBeVisible();

  const served = proxy.requests.slice(first);
  const by = (name: string, filter: (p: string) => boolean) => served.filter((r) => r.upstream === name && filter(r.path)).length;
  const isPage = (p: string) => !p.startsWith("/_next/") && !p.startsWith("/api/");
  const isTrpc = (p: string) => p.startsWith("/api/trpc/");
  expect({ pagesOnA: by("A", isPage) > 0, pagesOnB: by("B", isPage) > 0, trpcOnA: by("A", isTrpc) > 0, trpcOnB: by("B", isTrpc) > 0 }, JSON.stringify(served.map((r) => `${r.upstream} ${r.status} ${r.method} ${r.path}`))).toEqual({
    pagesOnA: true,
    pagesOnB: true,
    trpcOnA: true,
    trpcOnB: true,
  });
  // Every call the page made succeeded, whichever server answered it (a session unknown to one would be a 401 there).
  expect(trpcReplies.filter((r) => r.status !== 200)).toEqual([]);
  expect(new Set(trpcReplies.map((r) => r.upstream))).toEqual(new Set(["A", "B"]));
  expect(served.filter((r) => r.status >= 500)).toEqual([]);
  await context.close();
});

test("SIGKILL of A during 20 concurrent saves: every save A acknowledged reads back through B, and the indexes pass amcheck", async () => {
  test.setTimeout(90_000);
  const WRITERS = 20;
  const KILL_AFTER_ACKS = 10;
  const user = await account(a.url, "crash");
  const { id: notebookId } = await mutate<{ id: string }>(a.url, "notebooks.create", { name: "Crash safety" }, user.cookie);
  const notes: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < WRITERS; i++) notes.push(await mutate<{ id: string; version: number }>(a.url, "notes.create", { notebookId, title: `Writer ${i}` }, user.cookie));

  type Save = { version: number; body: string };
  const acknowledged = new Map<string, Save>();
  /** The save in flight when A died: it may have committed without its acknowledgement reaching us. */
  const inFlight = new Map<string, string>();
  let acks = 0;
  let killed = false;
  const writer = async (note: { id: string; version: number }, index: number) => {
    let version = note.version;
    for (let n = 1; !killed; n++) {
      const body = `Writer ${index}, save ${n}: ${"small caps over large caps. ".repeat(1 + ((n + index) % 9))}`;
      inFlight.set(note.id, body);
      const reply = await trpcMutation(a.url, "notes.update", { id: note.id, baseVersion: version, body }, { cookie: user.cookie, headers: { origin: a.url } }).catch(() => null);
      if (!reply || reply.status !== 200) return;
      version = (reply.data as { version: number }).version;
      acknowledged.set(note.id, { version, body });
      inFlight.delete(note.id);
      acks += 1;
    }
  };
  const writers = notes.map((note, i) => writer(note, i));
  const deadline = Date.now() + 30_000;
  while (acks < KILL_AFTER_ACKS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(acks, "A acknowledged saves before it was killed").toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  killed = true;
  await a.kill();
  await Promise.all(writers);
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  test.info().annotations.push({ type: "saves", description: `${acks} acknowledged on ${acknowledged.size} notes before the SIGKILL; ${inFlight.size} in flight` });

  // Through B, with the session made on A.
  const wrong: string[] = [];
  for (const [i, note] of notes.entries()) {
    const read = await query<{ version: number; body: string }>(b.url, "notes.get", { id: note.id }, user.cookie);
    const acked = acknowledged.get(note.id);
    const pending = inFlight.get(note.id);
    const base = acked ?? { version: note.version, body: "" };
    const exact = read.version === base.version && read.body === base.body;
    const committedUnacknowledged = pending !== undefined && read.version === base.version + 1 && read.body === pending;
    if (!exact && !committedUnacknowledged) wrong.push(`writer ${i}: acknowledged ${JSON.stringify(acked ?? null)}, read version ${read.version} "${read.body.slice(0, 40)}"`);
  }
  expect(wrong).toEqual([]);

  // B goes on saving.
  const [someId, some] = [...acknowledged.entries()][0]!;
  const current = await query<{ version: number }>(b.url, "notes.get", { id: someId }, user.cookie);
  const after = await mutate<{ version: number }>(b.url, "notes.update", { id: someId, baseVersion: current.version, body: `${some.body} And B carries on.` }, user.cookie);
  expect(after.version).toBe(current.version + 1);

  await db.query("CREATE EXTENSION IF NOT EXISTS amcheck");
  const checked = await db.query(
    "SELECT c.relname, bt_index_check(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace",
  );
  expect(checked.rowCount).toBeGreaterThan(10);
  test.info().annotations.push({ type: "amcheck", description: `${checked.rowCount} btree indexes checked` });
});
