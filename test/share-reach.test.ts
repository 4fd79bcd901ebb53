// A share token reaches exactly its target through /s/: not a sibling note, not another notebook, and never a write, nor a credential for tRPC or REST.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getObservations, postObservations } from "@/server/rest/series-observations";
import { createNote, trashNote } from "@/server/services/notes";
import { createShareLink, flushShareViews, revokeShareLink } from "@/server/services/share-links";
import { respondToShare } from "@/server/http/share";
import { shareHolderHeaders } from "./authorization-matrix";
import { startEdgeServer, type EdgeServer } from "./edge-server";
import { dbSnapshot } from "./helpers";
import { makeFixture, type Fixture } from "./procedures";

let f: Fixture;
let other: Fixture;
let siblingId: string;
let trashedId: string;
let notebookToken: string;
let questionToken: string;
let edge: EdgeServer;

beforeAll(async () => {
  edge = await startEdgeServer();
  f = await makeFixture("reach");
  other = await makeFixture("reachother");
  ({ id: siblingId } = await createNote(f.owner, { notebookId: f.notebookId, title: "Sibling note", body: "Not shared by the note link." }));
  ({ id: trashedId } = await createNote(f.owner, { notebookId: f.notebookId, title: "Trashed note", body: "In the trash." }));
  await trashNote(f.owner, trashedId);
  ({ token: notebookToken } = await createShareLink(f.owner, { targetType: "notebook", targetId: f.notebookId, label: "Whole notebook", mode: "live" }));
  ({ token: questionToken } = await createShareLink(f.owner, { targetType: "question", targetId: f.questionId, label: "The question", mode: "live" }));
});

const get = (path: string, method = "GET") => respondToShare({ method, path, header: () => null });
const NOT_FOUND_PAGE = async () => (await get(`/s/${"x".repeat(43)}`)).body;

afterAll(() => edge.close());

describe("what a share token reaches", () => {
  it("a note token: its note, and nothing under it (not a sibling, not the note itself again, not another notebook's note)", async () => {
    const page = await get(`/s/${f.shareToken}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("First note");
    expect(page.body).not.toContain("Sibling note");
    for (const id of [siblingId, f.noteId, other.noteId, trashedId, "anything"]) {
      const reply = await get(`/s/${f.shareToken}/${id}`);
      expect([id, reply.status]).toEqual([id, 404]);
      expect(reply.body).toBe(await NOT_FOUND_PAGE());
    }
  });

  it("a notebook token: the index and each of its notes; not a trashed note, nor a note of another notebook", async () => {
    const index = await get(`/s/${notebookToken}`);
    expect(index.status).toBe(200);
    expect(index.body).toContain("First note");
    expect(index.body).toContain("Sibling note");
    expect(index.body).not.toContain("Trashed note");
    for (const id of [f.noteId, siblingId]) expect([id, (await get(`/s/${notebookToken}/${id}`)).status]).toEqual([id, 200]);
    expect((await get(`/s/${notebookToken}/${siblingId}`)).body).toContain("Not shared by the note link.");
    expect(await get(`/s/${notebookToken}/${f.noteId}`, "HEAD")).toMatchObject({ status: 200, body: "" });
    for (const id of [trashedId, other.noteId, f.questionId, f.chartId, "anything"]) {
      const reply = await get(`/s/${notebookToken}/${id}`);
      expect([id, reply.status]).toEqual([id, 404]);
      expect(reply.body).toBe(await NOT_FOUND_PAGE());
    }
  });

  it("a question token: the question, and nothing under it", async () => {
    const page = await get(`/s/${questionToken}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Will small caps beat large caps in 2026?");
    for (const id of ["anything", f.noteId, f.questionId, siblingId]) expect([id, (await get(`/s/${questionToken}/${id}`)).status]).toEqual([id, 404]);
  });

  it("a token of one notebook opens nothing of another, and a revoked token opens nothing at all", async () => {
    const { token, id } = await createShareLink(other.owner, { targetType: "notebook", targetId: other.notebookId, label: "Other", mode: "live" });
    expect((await get(`/s/${token}/${other.noteId}`)).status).toBe(200);
    for (const id of [f.noteId, siblingId]) expect((await get(`/s/${token}/${id}`)).status).toBe(404);
    await revokeShareLink(other.owner, id);
    for (const path of [`/s/${token}`, `/s/${token}/${other.noteId}`]) expect(await get(path)).toMatchObject({ status: 404, body: await NOT_FOUND_PAGE() });
  });

  it("POST, PUT, PATCH and DELETE to a share path are 405 and change nothing", async () => {
    await flushShareViews();
    const before = await dbSnapshot();
    for (const token of [f.shareToken, notebookToken, questionToken]) {
      for (const path of [`/s/${token}`, `/s/${token}/${f.noteId}`]) {
        for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
          const reply = await get(path, method);
          expect([method, path, reply.status]).toEqual([method, path, 405]);
          expect(reply.headers.allow).toBe("GET, HEAD");
        }
      }
    }
    await flushShareViews();
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("a share token is no credential", () => {
  /** A tRPC request over the same handler the server uses, carrying the token as Bearer, cookies and headers. */
  async function trpc(token: string, path: string, input: unknown, method: "GET" | "POST") {
    const headers = shareHolderHeaders(token);
    const url = `${edge.base}/api/trpc/${path}${method === "GET" ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : ""}`;
    if (method === "POST") headers.set("content-type", "application/json");
    const res = await fetch(url, { method, headers, body: method === "POST" ? JSON.stringify({ json: input }) : undefined });
    const body = (await res.json()) as { error?: { json?: { data?: { code?: string } } } };
    return { status: res.status, code: body.error?.json?.data?.code };
  }

  it("to tRPC: every read and write with the token in every header is 401 UNAUTHORIZED, and nothing changes", async () => {
    const before = await dbSnapshot();
    const calls: Array<[string, unknown, "GET" | "POST"]> = [
      ["notes.get", { id: f.noteId }, "GET"],
      ["notebooks.get", { id: f.notebookId }, "GET"],
      ["questions.get", { id: f.questionId }, "GET"],
      ["share.listMine", undefined, "GET"],
      ["notes.update", { id: f.noteId, baseVersion: 1, title: "Changed by a share holder" }, "POST"],
      ["share.revoke", { id: f.shareLinkId }, "POST"],
      ["questions.forecast", { questionId: f.questionId, probability: 0.9 }, "POST"],
    ];
    for (const token of [f.shareToken, notebookToken, questionToken]) {
      for (const [path, input, method] of calls) {
        expect([path, await trpc(token, path, input, method)]).toEqual([path, { status: 401, code: "UNAUTHORIZED" }]);
      }
    }
    expect(await dbSnapshot()).toEqual(before);
  });

  it("to the REST series endpoint: GET and POST with the token as Bearer are 401, and nothing changes", async () => {
    const before = await dbSnapshot();
    for (const token of [f.shareToken, notebookToken]) {
      const headers = shareHolderHeaders(token);
      const read = await getObservations(new Request("http://127.0.0.1/api/v1/series/RUT/observations", { headers }), "RUT");
      expect(read.status).toBe(401);
      headers.set("content-type", "text/csv");
      const write = await postObservations(new Request("http://127.0.0.1/api/v1/series/RUT/observations", { method: "POST", headers, body: "date,RUT\n2026-02-02,1\n" }), "RUT");
      expect(write.status).toBe(401);
    }
    expect(await dbSnapshot()).toEqual(before);
  });
});
