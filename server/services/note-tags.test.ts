// Tags: set a note's tags, count them per notebook (live notes only), rename one across a notebook with merging.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { noteTags } from "@/db/schema";
import { dbSnapshot, trpcError } from "@/test/helpers";
import { eventsAbout, makeTeam, type Team } from "@/test/procedures";
import { createNotebook } from "./notebooks";
import { listTags, renameTag, setNoteTags } from "./note-tags";
import { createNote, getNote, listNotes, trashNote } from "./notes";

let t: Team;
beforeAll(async () => {
  t = await makeTeam("tags");
});

const tagsOf = (noteId: string) =>
  getDb()
    .select({ tag: noteTags.tag })
    .from(noteTags)
    .where(eq(noteTags.noteId, noteId))
    .all()
    .map((r) => r.tag)
    .sort();

function note(notebookId: string, tags: string[]): string {
  return createNote(t.owner, { notebookId, title: `Tagged ${tags.join(" ")}`, body: "", tags }).id;
}

describe("setNoteTags", () => {
  it("replaces a note's tags, without repeats, sorted, and records an event", () => {
    const id = note(t.notebookId, ["old"]);
    expect(setNoteTags(t.editor, { id, tags: ["rates", "equities", "rates"] })).toEqual({ tags: ["equities", "rates"] });
    expect(getNote(t.viewer, id).tags).toEqual(["equities", "rates"]);
    expect(listNotes(t.viewer, { notebookId: t.notebookId, tag: "rates" }).map((n) => n.id)).toEqual([id]);
    expect(listNotes(t.viewer, { notebookId: t.notebookId, tag: "old" })).toEqual([]);
    setNoteTags(t.editor, { id, tags: [] });
    expect(tagsOf(id)).toEqual([]);
    expect(eventsAbout(id).filter(([a]) => a === "note.tagged")).toEqual([
      ["note.tagged", { tags: ["equities", "rates"] }],
      ["note.tagged", { tags: [] }],
    ]);
  });

  it("is FORBIDDEN to a viewer and NOT_FOUND to a stranger, changing nothing", async () => {
    const id = note(t.notebookId, ["kept"]);
    const before = dbSnapshot();
    expect((await trpcError(() => setNoteTags(t.viewer, { id, tags: ["mine"] }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => setNoteTags(t.stranger, { id, tags: ["mine"] }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => listTags(t.stranger, t.notebookId))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => renameTag(t.viewer, { notebookId: t.notebookId, from: "kept", to: "mine" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => renameTag(t.stranger, { notebookId: t.notebookId, from: "kept", to: "mine" }))).code).toBe("NOT_FOUND");
    expect(dbSnapshot()).toEqual(before);
  });
});

describe("listTags", () => {
  it("counts the live notes of one notebook per tag, leaving out the trash and other notebooks", () => {
    const { id: book } = createNotebook(t.owner, { name: "Counting" });
    const { id: other } = createNotebook(t.owner, { name: "Elsewhere" });
    note(book, ["macro", "rates"]);
    note(book, ["macro"]);
    trashNote(t.owner, note(book, ["macro", "trashed-only"]));
    note(other, ["macro", "foreign"]);
    expect(listTags(t.owner, book)).toEqual([
      { tag: "macro", notes: 2 },
      { tag: "rates", notes: 1 },
    ]);
    expect(listTags(t.owner, other)).toEqual([
      { tag: "foreign", notes: 1 },
      { tag: "macro", notes: 1 },
    ]);
  });
});

describe("renameTag", () => {
  it("renames a tag on every note of the notebook, merging where a note already has the new name", () => {
    const { id: book } = createNotebook(t.owner, { name: "Renaming" });
    const { id: other } = createNotebook(t.owner, { name: "Untouched" });
    const a = note(book, ["smallcaps", "rates"]);
    const b = note(book, ["smallcaps", "small-caps"]);
    const c = note(book, ["rates"]);
    const inTrash = note(book, ["smallcaps"]);
    trashNote(t.owner, inTrash);
    const outside = note(other, ["smallcaps"]);

    expect(renameTag(t.owner, { notebookId: book, from: "smallcaps", to: "small-caps" })).toEqual({ notes: 3 });
    expect([tagsOf(a), tagsOf(b), tagsOf(c), tagsOf(inTrash)]).toEqual([["rates", "small-caps"], ["small-caps"], ["rates"], ["small-caps"]]);
    expect(tagsOf(outside)).toEqual(["smallcaps"]);
    expect(listTags(t.owner, book)).toEqual([
      { tag: "rates", notes: 2 },
      { tag: "small-caps", notes: 2 },
    ]);
    expect(eventsAbout(book).filter(([action]) => action === "tag.renamed")).toEqual([["tag.renamed", { from: "smallcaps", to: "small-caps", notes: 3 }]]);
  });

  it("does nothing for an unused tag or a rename to the same name", () => {
    const { id: book } = createNotebook(t.owner, { name: "Still" });
    const a = note(book, ["same"]);
    const before = dbSnapshot();
    expect(renameTag(t.owner, { notebookId: book, from: "nobody-uses", to: "x" })).toEqual({ notes: 0 });
    expect(renameTag(t.owner, { notebookId: book, from: "same", to: "same" })).toEqual({ notes: 1 });
    expect(dbSnapshot()).toEqual(before);
    expect(tagsOf(a)).toEqual(["same"]);
  });
});
