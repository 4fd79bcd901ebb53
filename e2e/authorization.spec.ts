// Over real HTTP: every route handler under app/ against six callers, from one table; a route.ts without a row fails; a refusal changes nothing.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { registerAccount, send, signIn, trpcMutation, trpcQuery, type Reply, type SendOptions } from "./helpers/http";

const CALLERS = ["anonymous", "stranger", "viewer", "editor", "owner", "shareHolder"] as const;
type CallerName = (typeof CALLERS)[number];

/** How a caller authenticates: a session cookie and an API token of its own, or (the share holder) only a share token. */
type Credentials = { cookie?: string; apiToken?: string; shareToken?: string };

type World = {
  base: string;
  callers: Record<CallerName, Credentials>;
  ownerCookie: string;
  notebookId: string;
  noteId: string;
  siblingId: string;
  seriesId: string;
  seriesKey: string;
  /** The owner's live link to the note, and to the whole notebook. */
  noteToken: string;
  notebookToken: string;
  shareLinkId: string;
};

/** A well-formed share token that no link has. */
const UNKNOWN_TOKEN = "A".repeat(43);

/**
 * The request one caller sends for a row: what it holds goes where a client of that route would put it. Scripts
 * (`by: "token"`, the REST API) send their API token, and a cookie besides, which must not count; browsers send
 * their cookie only (a request that carries an API token is judged by the token alone, and tokens reach only REST).
 */
function credentialsOf(c: Credentials, by: "cookie" | "token" = "cookie"): SendOptions {
  const headers: Record<string, string> = {};
  if (c.apiToken && by === "token") headers.authorization = `Bearer ${c.apiToken}`;
  if (c.shareToken) {
    // A share token offered as every kind of credential: none of them is one.
    headers.authorization = `Bearer ${c.shareToken}`;
    headers["x-share-token"] = c.shareToken;
    return { headers, cookie: `authjs.session-token=${c.shareToken}; share=${c.shareToken}` };
  }
  return { headers, cookie: c.cookie };
}

/** The share token a caller uses on /s/: the holder's real one; everybody else, signed in or not, has none that works. */
const tokenOf = (c: Credentials, real: string) => (c.shareToken ? real : UNKNOWN_TOKEN);

type Row = {
  /** The route file's path under app/, as its folder names it. */
  route: string;
  what: string;
  send: (w: World, c: Credentials) => Promise<Reply>;
  expected: Record<CallerName, number>;
  /** Something the status alone does not say. */
  verify?: (w: World, caller: CallerName, reply: Reply) => void;
};

const statuses = (anonymous: number, stranger: number, viewer: number, editor: number, owner: number, shareHolder: number) => ({ anonymous, stranger, viewer, editor, owner, shareHolder });

const observations = (w: World) => `/api/v1/series/${encodeURIComponent(w.seriesKey)}/observations`;

/**
 * The REST matrix. API tokens: each member's own for the notebook (the viewer's was made while an editor, then the
 * viewer was demoted); the stranger's is for a notebook of its own. Series and export answer 404 to a stranger, as
 * tRPC does. A session opens no share page: /s/ answers to the token alone.
 */
const ROWS: Row[] = [
  {
    route: "/api/v1/series/[key]/observations",
    what: "GET observations",
    send: (w, c) => send(w.base, observations(w), credentialsOf(c, "token")),
    expected: statuses(401, 404, 200, 200, 200, 401),
  },
  {
    route: "/api/v1/series/[key]/observations",
    what: "POST observations",
    send: (w, c) => send(w.base, observations(w), { ...credentialsOf(c, "token"), method: "POST", body: "date,value\n2026-01-02,2000\n", headers: { ...credentialsOf(c, "token").headers, "content-type": "text/csv" } }),
    expected: statuses(401, 404, 403, 200, 200, 401),
  },
  {
    route: "/api/notes/[id]/export",
    what: "GET the note as Markdown",
    send: (w, c) => send(w.base, `/api/notes/${w.noteId}/export?format=md`, credentialsOf(c)),
    expected: statuses(401, 404, 200, 200, 200, 401),
  },
  {
    route: "/api/trpc/[trpc]",
    what: "query notes.get",
    send: (w, c) => trpcQuery(w.base, "notes.get", { id: w.noteId }, credentialsOf(c)),
    expected: statuses(401, 404, 200, 200, 200, 401),
  },
  {
    route: "/api/trpc/[trpc]",
    what: "mutation notes.tags.set",
    send: (w, c) => trpcMutation(w.base, "notes.tags.set", { id: w.noteId, tags: ["macro"] }, credentialsOf(c)),
    expected: statuses(401, 404, 403, 200, 200, 401),
  },
  {
    route: "/api/trpc/[trpc]",
    what: "mutation share.revoke",
    send: (w, c) => trpcMutation(w.base, "share.revoke", { id: w.shareLinkId }, credentialsOf(c)),
    // Revoking twice is no error; the owner's row comes after the editor's, so both see 200. Run last (see below).
    expected: statuses(401, 404, 403, 200, 200, 401),
  },
  {
    route: "/api/auth/[...nextauth]",
    what: "GET the session",
    send: (w, c) => send(w.base, "/api/auth/session", credentialsOf(c)),
    expected: statuses(200, 200, 200, 200, 200, 200),
    verify: (_w, caller, reply) => {
      const session = JSON.parse(reply.body || "null") as { user?: { email?: string } } | null;
      // Signed in as itself, or as nobody: the share token is no session.
      expect(Boolean(session?.user), `${caller}: ${reply.body}`).toBe(!["anonymous", "shareHolder"].includes(caller));
    },
  },
  {
    route: "/s/[token]",
    what: "GET the shared note",
    send: (w, c) => send(w.base, `/s/${tokenOf(c, w.noteToken)}`, credentialsOf(c)),
    expected: statuses(404, 404, 404, 404, 404, 200),
    verify: (_w, caller, reply) => {
      if (caller === "shareHolder") expect(reply.body).toContain("Shared note");
      expect(reply.body).not.toContain("Sibling note");
    },
  },
  {
    route: "/s/[token]",
    what: "POST to the share page",
    send: (w, c) => send(w.base, `/s/${tokenOf(c, w.noteToken)}`, { ...credentialsOf(c), method: "POST", body: "title=changed", headers: { ...credentialsOf(c).headers, "content-type": "application/x-www-form-urlencoded" } }),
    expected: statuses(405, 405, 405, 405, 405, 405),
  },
  {
    route: "/s/[token]/[noteId]",
    what: "GET a note of the shared notebook",
    send: (w, c) => send(w.base, `/s/${tokenOf(c, w.notebookToken)}/${w.siblingId}`, credentialsOf(c)),
    expected: statuses(404, 404, 404, 404, 404, 200),
  },
  {
    route: "/s/[token]/[noteId]",
    what: "GET a sibling under the note's link",
    send: (w, c) => send(w.base, `/s/${tokenOf(c, w.noteToken)}/${w.siblingId}`, credentialsOf(c)),
    expected: statuses(404, 404, 404, 404, 404, 404),
  },
  {
    route: "/s/[token]/[noteId]",
    what: "DELETE a note of the shared notebook",
    send: (w, c) => send(w.base, `/s/${tokenOf(c, w.notebookToken)}/${w.siblingId}`, { ...credentialsOf(c), method: "DELETE" }),
    expected: statuses(405, 405, 405, 405, 405, 405),
  },
];

/** Every route.ts under app/, as "/segment/[param]/…" (route groups in parentheses are not part of the URL). */
function routeFiles(dir = "app", prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix || "/"] : [];
    if (!entry.isDirectory()) return [];
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return routeFiles(path.join(dir, entry.name), prefix + segment);
  });
}

/** The paths the request edge answers itself (server/http/edge.ts), named as route folders would name them. */
const EDGE_ROUTES = ["/api/trpc/[trpc]", "/s/[token]", "/s/[token]/[noteId]"];

test("every route.ts under app/ and every path the edge answers has rows in the REST matrix, and every row names one", () => {
  expect(routeFiles().length).toBeGreaterThanOrEqual(3);
  const routes = [...routeFiles(), ...EDGE_ROUTES].sort();
  const covered = [...new Set(ROWS.map((r) => r.route))].sort();
  expect(covered).toEqual(routes);
});

async function world(base: string): Promise<World> {
  const [owner, editor, viewer, stranger] = await Promise.all(["authz-owner", "authz-editor", "authz-viewer", "authz-stranger"].map((l) => registerAccount(base, l)));
  const cookies = await Promise.all([owner, editor, viewer, stranger].map(async (a) => (await signIn(base, a!.email, a!.password)).cookie));
  const [ownerCookie, editorCookie, viewerCookie, strangerCookie] = cookies as [string, string, string, string];
  const call = async (cookie: string, procedure: string, input: unknown) => {
    const reply = await trpcMutation(base, procedure, input, { cookie });
    expect(reply.status, `${procedure}: ${reply.body}`).toBe(200);
    return reply.data as { id: string; token: string };
  };
  const { id: notebookId } = await call(ownerCookie, "notebooks.create", { name: "Authorization desk", description: "" });
  await call(ownerCookie, "notebooks.members.add", { notebookId, email: editor!.email, role: "editor" });
  // The viewer makes its API token as an editor, and is then demoted: a token outlives the role it was made with.
  await call(ownerCookie, "notebooks.members.add", { notebookId, email: viewer!.email, role: "editor" });
  const { token: viewerToken } = await call(viewerCookie, "tokens.create", { notebookId, name: "viewer script" });
  await call(ownerCookie, "notebooks.members.changeRole", { notebookId, userId: viewer!.id, role: "viewer" });
  const { id: noteId } = await call(ownerCookie, "notes.create", { notebookId, title: "Shared note", body: "Small caps led in January.", tags: ["macro"] });
  const { id: siblingId } = await call(ownerCookie, "notes.create", { notebookId, title: "Sibling note", body: "Not for the note's link." });
  const seriesKey = `RUT.${Date.now().toString(36)}`;
  const { id: seriesId } = await call(ownerCookie, "series.create", { notebookId, key: seriesKey, name: "Russell 2000", unit: "index points", frequency: "daily", source: "api" });
  const { token: ownerToken } = await call(ownerCookie, "tokens.create", { notebookId, name: "owner script" });
  const { token: editorToken } = await call(editorCookie, "tokens.create", { notebookId, name: "editor script" });
  // The stranger's token is for a notebook of its own, which has no series of that key.
  const { id: strangerNotebook } = await call(strangerCookie, "notebooks.create", { name: "Stranger's desk", description: "" });
  const { token: strangerToken } = await call(strangerCookie, "tokens.create", { notebookId: strangerNotebook, name: "stranger script" });
  const note = await call(ownerCookie, "share.create", { targetType: "note", targetId: noteId, label: "Client", mode: "live" });
  const notebook = await call(ownerCookie, "share.create", { targetType: "notebook", targetId: notebookId, label: "Whole desk", mode: "live" });
  return {
    base,
    ownerCookie,
    notebookId,
    noteId,
    siblingId,
    seriesId,
    seriesKey,
    noteToken: note.token,
    notebookToken: notebook.token,
    shareLinkId: note.id,
    callers: {
      anonymous: {},
      stranger: { cookie: strangerCookie, apiToken: strangerToken },
      viewer: { cookie: viewerCookie, apiToken: viewerToken },
      editor: { cookie: editorCookie, apiToken: editorToken },
      owner: { cookie: ownerCookie, apiToken: ownerToken },
      shareHolder: { shareToken: note.token },
    },
  };
}

/** What the owner sees of everything a refused request could have changed (views and last-used times left out). */
async function state(w: World): Promise<string> {
  const read = async (procedure: string, input?: unknown) => (await trpcQuery(w.base, procedure, input, { cookie: w.ownerCookie })).data;
  const links = (await read("share.list", { targetType: "note", targetId: w.noteId })) as Array<{ id: string; status: string }>;
  const tokens = (await read("tokens.list")) as Array<{ id: string; revokedAt: unknown }>;
  return JSON.stringify({
    note: await read("notes.get", { id: w.noteId }),
    sibling: await read("notes.get", { id: w.siblingId }),
    series: await read("series.get", { id: w.seriesId }),
    members: await read("notebooks.members.list", { id: w.notebookId }),
    links: links.map((l) => [l.id, l.status]),
    tokens: tokens.map((t) => [t.id, t.revokedAt]),
  });
}

test("the REST matrix: each route answers each caller as the table says, and a refusal changes nothing", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const w = await world(baseURL!);
  // The owner's view of the notebook really is read (a failed read would make every comparison vacuous).
  expect(await state(w)).toContain("Small caps led in January.");
  // share.revoke ends the note's link, so it runs after every row that opens it.
  const ordered = [...ROWS.filter((r) => r.what !== "mutation share.revoke"), ...ROWS.filter((r) => r.what === "mutation share.revoke")];
  const got: string[] = [];
  const expected: string[] = [];
  const changed: string[] = [];
  for (const row of ordered) {
    for (const caller of CALLERS) {
      const want = row.expected[caller];
      const refused = want >= 400;
      const before = refused ? await state(w) : null;
      const reply = await row.send(w, w.callers[caller]);
      got.push(`${row.route} ${row.what} as ${caller}: ${reply.status}`);
      expected.push(`${row.route} ${row.what} as ${caller}: ${want}`);
      if (reply.status === want) row.verify?.(w, caller, reply);
      if (before !== null && (await state(w)) !== before) changed.push(`${row.what} as ${caller}: answered ${reply.status} but something changed`);
    }
  }
  expect(got).toEqual(expected);
  expect(changed).toEqual([]);
});

test("share reach over HTTP: a token opens exactly its target, never a sibling, another notebook, a trashed note or a write", async ({ baseURL }) => {
  const base = baseURL!;
  const owner = await registerAccount(base, "reach-owner");
  const cookie = (await signIn(base, owner.email, owner.password)).cookie;
  const call = async (procedure: string, input: unknown) => {
    const reply = await trpcMutation(base, procedure, input, { cookie });
    expect(reply.status, `${procedure}: ${reply.body}`).toBe(200);
    return reply.data as { id: string; token: string };
  };
  const { id: notebookId } = await call("notebooks.create", { name: "Reach desk", description: "" });
  const { id: otherNotebookId } = await call("notebooks.create", { name: "Other desk", description: "" });
  const { id: noteId } = await call("notes.create", { notebookId, title: "Reach note", body: "The shared text." });
  const { id: siblingId } = await call("notes.create", { notebookId, title: "Reach sibling", body: "Sibling text." });
  const { id: trashedId } = await call("notes.create", { notebookId, title: "Reach trashed", body: "Trashed text." });
  await call("notes.remove", { id: trashedId });
  const { id: otherNoteId } = await call("notes.create", { notebookId: otherNotebookId, title: "Other desk note", body: "Elsewhere." });
  const { id: questionId } = await call("questions.create", {
    notebookId,
    title: "Will the reach hold?",
    details: "",
    criteria: "YES if it does.",
    resolveBy: "2026-12-31",
    tags: [],
    kind: "binary",
  });
  const { token: noteToken } = await call("share.create", { targetType: "note", targetId: noteId, label: "Note", mode: "live" });
  const { token: notebookToken } = await call("share.create", { targetType: "notebook", targetId: notebookId, label: "Notebook", mode: "snapshot" });
  const { token: questionToken } = await call("share.create", { targetType: "question", targetId: questionId, label: "Question", mode: "live" });

  const status = async (path: string, method = "GET") => (await send(base, path, { method })).status;
  const notFound = (await send(base, `/s/${UNKNOWN_TOKEN}`)).body;
  const cases: Array<[string, string, number]> = [
    ["GET", `/s/${noteToken}`, 200],
    ["GET", `/s/${noteToken}/${siblingId}`, 404],
    ["GET", `/s/${noteToken}/${noteId}`, 404],
    ["GET", `/s/${noteToken}/${otherNoteId}`, 404],
    ["GET", `/s/${notebookToken}`, 200],
    ["GET", `/s/${notebookToken}/${noteId}`, 200],
    ["GET", `/s/${notebookToken}/${siblingId}`, 200],
    ["HEAD", `/s/${notebookToken}/${siblingId}`, 200],
    ["GET", `/s/${notebookToken}/${trashedId}`, 404],
    ["GET", `/s/${notebookToken}/${otherNoteId}`, 404],
    ["GET", `/s/${questionToken}`, 200],
    ["GET", `/s/${questionToken}/anything`, 404],
    ["GET", `/s/${questionToken}/${noteId}`, 404],
  ];
  for (const token of [noteToken, notebookToken, questionToken]) {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) cases.push([method, `/s/${token}`, 405], [method, `/s/${token}/${noteId}`, 405]);
  }
  const before = JSON.stringify([(await trpcQuery(base, "notes.get", { id: noteId }, { cookie })).data, (await trpcQuery(base, "questions.get", { id: questionId }, { cookie })).data]);
  const got: string[] = [];
  for (const [method, path, want] of cases) {
    const answer = await status(path, method);
    got.push(`${method} ${path}: ${answer === want ? "as expected" : `${answer}, expected ${want}`}`);
  }
  expect(got.filter((line) => !line.endsWith("as expected"))).toEqual([]);
  // Every path a link does not reach gets the very page an unknown token gets.
  expect((await send(base, `/s/${noteToken}/${siblingId}`)).body).toBe(notFound);
  expect((await send(base, `/s/${notebookToken}/${otherNoteId}`)).body).toBe(notFound);
  expect((await send(base, `/s/${noteToken}`)).body).not.toContain("Sibling text.");

  // The tokens as credentials: tRPC and the REST series API say 401 and nothing changes.
  for (const token of [noteToken, notebookToken, questionToken]) {
    const as = { headers: { authorization: `Bearer ${token}`, "x-share-token": token }, cookie: `authjs.session-token=${token}` };
    expect((await trpcQuery(base, "notes.get", { id: noteId }, as)).status).toBe(401);
    expect((await trpcMutation(base, "notes.update", { id: noteId, baseVersion: 1, title: "Changed by a link" }, as)).status).toBe(401);
    expect((await trpcMutation(base, "questions.forecast", { questionId, probability: 0.9 }, as)).status).toBe(401);
    expect((await send(base, "/api/v1/series/RUT/observations", as)).status).toBe(401);
    expect((await send(base, "/api/v1/series/RUT/observations", { ...as, method: "POST", body: "date,value\n2026-01-02,1\n", headers: { ...as.headers, "content-type": "text/csv" } })).status).toBe(401);
    expect((await send(base, `/api/notes/${noteId}/export?format=md`, as)).status).toBe(401);
  }
  const after = JSON.stringify([(await trpcQuery(base, "notes.get", { id: noteId }, { cookie })).data, (await trpcQuery(base, "questions.get", { id: questionId }, { cookie })).data]);
  expect(after).toBe(before);
  expect(before).toContain("The shared text.");
});
