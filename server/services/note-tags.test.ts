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

const tagsOf = async (noteId: string) =>
  (await getDb()
    .select({ tag: noteTags.tag })
    .from(noteTags)
    .where(eq(noteTags.noteId, noteId)))
    .map((r) => r.tag)
    .sort();

async function note(notebookId: string, tags: string[]): Promise<string> {
  return (await createNote(t.owner, { notebookId, title: `Tagged ${tags.join(" ")}`, body: "", tags })).id;
}

describe("setNoteTags", () => {
  it("replaces a note's tags, without repeats, sorted, and records an event", async () => {
    const id = await note(t.notebookId, ["old"]);
    expect(await setNoteTags(t.editor, { id, tags: ["rates", "equities", "rates"] })).toEqual({ tags: ["equities", "rates"] });
    expect((await getNote(t.viewer, id)).tags).toEqual(["equities", "rates"]);
    expect((await listNotes(t.viewer, { notebookId: t.notebookId, tag: "rates" })).map((n) => n.id)).toEqual([id]);
    expect(await listNotes(t.viewer, { notebookId: t.notebookId, tag: "old" })).toEqual([]);
    await setNoteTags(t.editor, { id, tags: [] });
    expect(await tagsOf(id)).toEqual([]);
    expect((await eventsAbout(id)).filter(([a]) => a === "note.tagged")).toEqual([
      ["note.tagged", { tags: ["equities", "rates"] }],
      ["note.tagged", { tags: [] }],
    ]);
  });

  it("is FORBIDDEN to a viewer and NOT_FOUND to a stranger, changing nothing", async () => {
    const id = await note(t.notebookId, ["kept"]);
    const before = await dbSnapshot();
    expect((await trpcError(() => setNoteTags(t.viewer, { id, tags: ["mine"] }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => setNoteTags(t.stranger, { id, tags: ["mine"] }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => listTags(t.stranger, t.notebookId))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => renameTag(t.viewer, { notebookId: t.notebookId, from: "kept", to: "mine" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => renameTag(t.stranger, { notebookId: t.notebookId, from: "kept", to: "mine" }))).code).toBe("NOT_FOUND");
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("listTags", () => {
  it("counts the live notes of one notebook per tag, leaving out the trash and other notebooks", async () => {
    const { id: book } = await createNotebook(t.owner, { name: "Counting" });
    const { id: other } = await createNotebook(t.owner, { name: "Elsewhere" });
    await note(book, ["macro", "rates"]);
    await note(book, ["macro"]);
    await trashNote(t.owner, await note(book, ["macro", "trashed-only"]));
    await note(other, ["macro", "foreign"]);
    expect(await listTags(t.owner, book)).toEqual([
      { tag: "macro", notes: 2 },
      { tag: "rates", notes: 1 },
    ]);
    expect(await listTags(t.owner, other)).toEqual([
      { tag: "foreign", notes: 1 },
      { tag: "macro", notes: 1 },
    ]);
  });
});

describe("renameTag", () => {
  it("renames a tag on every note of the notebook, merging where a note already has the new name", async () => {
    const { id: book } = await createNotebook(t.owner, { name: "Renaming" });
    const { id: other } = await createNotebook(t.owner, { name: "Untouched" });
    const a = await note(book, ["smallcaps", "rates"]);
    const b = await note(book, ["smallcaps", "small-caps"]);
    const c = await note(book, ["rates"]);
    const inTrash = await note(book, ["smallcaps"]);
    await trashNote(t.owner, inTrash);
    const outside = await note(other, ["smallcaps"]);

    expect(await renameTag(t.owner, { notebookId: book, from: "smallcaps", to: "small-caps" })).toEqual({ notes: 3 });
    expect([(await tagsOf(a)), await tagsOf(b), await tagsOf(c), (await tagsOf(inTrash))]).toEqual([["rates", "small-caps"], ["small-caps"], ["rates"], ["small-caps"]]);
    expect(await tagsOf(outside)).toEqual(["smallcaps"]);
    expect(await listTags(t.owner, book)).toEqual([
      { tag: "rates", notes: 2 },
      { tag: "small-caps", notes: 2 },
    ]);
    expect((await eventsAbout(book)).filter(([action]) => action === "tag.renamed")).toEqual([["tag.renamed", { from: "smallcaps", to: "small-caps", notes: 3 }]]);
  });

  it("does nothing for an unused tag or a rename to the same name", async () => {
    const { id: book } = await createNotebook(t.owner, { name: "Still" });
    const a = await note(book, ["same"]);
    const before = await dbSnapshot();
    expect(await renameTag(t.owner, { notebookId: book, from: "nobody-uses", to: "x" })).toEqual({ notes: 0 });
    expect(await renameTag(t.owner, { notebookId: book, from: "same", to: "same" })).toEqual({ notes: 1 });
    expect(await dbSnapshot()).toEqual(before);
    expect(await tagsOf(a)).toEqual(["same"]);
  });
});
