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
  research = createNotebook(analyst, { name: "Research" }).id;
  macro = createNotebook(analyst, { name: "Macro" }).id;
  secret = createNotebook(outsider, { name: "Outsider's" }).id;
  ids.rotation = createNote(analyst, { notebookId: research, title: "Small-cap rotation", body: "The Russell 2000 led the S&P 500 for eleven sessions." }).id;
  ids.staples = createNote(analyst, { notebookId: research, title: "Defensive sectors", body: "Consumer staples rose; a small rotation into defensives." }).id;
  ids.fed = createNote(analyst, { notebookId: macro, title: "Fed path", body: "How many rate cuts will come in 2026? Markets price two rate cuts." }).id;
  ids.hidden = createNote(outsider, { notebookId: secret, title: "Rotation secrets", body: "rotation rotation rotation" }).id;
  setNoteTags(analyst, { id: ids.staples, tags: ["sectors"] });
});

const hitIds = (q: string, opts: { notebookId?: string; tag?: string } = {}, who = analyst) => searchNotes(who, { q, ...opts }).hits.map((h) => h.id);

describe("searchNotes", () => {
  it("ranks a title match above a body match, and never shows notes from others' notebooks", () => {
    expect(hitIds("rotation")).toEqual([ids.rotation, ids.staples]);
    expect(hitIds("rotation", {}, outsider)).toEqual([ids.hidden]);
  });

  it("matches prefixes and exact phrases", () => {
    expect(hitIds("rota")).toContain(ids.rotation);
    expect(hitIds("stap")).toEqual([ids.staples]);
    expect(hitIds('"rate cuts"')).toEqual([ids.fed]);
    expect(hitIds('"cuts rate"')).toEqual([]);
  });

  it("filters by notebook and by tag", () => {
    expect(hitIds("rotation", { notebookId: macro })).toEqual([]);
    expect(hitIds("rotation", { tag: "sectors" })).toEqual([ids.staples]);
  });

  it("keeps the tag filter exact: a tag whose words only resemble it does not count", () => {
    const note = createNote(analyst, { notebookId: research, title: "Breadth", body: "Sector breadth broadened.", tags: ["sectors-us", "defensive"] }).id;
    const other = createNote(analyst, { notebookId: research, title: "Breadth again", body: "Breadth broadened again.", tags: ["sectors"] }).id;
    expect(hitIds("broadened", { tag: "sectors-us" })).toEqual([note]);
    expect(hitIds("broadened", { tag: "sectors" })).toEqual([other]);
    expect(hitIds("broadened", { tag: "us" })).toEqual([]);
    expect(hitIds("defensive"), "a tag is a filter, not searched text").toEqual([ids.staples]);
  });

  it("marks the matched words in the title and the snippet", () => {
    const [hit] = searchNotes(analyst, { q: "staples" }).hits;
    expect(hit!.snippetMarked).toContain("\u0002staples\u0003");
    expect(hit!.title).toBe("Defensive sectors");
  });

  it("answers queries with FTS syntax errors with results or nothing, never an error", () => {
    for (const q of ['"', "rotation AND", "OR", "NEAR(", "title:x", "*", "(((", "rate\" cuts", "-", "^"]) {
      expect(() => searchNotes(analyst, { q })).not.toThrow();
    }
    expect(hitIds("rotation AND")).toEqual([ids.rotation, ids.staples]);
  });

  it("follows edits and leaves trashed notes out", () => {
    updateNote(analyst, { id: ids.fed!, baseVersion: 1, body: "Now about hikes instead." });
    expect(hitIds('"rate cuts"')).toEqual([]);
    expect(hitIds("hikes")).toEqual([ids.fed]);
    trashNote(analyst, ids.fed!);
    expect(hitIds("hikes")).toEqual([]);
  });

  it("sees a notebook's notes once the searcher is added to it", () => {
    addMember(outsider, { notebookId: secret, email: analyst.email, role: "viewer" });
    expect(hitIds("secrets")).toEqual([ids.hidden]);
  });

  it("finds the searcher's matches even when hundreds of better ones sit in notebooks they cannot read", () => {
    const crowd = createNotebook(outsider, { name: "Crowd" }).id;
    for (let i = 0; i < 230; i++) createNote(outsider, { notebookId: crowd, title: `Needle ${i}`, body: "needle needle needle" });
    const mine = createNote(analyst, { notebookId: research, title: "Plain", body: "one needle here among many other words" }).id;
    expect(hitIds("needle")).toEqual([mine]);
    expect(hitIds("needle", { notebookId: research })).toEqual([mine]);
  });

  it("refuses a notebook filter the searcher cannot read with NOT_FOUND", async () => {
    const other = createNotebook(outsider, { name: "Closed" }).id;
    expect((await trpcError(() => searchNotes(analyst, { q: "x", notebookId: other }))).code).toBe("NOT_FOUND");
  });
});
