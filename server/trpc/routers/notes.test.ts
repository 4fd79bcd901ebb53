// The notes router: members read notes of their notebooks (trashed ones marked as such); others get NOT_FOUND.
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, trpcError } from "@/test/helpers";
import { FIXTURE_NOTE_BODY, makeFixture, type Fixture } from "@/test/procedures";
import { MISSING_ID } from "@/test/procedure-fields";

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture("notesrouter");
});

describe("notes router", () => {
  it("lists and gets notes for a viewer", async () => {
    const viewer = callerFor(fx.member);
    const list = await viewer.notes.list({ notebookId: fx.notebookId });
    expect(list).toEqual([expect.objectContaining({ id: fx.noteId, title: "First note", notebookName: fx.notebookName, excerpt: "Small caps led in January: the Russell 2000 rose …." })]);
    await expect(viewer.notes.list({})).resolves.toEqual(list);
    await expect(viewer.notes.get({ id: fx.noteId })).resolves.toMatchObject({ id: fx.noteId, body: FIXTURE_NOTE_BODY, version: 1 });
  });

  it("gives NOT_FOUND for a missing note and for a stranger", async () => {
    expect((await trpcError(() => callerFor(fx.owner).notes.get({ id: MISSING_ID }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => callerFor(fx.outsider).notes.get({ id: fx.noteId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => callerFor(fx.outsider).notes.list({ notebookId: fx.notebookId }))).code).toBe("NOT_FOUND");
  });

  it("hides a trashed note from the list but still shows it to members, marked deleted; strangers get NOT_FOUND", async () => {
    const owner = callerFor(fx.owner);
    const viewer = callerFor(fx.member);
    await owner.notes.remove({ id: fx.noteId });
    expect(await owner.notes.list({ notebookId: fx.notebookId })).toEqual([]);
    expect(await viewer.notes.list({})).toEqual([]);
    expect((await owner.notes.trash({ notebookId: fx.notebookId })).map((n) => n.id)).toEqual([fx.noteId]);
    const seen = await viewer.notes.get({ id: fx.noteId });
    expect(seen).toMatchObject({ id: fx.noteId, title: "First note", canEdit: false });
    expect(seen.deletedAt).toBeInstanceOf(Date);
    expect((await owner.notes.get({ id: fx.noteId })).canEdit).toBe(true);
    const stranger = await trpcError(() => callerFor(fx.outsider).notes.get({ id: fx.noteId }));
    const missing = await trpcError(() => callerFor(fx.outsider).notes.get({ id: MISSING_ID }));
    expect([stranger.code, stranger.message]).toEqual(["NOT_FOUND", missing.message]);
  });
});
