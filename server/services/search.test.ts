// searchNotes: ranking, prefixes, phrases, filters, highlights, FTS-syntax safety, and only what the searcher may read.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/trpc/init";
import { makeUser, trpcError } from "@/test/helpers";
import { addMember, createNotebook } from "./notebooks";
import { setNoteTags } from "./note-tags";
import { createNote, trashNote, updateNote } from "./notes";
import { searchNotes } from "./search";

let analyst: SessionUser;
let outsider: SessionUser;
let research: string;
let macro: string;
let secret: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  analyst = await makeUser("searcher");
  outsider = await makeUser("outsider");
  research = (await createNotebook(analyst, { name: "Research" })).id;
  macro = (await createNotebook(analyst, { name: "Macro" })).id;
  secret = (await createNotebook(outsider, { name: "Outsider's" })).id;
  ids.rotation = (await createNote(analyst, { notebookId: research, title: "Small-cap rotation", body: "The Russell 2000 led the S&P 500 for eleven sessions." })).id;
  ids.staples = (await createNote(analyst, { notebookId: research, title: "Defensive sectors", body: "Consumer staples rose; a small rotation into defensives." })).id;
  ids.fed = (await createNote(analyst, { notebookId: macro, title: "Fed path", body: "How many rate cuts will come in 2026? Markets price two rate cuts." })).id;
  ids.hidden = (await createNote(outsider, { notebookId: secret, title: "Rotation secrets", body: "rotation rotation rotation" })).id;
  await setNoteTags(analyst, { id: ids.staples, tags: ["sectors"] });
});

const hitIds = async (q: string, opts: { notebookId?: string; tag?: string } = {}, who = analyst) => (await searchNotes(who, { q, ...opts })).hits.map((h) => h.id);

describe("searchNotes", () => {
  it("ranks a title match above a body match, and never shows notes from others' notebooks", async () => {
    expect(await hitIds("rotation")).toEqual([ids.rotation, ids.staples]);
    expect(await hitIds("rotation", {}, outsider)).toEqual([ids.hidden]);
  });

  it("matches prefixes and exact phrases", async () => {
    expect(await hitIds("rota")).toContain(ids.rotation);
    expect(await hitIds("stap")).toEqual([ids.staples]);
    expect(await hitIds('"rate cuts"')).toEqual([ids.fed]);
    expect(await hitIds('"cuts rate"')).toEqual([]);
  });

  it("filters by notebook and by tag", async () => {
    expect(await hitIds("rotation", { notebookId: macro })).toEqual([]);
    expect(await hitIds("rotation", { tag: "sectors" })).toEqual([ids.staples]);
  });

  it("keeps the tag filter exact: a tag whose words only resemble it does not count", async () => {
    const note = (await createNote(analyst, { notebookId: research, title: "Breadth", body: "Sector breadth broadened.", tags: ["sectors-us", "defensive"] })).id;
    const other = (await createNote(analyst, { notebookId: research, title: "Breadth again", body: "Breadth broadened again.", tags: ["sectors"] })).id;
    expect(await hitIds("broadened", { tag: "sectors-us" })).toEqual([note]);
    expect(await hitIds("broadened", { tag: "sectors" })).toEqual([other]);
    expect(await hitIds("broadened", { tag: "us" })).toEqual([]);
    expect(await hitIds("defensive"), "a tag is a filter, not searched text").toEqual([ids.staples]);
  });

  it("marks the matched words in the title and the snippet", async () => {
    const [hit] = (await searchNotes(analyst, { q: "staples" })).hits;
    expect(hit!.snippetMarked).toContain("\u0002staples\u0003");
    expect(hit!.title).toBe("Defensive sectors");
  });

  it("answers queries with FTS syntax errors with results or nothing, never an error", async () => {
    for (const q of ['"', "rotation AND", "OR", "NEAR(", "title:x", "*", "(((", "rate\" cuts", "-", "^"]) {
      await expect(searchNotes(analyst, { q })).resolves.toHaveProperty("hits");
    }
    expect(await hitIds("rotation AND")).toEqual([ids.rotation, ids.staples]);
  });

  it("follows edits and leaves trashed notes out", async () => {
    await updateNote(analyst, { id: ids.fed!, baseVersion: 1, body: "Now about hikes instead." });
    expect(await hitIds('"rate cuts"')).toEqual([]);
    expect(await hitIds("hikes")).toEqual([ids.fed]);
    await trashNote(analyst, ids.fed!);
    expect(await hitIds("hikes")).toEqual([]);
  });

  it("sees a notebook's notes once the searcher is added to it", async () => {
    await addMember(outsider, { notebookId: secret, email: analyst.email, role: "viewer" });
    expect(await hitIds("secrets")).toEqual([ids.hidden]);
  });

  it("finds the searcher's matches even when hundreds of better ones sit in notebooks they cannot read", async () => {
    const crowd = (await createNotebook(outsider, { name: "Crowd" })).id;
    for (let i = 0; i < 230; i++) await createNote(outsider, { notebookId: crowd, title: `Needle ${i}`, body: "needle needle needle" });
    const mine = (await createNote(analyst, { notebookId: research, title: "Plain", body: "one needle here among many other words" })).id;
    expect(await hitIds("needle")).toEqual([mine]);
    expect(await hitIds("needle", { notebookId: research })).toEqual([mine]);
  });

  it("refuses a notebook filter the searcher cannot read with NOT_FOUND", async () => {
    const other = (await createNotebook(outsider, { name: "Closed" })).id;
    expect((await trpcError(() => searchNotes(analyst, { q: "x", notebookId: other }))).code).toBe("NOT_FOUND");
  });
});
