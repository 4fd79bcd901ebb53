// e2e over real HTTP and a real browser: a reader's note page is served from memory only while nothing it shows has changed, only to that reader, and runs in the browser when it is.
import { expect, test } from "@playwright/test";
import { registerAccount, send, signIn, trpcMutation, type Reply } from "./helpers/http";

const cacheOf = (reply: Reply) => reply.headers["x-quire-cache"];
const nonceInPolicy = (reply: Reply) => /'nonce-([^']+)'/.exec(String(reply.headers["content-security-policy"]))?.[1];
const noncesInHtml = (reply: Reply) => new Set([...reply.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));

test("a note page is kept per reader until what it shows changes, and never outlives access or the session", async ({ baseURL }) => {
  const base = baseURL!;
  const [owner, reader] = await Promise.all([registerAccount(base, "cache-owner"), registerAccount(base, "cache-reader")]);
  const ownerCookie = (await signIn(base, owner.email, owner.password)).cookie;
  const readerCookie = (await signIn(base, reader.email, reader.password)).cookie;
  const call = async (cookie: string, path: string, input?: unknown) => {
    const reply = await trpcMutation(base, path, input, { cookie });
    expect(reply.status, `${path}: ${reply.body.slice(0, 300)}`).toBe(200);
    return reply.data as Record<string, unknown>;
  };
  const notebookId = (await call(ownerCookie, "notebooks.create", { name: "Cache desk" })).id as string;
  const note = await call(ownerCookie, "notes.create", { notebookId, title: "Breadth check", body: "Small caps led in **January**." });
  await call(ownerCookie, "notebooks.members.add", { notebookId, email: reader.email, role: "viewer" });
  const page = (cookie: string, headers: Record<string, string> = {}, path = `/notes/${note.id}`) => send(base, path, { cookie, headers });

  // The first view renders; the second is the same bytes from memory, with the CSP nonce its scripts carry.
  const first = await page(ownerCookie);
  expect(first.status).toBe(200);
  expect(cacheOf(first)).toBe("miss");
  const again = await page(ownerCookie);
  expect(cacheOf(again)).toBe("hit");
  expect(again.body).toBe(first.body);
  expect(again.body).toContain("Small caps led in");
  expect(nonceInPolicy(again)).toBeTruthy();
  expect(noncesInHtml(again)).toEqual(new Set([nonceInPolicy(again)]));
  expect(again.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
  // Compressed for browsers that ask, from the same page.
  const gzipped = await page(ownerCookie, { "accept-encoding": "gzip" });
  expect([cacheOf(gzipped), gzipped.headers["content-encoding"]]).toEqual(["hit", "gzip"]);

  // Another reader never gets the owner's page: their own render, their own name in the navigation.
  const readers = await page(readerCookie);
  expect([readers.status, cacheOf(readers)]).toEqual([200, "miss"]);
  expect(readers.body).toContain(reader.email);
  expect(readers.body).not.toContain(owner.email);
  expect(again.body).not.toContain(reader.email);

  // A save changes the page: the next view is rendered again and shows it.
  await call(ownerCookie, "notes.update", { id: note.id, baseVersion: note.version, body: "Small caps led in **February**." });
  const saved = await page(ownerCookie);
  expect(cacheOf(saved)).toBe("miss");
  expect(saved.body).toContain("February");
  expect(cacheOf(await page(ownerCookie))).toBe("hit");

  // So do the note's tags, the reader's role, and a request for a fresh page (a hard reload).
  await call(ownerCookie, "notes.tags.set", { id: note.id, tags: ["breadth"] });
  expect(cacheOf(await page(ownerCookie))).toBe("miss");
  expect(cacheOf(await page(readerCookie))).toBe("miss");
  expect(cacheOf(await page(readerCookie))).toBe("hit");
  await call(ownerCookie, "notebooks.members.changeRole", { notebookId, userId: reader.id, role: "editor" });
  expect(cacheOf(await page(readerCookie))).toBe("miss");
  expect(cacheOf(await page(readerCookie, { "cache-control": "no-cache" }))).toBe("miss");

  // Next's own navigations (RSC payloads) always go to Next.
  expect(cacheOf(await page(ownerCookie, { rsc: "1" }))).toBeUndefined();

  // A reader removed from the notebook gets the page's 404 at once, not the page they saw.
  await call(ownerCookie, "notebooks.members.remove", { notebookId, userId: reader.id });
  const removed = await page(readerCookie);
  expect(removed.status).toBe(404);
  expect(cacheOf(removed)).toBeUndefined();
  expect(removed.body).not.toContain("February");

  // Signing out everywhere ends the old cookie's page at once.
  await call(ownerCookie, "account.signOutEverywhere");
  const signedOut = await page(ownerCookie);
  expect(signedOut.status).toBeGreaterThanOrEqual(300);
  expect(signedOut.status).toBeLessThan(400);
  expect(String(signedOut.headers.location)).toContain("/sign-in");
});

test("a note page served from memory runs in the browser: scripts allowed, the editor one key away", async ({ browser, baseURL }) => {
  const account = await registerAccount(baseURL!, "cache-browser");
  const { cookie } = await signIn(baseURL!, account.email, account.password);
  const eq = cookie.indexOf("=");
  const [name, value] = [cookie.slice(0, eq), cookie.slice(eq + 1)];
  const context = await browser.newContext();
  await context.addCookies([{ name, value, url: baseURL! }]);
  const notebook = await trpcMutation(baseURL!, "notebooks.create", { name: "Browser desk" }, { cookie });
  const note = await trpcMutation(baseURL!, "notes.create", { notebookId: (notebook.data as { id: string }).id, title: "Kept page", body: "Rates were **cut** twice." }, { cookie });
  const path = `/notes/${(note.data as { id: string }).id}`;
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to execute/i.test(m.text())) blocked.push(m.text());
  });
  expect((await page.goto(path))?.headers()["x-quire-cache"]).toBe("miss");
  expect((await page.goto(path))?.headers()["x-quire-cache"]).toBe("hit");
  await expect(page.getByTestId("note-read")).toContainText("Rates were cut twice.");
  await page.keyboard.press("e");
  await expect(page.locator(".cm-content")).toContainText("Rates were **cut** twice.");
  expect(blocked).toEqual([]);
  await context.close();
});
