// The HTTP specs' hand-kept procedure list (e2e/helpers/procedures.ts) matches the app router, path, type and input;
// its malformed inputs are refused by the router itself; its reading of a subscription's event stream matches tRPC's.
import type { AnyTRPCProcedure } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { expect, it } from "vitest";
import { queryInput } from "@/e2e/helpers/http";
import { malformedInputs } from "@/e2e/helpers/malformed";
import { PLACEHOLDER_IDS, PROCEDURES, subscriptionReply, type SampleIds } from "@/e2e/helpers/procedures";
import type { SessionUser } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { callerFor, callPath, dbSnapshot } from "@/test/helpers";
import { makeFixture } from "@/test/procedures";

it("lists every procedure of the router, with its type and whether it takes input", () => {
  const router = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)
    .map(([path, p]) => `${path} ${p._def.type} ${p._def.inputs.length > 0 ? "input" : "no-input"}`)
    .sort();
  const listed = PROCEDURES.map((p) => `${p.path} ${p.type} ${p.sample ? "input" : "no-input"}`).sort();
  expect(listed).toEqual(router);
});

it("every malformed input and extra the HTTP input spec sends is BAD_REQUEST from the router, and the samples of reads pass", async () => {
  const f = await makeFixture("e2elist");
  const ids: SampleIds = {
    notebookId: f.notebookId,
    notebookName: f.notebookName,
    memberId: f.member.id,
    outsiderEmail: f.outsider.email,
    noteId: f.noteId,
    noteVersion: 1,
    revisionId: f.revisionId,
    seriesId: f.seriesId,
    chartId: f.chartId,
    chartVersion: 1,
    tokenId: f.tokenId,
    questionId: f.questionId,
    shareLinkId: f.shareLinkId,
    commentId: f.commentId,
  };
  const owner = callerFor(f.owner);
  const before = await dbSnapshot();
  const wrong: string[] = [];
  for (const p of PROCEDURES.filter((p) => p.sample)) {
    for (const [label, input] of [...malformedInputs(p, p.sample!(ids)), ...(p.extra?.(ids) ?? [])]) {
      // As it travels over HTTP: JSON, in superjson's envelope without meta (no input: nothing sent).
      const sent: unknown = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
      try {
        const result = await callPath(owner, p.path, sent);
        wrong.push(`${p.path} with ${label}: accepted, ${JSON.stringify(result)?.slice(0, 100)}`);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== "BAD_REQUEST") wrong.push(`${p.path} with ${label}: ${code ?? (error as Error).message}`);
      }
    }
  }
  expect(wrong).toEqual([]);
  expect(await dbSnapshot()).toEqual(before);
  for (const p of PROCEDURES.filter((p) => p.sample && p.type !== "mutation")) {
    const result = await callPath(owner, p.path, JSON.parse(JSON.stringify(p.sample!(ids))));
    if (p.type === "subscription") await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
    else expect(result, p.path).toBeTruthy();
  }
});

it("the HTTP specs' question mutation samples are valid, so their malformed variants and extras fail for their own fault", async () => {
  const f = await makeFixture("e2eq");
  const ids: SampleIds = { ...PLACEHOLDER_IDS, notebookId: f.notebookId, noteId: f.noteId, questionId: f.questionId };
  const owner = callerFor(f.owner);
  const sample = (path: string) => JSON.parse(JSON.stringify(PROCEDURES.find((p) => p.path === path)!.sample!(ids)));
  const created = (await callPath(owner, "questions.create", sample("questions.create"))) as { id: string };
  await expect(owner.questions.get({ id: created.id })).resolves.toMatchObject({ title: "Probe question", status: "open" });
  await expect(callPath(owner, "questions.update", sample("questions.update"))).resolves.toEqual({ id: f.questionId, version: 2 });
  await expect(callPath(owner, "questions.forecast", sample("questions.forecast"))).resolves.toMatchObject({ id: expect.any(Number) });
  await expect(callPath(owner, "questions.resolve", sample("questions.resolve"))).resolves.toEqual({ id: f.questionId, status: "resolved" });
  await expect(callPath(owner, "questions.reopen", sample("questions.reopen"))).resolves.toEqual({ id: f.questionId });
});

/** tRPC's own HTTP answer to a GET of a subscription, as the specs' Reply, once the stream has ended. */
async function subscriptionOverFetch(path: string, input: unknown, user: SessionUser | null) {
  const req = new Request(`http://127.0.0.1/api/trpc/${path}${queryInput(input)}`);
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => ({ user, requestId: "test", clientIp: "127.0.0.1" }) });
  const body = await res.text();
  return subscriptionReply({ status: res.status, headers: Object.fromEntries(res.headers), body, setCookies: [] });
}

it("reads tRPC's event stream for a refused subscription as the specs expect: 200, connected, then the error, then the end", async () => {
  const subscriptions = PROCEDURES.filter((p) => p.type === "subscription");
  expect(subscriptions.map((p) => p.path)).toEqual(["series.changes"]);
  for (const p of subscriptions) {
    const anonymous = await subscriptionOverFetch(p.path, p.sample?.(PLACEHOLDER_IDS), null);
    expect(anonymous).toMatchObject({ status: 200, events: ["connected", "serialized-error"], error: { code: "UNAUTHORIZED", httpStatus: 401, message: "Sign in to continue." } });
    expect(String(anonymous.headers["content-type"])).toContain("text/event-stream");
    const f = await makeFixture("sse");
    const malformed = await subscriptionOverFetch(p.path, { notebookId: 12345 }, f.owner);
    expect(malformed).toMatchObject({ status: 200, events: ["connected", "serialized-error"], error: { code: "BAD_REQUEST", httpStatus: 400 } });
    expect(malformed.error?.message).toMatch(/notebookId/);
  }
});
