// The notes router: members read notes of their notebooks; others and deleted notes get NOT_FOUND.
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, trpcError } from "@/test/helpers";
import { makeFixture, MISSING_ID, softDeleteNote, type Fixture } from "@/test/procedures";

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture("notesrouter");
});

describe("notes router", () => {
  it("lists and gets notes for a viewer", async () => {
    const viewer = callerFor(fx.member);
    const list = await viewer.notes.list({ notebookId: fx.notebookId });
    expect(list).toEqual([expect.objectContaining({ id: fx.noteId, title: "First note", notebookName: fx.notebookName, excerpt: "Small caps led in January." })]);
    await expect(viewer.notes.list({})).resolves.toEqual(list);
    await expect(viewer.notes.get({ id: fx.noteId })).resolves.toMatchObject({ id: fx.noteId, body: "Small caps led in January.", version: 1 });
  });

  it("gives NOT_FOUND for a missing note and for a stranger", async () => {
    expect((await trpcError(() => callerFor(fx.owner).notes.get({ id: MISSING_ID }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => callerFor(fx.outsider).notes.get({ id: fx.noteId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => callerFor(fx.outsider).notes.list({ notebookId: fx.notebookId }))).code).toBe("NOT_FOUND");
  });

  it("hides a soft-deleted note from list and get", async () => {
    softDeleteNote(fx.noteId);
    const owner = callerFor(fx.owner);
    expect(await owner.notes.list({ notebookId: fx.notebookId })).toEqual([]);
    expect((await trpcError(() => owner.notes.get({ id: fx.noteId }))).code).toBe("NOT_FOUND");
  });
});
