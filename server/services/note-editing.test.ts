// Writing notes: versions, CONFLICT on a stale base with the current text, roles, embeds kept in note_links, events.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { noteLinks, noteRevisions, notes } from "@/db/schema";
import { dbSnapshot, formatted, trpcError } from "@/test/helpers";
import { eventsAbout, makeTeam, type Team } from "@/test/procedures";
import { MISSING_ID } from "@/test/procedure-fields";
import { restoreRevision } from "./note-revisions";
import { createNote, emptyTrash, getNote, listNotes, restoreNote, trashNote, updateNote } from "./notes";

let t: Team;
beforeAll(async () => {
  t = await makeTeam("editing");
});

async function linksOf(noteId: string): Promise<string[]> {
  return (await getDb()
    .select()
    .from(noteLinks)
    .where(eq(noteLinks.noteId, noteId)))
    .map((l) => `${l.targetType}:${l.targetId}`)
    .sort();
}

async function row(noteId: string) {
  return (await getDb().select().from(notes).where(eq(notes.id, noteId)))[0];
}

describe("createNote and updateNote", () => {
  it("creates at version 1 with a 'created' revision, tags and an event", async () => {
    const { id, version } = await createNote(t.editor, { notebookId: t.notebookId, title: "Rotation", body: "Small caps lead.", tags: ["macro", "macro", "equities"] });
    expect(version).toBe(1);
    expect(await getNote(t.viewer, id)).toMatchObject({ title: "Rotation", body: "Small caps lead.", version: 1, tags: ["equities", "macro"], deletedAt: null, canEdit: false, updatedByName: t.editor.name });
    expect((await getNote(t.editor, id)).canEdit).toBe(true);
    const revisions = await getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id));
    expect(revisions).toEqual([expect.objectContaining({ kind: "created", noteVersion: 1, title: "Rotation", body: "Small caps lead.", authorId: t.editor.id })]);
    expect(await eventsAbout(id)).toEqual([["note.created", null]]);
  });

  it("adds one to the version on every save and keeps the last text and author", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Draft", body: "" });
    expect((await updateNote(t.owner, { id, baseVersion: 1, body: "First words." })).version).toBe(2);
    expect((await updateNote(t.editor, { id, baseVersion: 2, title: "Draft, titled" })).version).toBe(3);
    const saved = await updateNote(t.owner, { id, baseVersion: 3, title: "Final", body: "Last words." });
    expect(saved).toMatchObject({ id, version: 4 });
    expect(await getNote(t.viewer, id)).toMatchObject({ title: "Final", body: "Last words.", version: 4, updatedByName: t.owner.name });
    expect((await row(id))!.updatedAt).toEqual(saved.updatedAt);
    expect((await listNotes(t.viewer, { notebookId: t.notebookId }))[0]!.id).toBe(id);
  });

  it("refuses a stale baseVersion with CONFLICT, the current text in details, and changes nothing", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Two tabs", body: "Tab one." });
    const { version, updatedAt } = await updateNote(t.editor, { id, baseVersion: 1, body: "Tab two wins." });
    const before = await dbSnapshot();
    const input = { id, baseVersion: 1, body: "Tab one, later." };
    const error = await trpcError(() => updateNote(t.owner, input));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/version 2.*from 1/);
    expect(await dbSnapshot()).toEqual(before);
    const shape = formatted(error, "notes.update", input);
    expect(shape.data.code).toBe("CONFLICT");
    expect(shape.data.details).toEqual({ current: { version, title: "Two tabs", body: "Tab two wins.", updatedAt, updatedByName: t.editor.name } });
    expect((await trpcError(() => updateNote(t.owner, { id, baseVersion: 3, body: "from the future" }))).code).toBe("CONFLICT");
    expect((await updateNote(t.owner, { id, baseVersion: 2, body: "Merged." })).version).toBe(3);
  });

  it("will not save into a trashed note", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Binned", body: "x" });
    await trashNote(t.owner, id);
    const version = (await row(id))!.version;
    const error = await trpcError(() => updateNote(t.owner, { id, baseVersion: version, body: "y" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("in the trash");
    expect((await row(id))!.body).toBe("x");
  });
});

describe("who may write", () => {
  it("a viewer gets FORBIDDEN from create, update, trash, restore and empty trash, and nothing changes", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Locked", body: "Owner's text." });
    const { id: trashed } = await createNote(t.owner, { notebookId: t.notebookId, title: "In the bin", body: "" });
    await trashNote(t.owner, trashed);
    const before = await dbSnapshot();
    const attempts = [
      () => createNote(t.viewer, { notebookId: t.notebookId, title: "Mine" }),
      () => updateNote(t.viewer, { id, baseVersion: 1, body: "Viewer's text." }),
      () => trashNote(t.viewer, id),
      () => restoreNote(t.viewer, trashed),
      () => emptyTrash(t.viewer, t.notebookId),
    ];
    for (const attempt of attempts) expect((await trpcError(attempt)).code).toBe("FORBIDDEN");
    expect(await dbSnapshot()).toEqual(before);
  });

  it("a stranger gets NOT_FOUND, the same as for a missing id, and nothing changes", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Private", body: "" });
    const before = await dbSnapshot();
    const attempts = (noteId: string, notebookId: string) => [
      () => getNote(t.stranger, noteId),
      () => createNote(t.stranger, { notebookId, title: "Intruder" }),
      () => updateNote(t.stranger, { id: noteId, baseVersion: 1, body: "Intruder." }),
      () => trashNote(t.stranger, noteId),
      () => restoreNote(t.stranger, noteId),
      () => emptyTrash(t.stranger, notebookId),
    ];
    const real = attempts(id, t.notebookId);
    const missing = attempts(MISSING_ID, MISSING_ID);
    for (const [i, attempt] of real.entries()) {
      const [a, b] = [await trpcError(attempt), await trpcError(missing[i]!)];
      expect([a.code, a.message]).toEqual(["NOT_FOUND", b.message]);
    }
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("note_links", () => {
  it("records the embeds on create and rewrites them on every body save, not on a title-only save", async () => {
    const body = "Intro\n\n::chart{id=ratio}\n\n::question{id=cuts}\n\n```\n::chart{id=in-code}\n```";
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Links", body });
    expect(await linksOf(id)).toEqual(["chart:ratio", "question:cuts"]);
    expect((await getNote(t.viewer, id)).links).toEqual(expect.arrayContaining([{ kind: "chart", id: "ratio" }, { kind: "question", id: "cuts" }]));
    await updateNote(t.owner, { id, baseVersion: 1, body: "::chart{id=ratio}\n::chart{id=ytd}\n::chart{id=ytd}" });
    expect(await linksOf(id)).toEqual(["chart:ratio", "chart:ytd"]);
    await updateNote(t.owner, { id, baseVersion: 2, title: "Links, renamed" });
    expect(await linksOf(id)).toEqual(["chart:ratio", "chart:ytd"]);
    await updateNote(t.owner, { id, baseVersion: 3, body: "No embeds left." });
    expect(await linksOf(id)).toEqual([]);
  });

  it("follows a revision restore", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Restore links", body: "::question{id=q-old}" });
    await updateNote(t.owner, { id, baseVersion: 1, body: "::chart{id=c-new}" });
    expect(await linksOf(id)).toEqual(["chart:c-new"]);
    const created = (await getDb().select().from(noteRevisions).where(eq(noteRevisions.noteId, id)).orderBy(asc(noteRevisions.id)))[0]!;
    await restoreRevision(t.editor, { noteId: id, revisionId: created.id });
    expect(await linksOf(id)).toEqual(["question:q-old"]);
    expect(await eventsAbout(id)).toEqual([
      ["note.created", null],
      ["note.revision_restored", { revisionId: created.id }],
    ]);
  });
});
