// The edge's tRPC handler answers exactly as tRPC's own fetch adapter does (the reference): same status, headers and
// body for successes, errors of every kind, batches and odd requests; subscriptions still stream.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotebook } from "@/server/services/notebooks";
import { createNote, getNote } from "@/server/services/notes";
import { createContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { startEdgeServer, type EdgeServer } from "@/test/edge-server";
import { makeUser } from "@/test/helpers";
import { sessionCookieFor } from "@/test/session-cookie";
import { TRPC_ENDPOINT } from "./trpc-policy";

type Sent = { method: "GET" | "POST"; path: string; body?: string; headers?: Record<string, string>; signedIn?: boolean };
type Answer = { status: number; headers: Record<string, string | null>; body: unknown };

const COMPARED_HEADERS = ["content-type", "vary"];
let edge: EdgeServer;
let base: string;
let cookie: string;
let user: SessionUser;
let notebookId: string;
let noteId: string;

beforeAll(async () => {
  user = await makeUser("front");
  notebookId = (await createNotebook(user, { name: "Front" })).id;
  noteId = (await createNote(user, { notebookId, title: "Held", body: "Text" })).id;
  cookie = await sessionCookieFor(user);
  edge = await startEdgeServer();
  base = edge.base;
});

afterAll(() => edge.close());

function headersFor(sent: Sent): Record<string, string> {
  return {
    "x-request-id": "req-compare",
    "x-quire-client-ip": "127.0.0.1",
    ...(sent.body !== undefined ? { "content-type": "application/json" } : {}),
    ...(sent.signedIn === false ? {} : { cookie }),
    ...sent.headers,
  };
}

async function answerOf(response: Response): Promise<Answer> {
  // The edge stamps its own request id on every request; ids are compared by presence, not value.
  const text = (await response.text()).replace(/"requestId":"[^"]+"/g, '"requestId":"ID"');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* compared as text */
  }
  return { status: response.status, headers: Object.fromEntries(COMPARED_HEADERS.map((h) => [h, response.headers.get(h)])), body };
}

/** The answer of the edge, over a real socket. */
async function throughNode(sent: Sent): Promise<Answer> {
  return answerOf(await fetch(base + sent.path, { method: sent.method, headers: headersFor(sent), body: sent.body }));
}

/** The answer of tRPC's own fetch adapter to the same request. */
async function throughFetchAdapter(sent: Sent): Promise<Answer> {
  const req = new Request(`http://localhost${sent.path}`, { method: sent.method, headers: headersFor(sent), body: sent.body });
  return answerOf(await fetchRequestHandler({ endpoint: TRPC_ENDPOINT, req, router: appRouter, createContext: () => createContext(req.headers) }));
}

const json = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe("the edge's tRPC handler", () => {
  it("answers like tRPC's fetch adapter for successes, every kind of error, batches and odd requests", async () => {
    const cases: Sent[] = [
      { method: "GET", path: "/api/trpc/health.ping", signedIn: false },
      { method: "GET", path: `/api/trpc/notes.get?input=${json({ json: { id: noteId } })}` },
      { method: "GET", path: `/api/trpc/notes.get?input=${json({ json: { id: 42 } })}` },
      { method: "GET", path: `/api/trpc/notes.get?input=${json({ json: { id: noteId } })}`, signedIn: false },
      { method: "GET", path: `/api/trpc/notes.get?input=${json({ json: { id: "0".repeat(21) } })}` },
      { method: "GET", path: "/api/trpc/notes.get?input=%7Bnot-json" },
      { method: "GET", path: "/api/trpc/no.such.procedure" },
      { method: "GET", path: "/api/trpc/%E0%A4%A" },
      { method: "GET", path: "/api/trpc/notes.update" },
      { method: "POST", path: "/api/trpc/notes.get", body: JSON.stringify({ json: { id: noteId } }) },
      { method: "POST", path: "/api/trpc/notes.update", body: JSON.stringify({ json: { id: noteId, baseVersion: 99, body: "stale" } }) },
      { method: "POST", path: "/api/trpc/notes.update", body: JSON.stringify({ json: { id: noteId, baseVersion: 1, body: 7 } }) },
      { method: "POST", path: "/api/trpc/notes.update", body: "{not json" },
      { method: "POST", path: "/api/trpc/notes.update", body: "" },
      { method: "POST", path: "/api/trpc/notes.update", body: JSON.stringify({ json: { id: noteId, baseVersion: 99, body: "x" } }), signedIn: false },
      { method: "GET", path: `/api/trpc/notes.get,health.ping?batch=1&input=${json({ 0: { json: { id: noteId } } })}` },
      { method: "GET", path: `/api/trpc/notes.get,notes.get?batch=1&input=${json({ 0: { json: { id: noteId } }, 1: { json: { id: 1 } } })}` },
      { method: "GET", path: `/api/trpc/notes.get?batch=1&input=${json([1])}` },
      { method: "GET", path: `/api/trpc/notes.get?batch=1&input=${json("text")}` },
      { method: "GET", path: `/api/trpc/notes.get,notes.update?batch=1&input=${json({})}` },
      { method: "POST", path: "/api/trpc/notes.update?batch=1", body: JSON.stringify({ 0: { json: { id: noteId, baseVersion: 99, body: "stale" } } }) },
      { method: "GET", path: `/api/trpc/notes.get?batch=1&input=${json({ 0: { json: { id: noteId } } })}`, headers: { "trpc-accept": "application/jsonl" } },
    ];
    for (const sent of cases) {
      const node = await throughNode(sent);
      expect(node, `${sent.method} ${sent.path}`).toEqual(await throughFetchAdapter(sent));
    }
  });

  it("saves the same way: a successful update answers the new version, as through the fetch adapter", async () => {
    const a = (await createNote(user, { notebookId, title: "Twin", body: "Same" })).id;
    const b = (await createNote(user, { notebookId, title: "Twin", body: "Same" })).id;
    const save = (id: string): Sent => ({ method: "POST", path: "/api/trpc/notes.update", body: JSON.stringify({ json: { id, baseVersion: 1, body: "Changed" } }) });
    const viaNode = await throughNode(save(a!));
    const viaFetch = await throughFetchAdapter(save(b!));
    const normalise = (answer: Answer, id: string) => JSON.parse(JSON.stringify(answer).replaceAll(id, "ID").replace(/"updatedAt":"[^"]+"/, '"updatedAt":"T"'));
    expect(normalise(viaNode, a!)).toEqual(normalise(viaFetch, b!));
    expect(viaNode.status).toBe(200);
    expect((viaNode.body as { result: { data: { json: { version: number } } } }).result.data.json.version).toBe(2);
    const stored = await getNote(user, a!);
    expect({ body: stored.body, version: stored.version }).toEqual({ body: "Changed", version: 2 });
  });

  it("still streams subscriptions (through tRPC's own adapter)", async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/trpc/series.changes?input=${json({ json: {} })}`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    controller.abort();
  });
});
