// The trash: trashing hides a note from lists but keeps it, restore brings it back, emptying deletes only the trash.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { noteLinks, noteRevisions, noteTags, notes } from "@/db/schema";
import { eventsAbout, makeTeam, type Team } from "@/test/procedures";
import { createNotebook } from "./notebooks";
import { createNote, emptyTrash, getNote, listNotes, listTrash, restoreNote, trashNote } from "./notes";

let t: Team;
beforeAll(async () => {
  t = await makeTeam("trash");
});

const ids = (list: Array<{ id: string }>) => list.map((n) => n.id).sort();
const count = async (table: typeof noteRevisions | typeof noteTags | typeof noteLinks, noteId: string) =>
  (await getDb().select().from(table).where(eq(table.noteId, noteId))).length;

describe("trash and restore", () => {
  it("moves a note to the trash and back, each time a new version and one event", async () => {
    const { id } = await createNote(t.editor, { notebookId: t.notebookId, title: "Round trip", body: "kept", tags: ["keep"] });
    await trashNote(t.editor, id);
    expect(ids(await listNotes(t.viewer, { notebookId: t.notebookId }))).not.toContain(id);
    expect(ids(await listNotes(t.viewer))).not.toContain(id);
    expect(ids(await listNotes(t.viewer, { notebookId: t.notebookId, tag: "keep" }))).toEqual([]);
    expect(ids(await listTrash(t.viewer, t.notebookId))).toContain(id);
    const trashed = await getNote(t.viewer, id);
    expect(trashed.deletedAt).toBeInstanceOf(Date);
    expect(trashed).toMatchObject({ version: 2, body: "kept", tags: ["keep"] });

    await restoreNote(t.owner, id);
    expect(await getNote(t.viewer, id)).toMatchObject({ deletedAt: null, version: 3, body: "kept" });
    expect(ids(await listNotes(t.viewer, { notebookId: t.notebookId }))).toContain(id);
    expect(ids(await listTrash(t.viewer, t.notebookId))).not.toContain(id);
    expect((await eventsAbout(id)).map(([action]) => action)).toEqual(["note.created", "note.trashed", "note.restored"]);
  });

  it("leaves a note alone when it is trashed twice or restored while live", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Twice", body: "" });
    await restoreNote(t.owner, id);
    expect(await getNote(t.owner, id)).toMatchObject({ version: 1, deletedAt: null });
    await trashNote(t.owner, id);
    const first = await getNote(t.owner, id);
    await trashNote(t.editor, id);
    expect(await getNote(t.owner, id)).toMatchObject({ version: first.version, deletedAt: first.deletedAt });
    expect((await eventsAbout(id)).map(([action]) => action)).toEqual(["note.created", "note.trashed"]);
  });
});

describe("emptyTrash", () => {
  it("deletes only this notebook's trashed notes, with their revisions, tags and links, and records an event", async () => {
    const { id: otherBook } = await createNotebook(t.owner, { name: "Other book" });
    const live = (await createNote(t.owner, { notebookId: t.notebookId, title: "Live", body: "::chart{id=live}", tags: ["x"] })).id;
    const gone: string[] = [];
    for (const i of [1, 2]) gone.push((await createNote(t.owner, { notebookId: t.notebookId, title: `Gone ${i}`, body: "::chart{id=c1}", tags: ["x"] })).id);
    const elsewhere = (await createNote(t.owner, { notebookId: otherBook, title: "Other trash", body: "" })).id;
    for (const id of [...gone, elsewhere]) await trashNote(t.owner, id);
    const inTrash = (await listTrash(t.owner, t.notebookId)).length;

    expect(await emptyTrash(t.editor, t.notebookId)).toEqual({ deleted: inTrash });
    expect(await listTrash(t.owner, t.notebookId)).toEqual([]);
    for (const id of gone) {
      expect((await getDb().select().from(notes).where(eq(notes.id, id)))[0]).toBeUndefined();
      expect([(await count(noteRevisions, id)), await count(noteTags, id), (await count(noteLinks, id))]).toEqual([0, 0, 0]);
    }
    expect([(await count(noteRevisions, live)), await count(noteTags, live), (await count(noteLinks, live))]).toEqual([1, 1, 1]);
    expect(ids(await listTrash(t.owner, otherBook))).toEqual([elsewhere]);
    expect((await eventsAbout(t.notebookId)).filter(([action]) => action === "note.trash_emptied")).toEqual([["note.trash_emptied", { deleted: inTrash }]]);
    expect(await emptyTrash(t.owner, t.notebookId)).toEqual({ deleted: 0 });
  });
});
