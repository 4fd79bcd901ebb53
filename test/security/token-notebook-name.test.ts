// Attack replay: an API token for a notebook its owner was removed from must not reveal the notebook's current name, nor reach its data.
import { beforeEach, describe, expect, it } from "vitest";
import { getObservations, postObservations } from "@/server/rest/series-observations";
import { createToken, listTokens } from "@/server/services/api-tokens";
import { removeMember, renameNotebook } from "@/server/services/notebooks";
import { createSeries } from "@/server/services/series";
import { callerFor } from "@/test/helpers";
import { makeTeam, type Team } from "@/test/procedures";

let team: Team;
let token: string;

beforeEach(async () => {
  team = await makeTeam("tokenname");
  await createSeries(team.owner, { notebookId: team.notebookId, key: "RUT", name: "Russell 2000", unit: "", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null });
  ({ token } = await createToken(team.editor, { notebookId: team.notebookId, name: "Nightly push" }));
});

const url = "http://quire.test/api/v1/series/RUT/observations";

describe("a token for a notebook its owner no longer belongs to", () => {
  it("lists without the notebook's name, even after a rename", async () => {
    expect((await callerFor(team.editor).tokens.list())[0]).toMatchObject({ name: "Nightly push", notebookName: expect.any(String) });
    await removeMember(team.owner, { notebookId: team.notebookId, userId: team.editor.id });
    await renameNotebook(team.owner, { id: team.notebookId, name: "Project Falcon: acquisition target" });
    const [listed] = await callerFor(team.editor).tokens.list();
    expect(listed).toMatchObject({ name: "Nightly push", notebookName: null, notebookId: null });
    expect(JSON.stringify(await listTokens(team.editor))).not.toContain("Falcon");
    expect(JSON.stringify(await listTokens(team.editor))).not.toContain(team.notebookId);
  });

  it("reads and writes nothing through the REST API", async () => {
    const headers = { authorization: `Bearer ${token}` };
    expect((await getObservations(new Request(url, { headers }), "RUT")).status).toBe(200);
    await removeMember(team.owner, { notebookId: team.notebookId, userId: team.editor.id });
    const read = await getObservations(new Request(url, { headers }), "RUT");
    expect(read.status).toBe(404);
    const write = await postObservations(new Request(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify([{ date: "2026-01-02", value: 1 }]) }), "RUT");
    expect(write.status).toBe(404);
    expect(await write.text()).not.toContain("Russell");
  });
});
