// notePageVersion, the note page cache's key: it moves on with each thing the page shows, and is null without access.
import { beforeAll, describe, expect, it } from "vitest";
import { makeTeam, type Team } from "@/test/procedures";
import { changeMemberRole, removeMember, renameNotebook } from "./notebooks";
import { notePageVersion } from "./note-page-version";
import { setNoteTags } from "./note-tags";
import { createNote, restoreNote, trashNote, updateNote } from "./notes";
import { createSeries } from "./series";
import { pushObservations } from "./series-import";

let t: Team;
beforeAll(async () => {
  t = await makeTeam("pagever");
});

describe("notePageVersion", () => {
  it("moves on with the note, its notebook's data, names, tags and the reader's role", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Kept", body: "First words." });
    const seen = new Set<string>();
    /** The reader's version now; fails when it equals one seen before (it must have moved on). */
    const moved = async (why: string) => {
      const version = await notePageVersion(t.viewer, id);
      expect(version, why).not.toBeNull();
      expect(seen.has(version!), `${why}: the version did not move on`).toBe(false);
      seen.add(version!);
      return version!;
    };
    const first = await moved("first read");
    expect(await notePageVersion(t.viewer, id)).toBe(first);

    const saved = await updateNote(t.editor, { id, baseVersion: 1, body: "Second words." });
    await moved("the note's own edit");
    await updateNote(t.editor, { id, baseVersion: saved.version, title: "Kept, retitled" });
    await moved("the note's title");
    await setNoteTags(t.editor, { id, tags: ["rates"] });
    await moved("its tags");
    await renameNotebook(t.owner, { id: t.notebookId, name: "Renamed desk" });
    await moved("the notebook's name");
    await createSeries(t.editor, { notebookId: t.notebookId, key: "PAGEVER", name: "Page version", unit: "", frequency: "daily", source: "api", sourceRef: "", notes: "", refreshIntervalMinutes: null });
    await moved("a new series its charts and figures may read");
    await pushObservations(t.editor, { notebookId: t.notebookId, key: "PAGEVER", observations: [{ date: "2026-01-02", value: 1 }] });
    await moved("new data in a series");
    await changeMemberRole(t.owner, { notebookId: t.notebookId, userId: t.viewer.id, role: "editor" });
    await moved("the reader's role");
    await trashNote(t.owner, id);
    await moved("the note in the trash");
    await restoreNote(t.owner, id);
    await moved("the note restored");
  });

  it("is null for a note that does not exist, and for anyone who is not a member", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Members only", body: "" });
    expect(await notePageVersion(t.stranger, id)).toBeNull();
    expect(await notePageVersion(t.owner, "no-such-note")).toBeNull();
    const team = await makeTeam("pagever2");
    const theirs = await createNote(team.owner, { notebookId: team.notebookId, title: "Theirs", body: "" });
    expect(await notePageVersion(team.viewer, theirs.id)).not.toBeNull();
    await removeMember(team.owner, { notebookId: team.notebookId, userId: team.viewer.id });
    expect(await notePageVersion(team.viewer, theirs.id)).toBeNull();
  });
});
