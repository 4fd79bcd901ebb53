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
const count = (table: typeof noteRevisions | typeof noteTags | typeof noteLinks, noteId: string) =>
  getDb().select().from(table).where(eq(table.noteId, noteId)).all().length;

describe("trash and restore", () => {
  it("moves a note to the trash and back, each time a new version and one event", () => {
    const { id } = createNote(t.editor, { notebookId: t.notebookId, title: "Round trip", body: "kept", tags: ["keep"] });
    trashNote(t.editor, id);
    expect(ids(listNotes(t.viewer, { notebookId: t.notebookId }))).not.toContain(id);
    expect(ids(listNotes(t.viewer))).not.toContain(id);
    expect(ids(listNotes(t.viewer, { notebookId: t.notebookId, tag: "keep" }))).toEqual([]);
    expect(ids(listTrash(t.viewer, t.notebookId))).toContain(id);
    const trashed = getNote(t.viewer, id);
    expect(trashed.deletedAt).toBeInstanceOf(Date);
    expect(trashed).toMatchObject({ version: 2, body: "kept", tags: ["keep"] });

    restoreNote(t.owner, id);
    expect(getNote(t.viewer, id)).toMatchObject({ deletedAt: null, version: 3, body: "kept" });
    expect(ids(listNotes(t.viewer, { notebookId: t.notebookId }))).toContain(id);
    expect(ids(listTrash(t.viewer, t.notebookId))).not.toContain(id);
    expect(eventsAbout(id).map(([action]) => action)).toEqual(["note.created", "note.trashed", "note.restored"]);
  });

  it("leaves a note alone when it is trashed twice or restored while live", () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Twice", body: "" });
    restoreNote(t.owner, id);
    expect(getNote(t.owner, id)).toMatchObject({ version: 1, deletedAt: null });
    trashNote(t.owner, id);
    const first = getNote(t.owner, id);
    trashNote(t.editor, id);
    expect(getNote(t.owner, id)).toMatchObject({ version: first.version, deletedAt: first.deletedAt });
    expect(eventsAbout(id).map(([action]) => action)).toEqual(["note.created", "note.trashed"]);
  });
});

describe("emptyTrash", () => {
  it("deletes only this notebook's trashed notes, with their revisions, tags and links, and records an event", () => {
    const { id: otherBook } = createNotebook(t.owner, { name: "Other book" });
    const live = createNote(t.owner, { notebookId: t.notebookId, title: "Live", body: "::chart{id=live}", tags: ["x"] }).id;
    const gone = [1, 2].map((i) => createNote(t.owner, { notebookId: t.notebookId, title: `Gone ${i}`, body: "::chart{id=c1}", tags: ["x"] }).id);
    const elsewhere = createNote(t.owner, { notebookId: otherBook, title: "Other trash", body: "" }).id;
    for (const id of [...gone, elsewhere]) trashNote(t.owner, id);
    const inTrash = listTrash(t.owner, t.notebookId).length;

    expect(emptyTrash(t.editor, t.notebookId)).toEqual({ deleted: inTrash });
    expect(listTrash(t.owner, t.notebookId)).toEqual([]);
    for (const id of gone) {
      expect(getDb().select().from(notes).where(eq(notes.id, id)).get()).toBeUndefined();
      expect([count(noteRevisions, id), count(noteTags, id), count(noteLinks, id)]).toEqual([0, 0, 0]);
    }
    expect([count(noteRevisions, live), count(noteTags, live), count(noteLinks, live)]).toEqual([1, 1, 1]);
    expect(ids(listTrash(t.owner, otherBook))).toEqual([elsewhere]);
    expect(eventsAbout(t.notebookId).filter(([action]) => action === "note.trash_emptied")).toEqual([["note.trash_emptied", { deleted: inTrash }]]);
    expect(emptyTrash(t.owner, t.notebookId)).toEqual({ deleted: 0 });
  });
});
