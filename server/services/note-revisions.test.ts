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
async function revisions(noteId: string): Promise<Array<[string, number, string, string | null]>> {
  return (await getDb()
    .select()
    .from(noteRevisions)
    .where(eq(noteRevisions.noteId, noteId))
    .orderBy(asc(noteRevisions.id)))
    .map((r) => [r.kind, r.noteVersion, r.body, r.authorId]);
}

async function lastRevisionId(noteId: string): Promise<number> {
  return (await getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, noteId))).at(-1)!.id;
}

async function ageRevision(id: number, ms: number): Promise<void> {
  await getDb().update(noteRevisions).set({ createdAt: new Date(Date.now() - ms) }).where(eq(noteRevisions.id, id));
}

/** Saves successive bodies as one author, starting from the note's current version. */
async function save(author: Team["owner"], noteId: string, ...bodies: string[]): Promise<number> {
  let version = (await getDb().select().from(notes).where(eq(notes.id, noteId)))[0]!.version;
  for (const body of bodies) version = (await updateNote(author, { id: noteId, baseVersion: version, body })).version;
  return version;
}

describe("coalescing edits", () => {
  it("folds one author's edits within five minutes into one revision holding the latest text", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Fold", body: "v1" });
    await save(t.owner, id, "v2", "v3", "v4");
    expect(await revisions(id)).toEqual([
      ["created", 1, "v1", t.owner.id],
      ["edit", 4, "v4", t.owner.id],
    ]);
  });

  it("starts a new revision once the open one is older than the window, and keeps the old one as it was", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Window", body: "a" });
    await save(t.owner, id, "b");
    await ageRevision(await lastRevisionId(id), REVISION_WINDOW_MS - 60_000);
    await save(t.owner, id, "c");
    expect((await revisions(id)).map(([kind, , body]) => `${kind}:${body}`)).toEqual(["created:a", "edit:c"]);
    await ageRevision(await lastRevisionId(id), 6 * 60 * 1000);
    await save(t.owner, id, "d", "e");
    expect(await revisions(id)).toEqual([
      ["created", 1, "a", t.owner.id],
      ["edit", 3, "c", t.owner.id],
      ["edit", 5, "e", t.owner.id],
    ]);
  });

  it("starts a new revision when another author edits, and again when the first comes back", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Two authors", body: "0" });
    await save(t.owner, id, "owner 1", "owner 2");
    await save(t.editor, id, "editor 1", "editor 2");
    await save(t.owner, id, "owner 3");
    expect((await revisions(id)).slice(1)).toEqual([
      ["edit", 3, "owner 2", t.owner.id],
      ["edit", 5, "editor 2", t.editor.id],
      ["edit", 6, "owner 3", t.owner.id],
    ]);
    expect((await listRevisions(t.viewer, id)).map((r) => r.authorName)).toEqual([t.owner.name, t.editor.name, t.owner.name, t.owner.name]);
  });

  it("a checkpoint keeps the current text and closes the window, listing each version once", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Checkpoint", body: "draft" });
    await save(t.owner, id, "draft 2");
    const { revisionId } = await checkpoint(t.editor, id);
    expect(await getRevision(t.viewer, { noteId: id, revisionId })).toMatchObject({ kind: "checkpoint", noteVersion: 2, body: "draft 2", authorName: t.owner.name });
    expect((await checkpoint(t.owner, id)).revisionId).toBe(revisionId);
    expect((await getNote(t.owner, id)).version).toBe(2);
    await save(t.owner, id, "draft 3");
    expect((await revisions(id)).map(([kind, version, body]) => `${kind}:v${version}:${body}`)).toEqual(["created:v1:draft", "checkpoint:v2:draft 2", "edit:v3:draft 3"]);
  });

  it("a checkpoint after a restore or another checkpoint adds no second row for the same version", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Once", body: "draft" });
    const first = (await checkpoint(t.owner, id)).revisionId;
    expect((await checkpoint(t.owner, id)).revisionId).toBe(first);
    expect((await revisions(id)).map(([kind, version]) => `${kind}:v${version}`)).toEqual(["created:v1"]);
  });
});

describe("reading revisions", () => {
  it("lists newest first and gets a revision's full text, only through its own note", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Read", body: "first" });
    const { id: other } = await createNote(t.owner, { notebookId: t.notebookId, title: "Other", body: "" });
    await save(t.owner, id, "second");
    const list = await listRevisions(t.viewer, id);
    expect(list.map((r) => [r.kind, r.noteVersion])).toEqual([["edit", 2], ["created", 1]]);
    expect(await getRevision(t.viewer, { noteId: id, revisionId: list[1]!.id })).toMatchObject({ title: "Read", body: "first" });
    expect((await trpcError(() => getRevision(t.owner, { noteId: other, revisionId: list[1]!.id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => getRevision(t.owner, { noteId: id, revisionId: 99_999_999 }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => listRevisions(t.stranger, id))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => getRevision(t.stranger, { noteId: id, revisionId: list[1]!.id }))).code).toBe("NOT_FOUND");
  });
});

describe("restoring a revision", () => {
  it("makes the old text current as a new version and a 'restore' revision, losing nothing", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Restore", body: "original" });
    await save(t.owner, id, "rewrite");
    await ageRevision(await lastRevisionId(id), 10 * 60 * 1000);
    await save(t.editor, id, "latest words");
    const before = await getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id));
    const created = before[0]!;

    expect(await restoreRevision(t.editor, { noteId: id, revisionId: created.id })).toEqual({ version: 4 });
    expect(await getNote(t.viewer, id)).toMatchObject({ title: "Restore", body: "original", version: 4, updatedByName: t.editor.name });
    const after = await getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([expect.objectContaining({ kind: "restore", noteVersion: 4, body: "original", authorId: t.editor.id })]);
    expect(after.map((r) => r.body)).toEqual(expect.arrayContaining(["original", "rewrite", "latest words"]));

    await save(t.editor, id, "after restore");
    expect((await revisions(id)).slice(-2).map(([kind, , body]) => `${kind}:${body}`)).toEqual(["restore:original", "edit:after restore"]);
  });

  it("is refused to a viewer and a stranger, and for another note's revision, changing nothing", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Guarded", body: "one" });
    const { id: other } = await createNote(t.owner, { notebookId: t.notebookId, title: "Elsewhere", body: "two" });
    await save(t.owner, id, "one, edited");
    const revisionId = (await getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id)).orderBy(asc(noteRevisions.id)))[0]!.id;
    const before = await dbSnapshot();
    expect((await trpcError(() => restoreRevision(t.viewer, { noteId: id, revisionId }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => restoreRevision(t.stranger, { noteId: id, revisionId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => restoreRevision(t.owner, { noteId: other, revisionId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => checkpoint(t.viewer, id))).code).toBe("FORBIDDEN");
    expect(await dbSnapshot()).toEqual(before);
  });
});
