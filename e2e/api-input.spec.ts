// Over real HTTP: malformed input to every procedure is a 400 with a message (never a 500) and changes nothing; unknown procedures are 404.
import { expect, test } from "@playwright/test";
import { asTrpc, queryInput, registerAccount, send, signIn, trpcMutation, trpcQuery, type TrpcReply } from "./helpers/http";
import { malformedInputs } from "./helpers/malformed";
import { PROCEDURES, subscriptionReply, type Procedure, type SampleIds } from "./helpers/procedures";
import { CHART_SPEC, QUESTION } from "./helpers/sample-inputs";

type Attempt = { label: string; send: () => Promise<TrpcReply> };

/** A GET of a subscription, read as its event stream: a refused input ends the stream at once with an error event. */
async function subscribe(base: string, path: string, query: string, cookie: string): Promise<TrpcReply> {
  return subscriptionReply(await send(base, `/api/trpc/${path}${query}`, { cookie }));
}

/**
 * True when the reply refuses the input with BAD_REQUEST and a message: a JSON 400, or for a subscription tRPC's
 * event stream (HTTP 200, sent before the input is read) whose error event says BAD_REQUEST with httpStatus 400.
 */
function refusedAsBadRequest(p: Procedure, reply: TrpcReply): boolean {
  const stream = p.type === "subscription" && String(reply.headers["content-type"]).includes("text/event-stream");
  const status = stream ? reply.status === 200 && reply.error?.httpStatus === 400 : reply.status === 400;
  return status && reply.error?.code === "BAD_REQUEST" && reply.error.message.trim() !== "";
}

/** Every malformed request for one procedure: malformed inputs, then bodies and queries that are not valid JSON at all. */
function attempts(base: string, p: Procedure, ids: SampleIds, cookie: string): Attempt[] {
  const sample = p.sample!(ids);
  const list: Attempt[] = [...malformedInputs(p, sample), ...(p.extra?.(ids) ?? [])].map(([label, input]) => ({
    label,
    send: () =>
      p.type === "subscription"
        ? subscribe(base, p.path, queryInput(input), cookie)
        : p.type === "query"
          ? trpcQuery(base, p.path, input, { cookie })
          : trpcMutation(base, p.path, input, { cookie }),
  }));
  // Queries and subscriptions take their input in the URL; mutations in the body.
  const raw = (label: string, query: string, body: string): Attempt => ({
    label,
    send: async () =>
      p.type === "subscription"
        ? subscribe(base, p.path, query, cookie)
        : asTrpc(
            p.type === "query"
              ? await send(base, `/api/trpc/${p.path}${query}`, { cookie })
              : await send(base, `/api/trpc/${p.path}`, { method: "POST", body, cookie, headers: { "content-type": "application/json" } }),
          ),
  });
  list.push(raw("invalid JSON", "?input=%7Bnot%20json", "{not json"), raw("truncated JSON", `?input=${encodeURIComponent('{"json":{')}`, '{"json":{'));
  if (!Object.keys(sample).every((k) => p.optional?.includes(k))) {
    list.push(raw("input without the superjson envelope", `?input=${encodeURIComponent(JSON.stringify(sample))}`, JSON.stringify(sample)));
  }
  if (p.type !== "mutation") list.push(raw("a broken percent-escape", "?input=%E0%A4%A", ""));
  return list;
}

/**
 * An owner with a notebook (a viewer, a tagged note with a revision, a series RUT with observations, a chart over it,
 * an API token, an open binary question with the owner's forecast) and a registered outsider; the owner is signed in.
 */
async function fixture(base: string) {
  const [owner, member, outsider] = await Promise.all(["owner", "member", "outsider"].map((l) => registerAccount(base, `input-${l}`)));
  const session = await signIn(base, owner!.email, owner!.password);
  expect(session.ok).toBe(true);
  const cookie = session.cookie;
  const ok = (reply: TrpcReply) => {
    expect(reply.status, reply.body.slice(0, 300)).toBe(200);
    return reply.data as Record<string, unknown>;
  };
  const notebookName = "Small caps vs large caps";
  const { id: notebookId } = ok(await trpcMutation(base, "notebooks.create", { name: notebookName, description: "" }, { cookie })) as { id: string };
  ok(await trpcMutation(base, "notebooks.members.add", { notebookId, email: member!.email, role: "viewer" }, { cookie }));
  const note = ok(await trpcMutation(base, "notes.create", { notebookId, title: "Rotation", body: "Small caps led.", tags: ["rates"] }, { cookie }));
  const revisions = ok(await trpcQuery(base, "notes.revisions.list", { id: note.id }, { cookie })) as unknown as Array<{ id: number }>;
  const series = ok(await trpcMutation(base, "series.create", { notebookId, key: "RUT", name: "Russell 2000", unit: "index points", source: "upload" }, { cookie }));
  const text = "date,RUT\n2026-01-02,2000\n2026-01-05,2010.5\n2026-01-30,2140\n";
  expect(ok(await trpcMutation(base, "series.import", { seriesId: series.id, text }, { cookie }))).toMatchObject({ inserted: 3 });
  const chart = ok(await trpcMutation(base, "charts.create", { notebookId, spec: CHART_SPEC }, { cookie }));
  const token = ok(await trpcMutation(base, "tokens.create", { notebookId, name: "Input probe" }, { cookie }));
  const question = ok(await trpcMutation(base, "questions.create", { notebookId, ...QUESTION }, { cookie }));
  ok(await trpcMutation(base, "questions.forecast", { questionId: question.id, probability: 0.4, rationale: "Small caps led.", noteId: note.id }, { cookie }));
  const share = ok(await trpcMutation(base, "share.create", { targetType: "note", targetId: note.id, label: "Input probe", mode: "live" }, { cookie }));
  const comment = ok(await trpcMutation(base, "comments.create", { targetType: "note", targetId: note.id, body: "Which close?" }, { cookie }));
  const ids: SampleIds = {
    notebookId,
    notebookName,
    memberId: member!.id,
    outsiderEmail: outsider!.email,
    noteId: note.id as string,
    noteVersion: note.version as number,
    revisionId: revisions[0]!.id,
    seriesId: series.id as string,
    chartId: chart.id as string,
    chartVersion: chart.version as number,
    tokenId: token.id as string,
    questionId: question.id as string,
    shareLinkId: share.id as string,
    commentId: comment.id as string,
  };
  return { owner: owner!, cookie, ids };
}

/** The owner's view of everything a malformed call could have changed. */
async function snapshot(base: string, cookie: string, ids: SampleIds): Promise<string[]> {
  const reads: Array<[string, unknown]> = [
    ["account.me", undefined],
    ["notebooks.list", undefined],
    ["notebooks.members.list", { id: ids.notebookId }],
    ["notes.list", { notebookId: ids.notebookId }],
    ["notes.get", { id: ids.noteId }],
    ["notes.trash", { notebookId: ids.notebookId }],
    ["notes.tags.list", { notebookId: ids.notebookId }],
    ["notes.revisions.list", { id: ids.noteId }],
    ["series.list", { notebookId: ids.notebookId }],
    ["series.get", { id: ids.seriesId }],
    // charts.get would not do: it reports the server's render timing, which differs between a fresh and a cached render.
    ["charts.list", { notebookId: ids.notebookId }],
    ["charts.table", { id: ids.chartId }],
    ["tokens.list", undefined],
    ["questions.list", { notebookId: ids.notebookId }],
    ["questions.get", { id: ids.questionId }],
    ["questions.calibration", { notebookId: ids.notebookId }],
    ["share.list", { targetType: "note", targetId: ids.noteId }],
    ["share.listMine", undefined],
  ];
  const replies = await Promise.all(reads.map(([path, input]) => trpcQuery(base, path, input, { cookie })));
  for (const r of replies) expect(r.status, r.body.slice(0, 200)).toBe(200);
  return replies.map((r) => r.body);
}

test("malformed input to every procedure that takes input is a 400 with a message, and changes nothing", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  const { owner, cookie, ids } = await fixture(base);
  const before = await snapshot(base, cookie, ids);
  const withInput = PROCEDURES.filter((p) => p.sample);
  expect(withInput.length).toBeGreaterThan(10);

  const wrong: string[] = [];
  let sent = 0;
  for (const p of withInput) {
    for (const attempt of attempts(base, p, ids, cookie)) {
      const reply = await attempt.send();
      sent += 1;
      const ok = refusedAsBadRequest(p, reply);
      if (!ok) wrong.push(`${p.path} with ${attempt.label}: HTTP ${reply.status} ${reply.body.slice(0, 160)}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(sent).toBeGreaterThan(20 * withInput.length);

  expect(await snapshot(base, cookie, ids)).toEqual(before);
  expect((await signIn(base, owner.email, owner.password)).ok, "the password did not change").toBe(true);
  const probe = PROCEDURES.find((p) => p.path === "account.register")!.sample!(ids);
  const registered = await trpcMutation(base, "account.register", probe);
  expect(registered.status, `no malformed call registered ${probe.email}: ${registered.body}`).toBe(200);
});

test("an unknown procedure is a 404 with a message, signed in or not, by GET or POST", async ({ baseURL }) => {
  const base = baseURL!;
  const { cookie } = await fixture(base);
  for (const session of [undefined, cookie]) {
    for (const reply of [
      await trpcQuery(base, "notebooks.nothingHere", { id: "abc" }, { cookie: session }),
      await trpcMutation(base, "nothing.here", { id: "abc" }, { cookie: session }),
      await trpcQuery(base, "notebooks", undefined, { cookie: session }),
    ]) {
      expect(reply.status, reply.body.slice(0, 200)).toBe(404);
      expect(reply.error?.code).toBe("NOT_FOUND");
      expect(reply.error?.message).toBeTruthy();
    }
  }
});

test("a query input too large for the URL gets a 431 with a message, not a reset connection", async ({ baseURL }) => {
  const huge = encodeURIComponent(JSON.stringify({ json: { q: "x".repeat(100_000) } }));
  const reply = await send(baseURL!, `/api/trpc/search.query?input=${huge}`);
  expect(reply.status).toBe(431);
  expect(JSON.parse(reply.body).error.message).toContain("too large");
});
