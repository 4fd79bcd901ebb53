// Revisions: edits fold per author within five minutes, checkpoints close the window, restore adds and never removes.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { noteRevisions, notes } from "@/db/schema";
import { dbSnapshot, trpcError } from "@/test/helpers";
import { makeTeam, type Team } from "@/test/procedures";
import { checkpoint, getRevision, listRevisions, REVISION_WINDOW_MS, restoreRevision } from "./note-revisions";
import { createNote, getNote, updateNote } from "./notes";

let t: Team;
beforeAll(async () => {
  t = await makeTeam("revisions");
});

/** The note's revisions, oldest first, as [kind, noteVersion, body, authorId]. */
function revisions(noteId: string): Array<[string, number, string, string | null]> {
  return getDb()
    .select()
    .from(noteRevisions)
    .where(eq(noteRevisions.noteId, noteId))
    .orderBy(asc(noteRevisions.id))
    .all()
    .map((r) => [r.kind, r.noteVersion, r.body, r.authorId]);
}

function lastRevisionId(noteId: string): number {
  return getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, noteId)).all().at(-1)!.id;
}

function ageRevision(id: number, ms: number): void {
  getDb().update(noteRevisions).set({ createdAt: new Date(Date.now() - ms) }).where(eq(noteRevisions.id, id)).run();
}

/** Saves successive bodies as one author, starting from the note's current version. */
function save(author: Team["owner"], noteId: string, ...bodies: string[]): number {
  let version = getDb().select().from(notes).where(eq(notes.id, noteId)).get()!.version;
  for (const body of bodies) version = updateNote(author, { id: noteId, baseVersion: version, body }).version;
  return version;
}

describe("coalescing edits", () => {
  it("folds one author's edits within five minutes into one revision holding the latest text", () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Fold", body: "v1" });
    save(t.owner, id, "v2", "v3", "v4");
    expect(revisions(id)).toEqual([
      ["created", 1, "v1", t.owner.id],
      ["edit", 4, "v4", t.owner.id],
    ]);
  });

  it("starts a new revision once the open one is older than the window, and keeps the old one as it was", () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Window", body: "a" });
    save(t.owner, id, "b");
    ageRevision(lastRevisionId(id), REVISION_WINDOW_MS - 60_000);
    save(t.owner, id, "c");
    expect(revisions(id).map(([kind, , body]) => `${kind}:${body}`)).toEqual(["created:a", "edit:c"]);
    ageRevision(lastRevisionId(id), 6 * 60 * 1000);
    save(t.owner, id, "d", "e");
    expect(revisions(id)).toEqual([
      ["created", 1, "a", t.owner.id],
      ["edit", 3, "c", t.owner.id],
      ["edit", 5, "e", t.owner.id],
    ]);
  });

  it("starts a new revision when another author edits, and again when the first comes back", () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Two authors", body: "0" });
    save(t.owner, id, "owner 1", "owner 2");
    save(t.editor, id, "editor 1", "editor 2");
    save(t.owner, id, "owner 3");
    expect(revisions(id).slice(1)).toEqual([
      ["edit", 3, "owner 2", t.owner.id],
      ["edit", 5, "editor 2", t.editor.id],
      ["edit", 6, "owner 3", t.owner.id],
    ]);
    expect(listRevisions(t.viewer, id).map((r) => r.authorName)).toEqual([t.owner.name, t.editor.name, t.owner.name, t.owner.name]);
  });

  it("a checkpoint keeps the current text and closes the window, listing each version once", () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Checkpoint", body: "draft" });
    save(t.owner, id, "draft 2");
    const { revisionId } = checkpoint(t.editor, id);
    expect(getRevision(t.viewer, { noteId: id, revisionId })).toMatchObject({ kind: "checkpoint", noteVersion: 2, body: "draft 2", authorName: t.owner.name });
    expect(checkpoint(t.owner, id).revisionId).toBe(revisionId);
    expect(getNote(t.owner, id).version).toBe(2);
    save(t.owner, id, "draft 3");
    expect(revisions(id).map(([kind, version, body]) => `${kind}:v${version}:${body}`)).toEqual(["created:v1:draft", "checkpoint:v2:draft 2", "edit:v3:draft 3"]);
  });

  it("a checkpoint after a restore or another checkpoint adds no second row for the same version", () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Once", body: "draft" });
    const first = checkpoint(t.owner, id).revisionId;
    expect(checkpoint(t.owner, id).revisionId).toBe(first);
    expect(revisions(id).map(([kind, version]) => `${kind}:v${version}`)).toEqual(["created:v1"]);
  });
});

describe("reading revisions", () => {
  it("lists newest first and gets a revision's full text, only through its own note", async () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Read", body: "first" });
    const { id: other } = createNote(t.owner, { notebookId: t.notebookId, title: "Other", body: "" });
    save(t.owner, id, "second");
    const list = listRevisions(t.viewer, id);
    expect(list.map((r) => [r.kind, r.noteVersion])).toEqual([["edit", 2], ["created", 1]]);
    expect(getRevision(t.viewer, { noteId: id, revisionId: list[1]!.id })).toMatchObject({ title: "Read", body: "first" });
    expect((await trpcError(() => getRevision(t.owner, { noteId: other, revisionId: list[1]!.id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => getRevision(t.owner, { noteId: id, revisionId: 99_999_999 }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => listRevisions(t.stranger, id))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => getRevision(t.stranger, { noteId: id, revisionId: list[1]!.id }))).code).toBe("NOT_FOUND");
  });
});

describe("restoring a revision", () => {
  it("makes the old text current as a new version and a 'restore' revision, losing nothing", () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Restore", body: "original" });
    save(t.owner, id, "rewrite");
    ageRevision(lastRevisionId(id), 10 * 60 * 1000);
    save(t.editor, id, "latest words");
    const before = getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id)).all();
    const created = before[0]!;

    expect(restoreRevision(t.editor, { noteId: id, revisionId: created.id })).toEqual({ version: 4 });
    expect(getNote(t.viewer, id)).toMatchObject({ title: "Restore", body: "original", version: 4, updatedByName: t.editor.name });
    const after = getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id)).all();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([expect.objectContaining({ kind: "restore", noteVersion: 4, body: "original", authorId: t.editor.id })]);
    expect(after.map((r) => r.body)).toEqual(expect.arrayContaining(["original", "rewrite", "latest words"]));

    save(t.editor, id, "after restore");
    expect(revisions(id).slice(-2).map(([kind, , body]) => `${kind}:${body}`)).toEqual(["restore:original", "edit:after restore"]);
  });

  it("is refused to a viewer and a stranger, and for another note's revision, changing nothing", async () => {
    const { id } = createNote(t.owner, { notebookId: t.notebookId, title: "Guarded", body: "one" });
    const { id: other } = createNote(t.owner, { notebookId: t.notebookId, title: "Elsewhere", body: "two" });
    save(t.owner, id, "one, edited");
    const revisionId = getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id)).orderBy(asc(noteRevisions.id)).get()!.id;
    const before = dbSnapshot();
    expect((await trpcError(() => restoreRevision(t.viewer, { noteId: id, revisionId }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => restoreRevision(t.stranger, { noteId: id, revisionId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => restoreRevision(t.owner, { noteId: other, revisionId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => checkpoint(t.viewer, id))).code).toBe("FORBIDDEN");
    expect(dbSnapshot()).toEqual(before);
  });
});
