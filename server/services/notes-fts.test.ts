// SQLite only (the PostgreSQL index is a generated column, tested in db/stores): the FTS5 index follows notes through create, update, trash, restore, revision restore and hard delete, and stays consistent.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { SqliteDb } from "@/db/sqlite";
import { makeTeam, type Team } from "@/test/procedures";
import { removeNotebook, createNotebook } from "./notebooks";
import { listRevisions, restoreRevision } from "./note-revisions";
import { renameTag, setNoteTags } from "./note-tags";
import { createNote, emptyTrash, restoreNote, trashNote, updateNote } from "./notes";

let t: Team;
beforeAll(async () => {
  t = await makeTeam("fts");
});

const sqlite = () => (getDb() as unknown as SqliteDb).$client;

/** The rowids the index returns for a MATCH expression, straight from notes_fts (no join that could hide stale entries). */
function matches(query: string): number[] {
  return (sqlite().prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid").all(query) as Array<{ rowid: number }>).map((r) => r.rowid);
}

function rowidOf(noteId: string): number {
  return (sqlite().prepare("SELECT rowid FROM notes WHERE id = ?").get(noteId) as { rowid: number }).rowid;
}

function integrityCheck(): void {
  sqlite().prepare("INSERT INTO notes_fts(notes_fts) VALUES('integrity-check')").run();
}

/**
 * Every (term, rowid, column, offset) in notes_fts, compared with a fresh index built from the live notes
 * alone: equal only when the triggers have kept the index exactly true.
 */
function indexDrift(): { extra: string[]; missing: string[] } {
  const db = sqlite();
  db.exec(`DROP TABLE IF EXISTS temp.fts_ref; DROP TABLE IF EXISTS temp.fts_ref_v; DROP TABLE IF EXISTS temp.fts_real_v;
    CREATE VIRTUAL TABLE temp.fts_ref USING fts5(title, body, tags_text, tokenize='unicode61 remove_diacritics 2');
    INSERT INTO temp.fts_ref(rowid, title, body, tags_text) SELECT rowid, title, body, tags_text FROM main.notes WHERE deleted_at IS NULL;
    CREATE VIRTUAL TABLE temp.fts_ref_v USING fts5vocab(temp, fts_ref, instance);
    CREATE VIRTUAL TABLE temp.fts_real_v USING fts5vocab(main, notes_fts, instance);`);
  const rows = (table: string) =>
    new Set((db.prepare(`SELECT term, doc, col, offset FROM temp.${table}`).all() as Array<Record<string, unknown>>).map((r) => `${r.term}@${r.doc}:${r.col}:${r.offset}`));
  const [real, ref] = [rows("fts_real_v"), rows("fts_ref_v")];
  return { extra: [...real].filter((x) => !ref.has(x)), missing: [...ref].filter((x) => !real.has(x)) };
}

describe("notes_fts triggers", () => {
  it("indexes a new note's title and body, with prefixes", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Bristlecone outlook", body: "Quokka yields rose." });
    const rowid = rowidOf(id);
    expect(matches("quokka")).toEqual([rowid]);
    expect(matches("title:bristlecone")).toEqual([rowid]);
    expect(matches("quok*")).toEqual([rowid]);
    expect(matches("body:bristlecone")).toEqual([]);
  });

  it("drops old words and finds new ones after an update", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Axolotl memo", body: "Wombat spreads widened." });
    const rowid = rowidOf(id);
    await updateNote(t.owner, { id, baseVersion: 1, body: "Narwhal spreads narrowed." });
    expect(matches("wombat")).toEqual([]);
    expect(matches("narwhal")).toEqual([rowid]);
    expect(matches("spreads")).toEqual([rowid]);
    await updateNote(t.editor, { id, baseVersion: 2, title: "Pangolin memo" });
    expect(matches("axolotl")).toEqual([]);
    expect(matches("pangolin")).toEqual([rowid]);
    expect(matches("narwhal")).toEqual([rowid]);
    expect(indexDrift()).toEqual({ extra: [], missing: [] });
  });

  it("a save that changes no text moves the version on and leaves the index as it was", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Zorblat note", body: "Vexquine rallied." });
    const rowid = rowidOf(id);
    const segments = () => (sqlite().prepare("SELECT count(*) AS n FROM notes_fts_data").get() as { n: number }).n;
    const before = segments();
    expect((await updateNote(t.owner, { id, baseVersion: 1, body: "Vexquine rallied." })).version).toBe(2);
    expect((await updateNote(t.owner, { id, baseVersion: 2, title: "Zorblat note", body: "Vexquine rallied." })).version).toBe(3);
    expect(segments()).toBe(before);
    expect(sqlite().prepare("SELECT version, updated_by AS updatedBy FROM notes WHERE id = ?").get(id)).toEqual({ version: 3, updatedBy: t.owner.id });
    expect(matches("vexquine")).toEqual([rowid]);
    expect(matches("zorblat")).toEqual([rowid]);
    expect(indexDrift()).toEqual({ extra: [], missing: [] });
  });

  it("indexes a note's tags in tags_text only, through create, set, rename and trash", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Tagged", body: "Gecko note.", tags: ["small-caps", "rates"] });
    const rowid = rowidOf(id);
    expect(matches("{tags_text}: rates")).toEqual([rowid]);
    expect(matches('{tags_text}: "small caps"')).toEqual([rowid]);
    expect(matches("{title body}: rates")).toEqual([]);
    await setNoteTags(t.owner, { id, tags: ["breadth"] });
    expect(matches("{tags_text}: rates")).toEqual([]);
    expect(matches("{tags_text}: breadth")).toEqual([rowid]);
    await renameTag(t.owner, { notebookId: t.notebookId, from: "breadth", to: "market-breadth" });
    expect(matches("{tags_text}: breadth")).toEqual([rowid]);
    expect(matches("{tags_text}: market")).toEqual([rowid]);
    expect(indexDrift()).toEqual({ extra: [], missing: [] });
    await trashNote(t.owner, id);
    expect(matches("{tags_text}: market")).toEqual([]);
    await restoreNote(t.owner, id);
    expect(matches("{tags_text}: market")).toEqual([rowid]);
    await setNoteTags(t.owner, { id, tags: [] });
    expect(matches("{tags_text}: market")).toEqual([]);
    expect((sqlite().prepare("SELECT tags_text FROM notes WHERE id = ?").get(id) as { tags_text: string }).tags_text).toBe("");
    expect(indexDrift()).toEqual({ extra: [], missing: [] });
  });

  it("leaves the index on trash and returns on restore", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Okapi", body: "Capybara breadth improved." });
    const rowid = rowidOf(id);
    await trashNote(t.owner, id);
    expect(matches("capybara")).toEqual([]);
    expect(matches("okapi")).toEqual([]);
    await trashNote(t.owner, id);
    await restoreNote(t.owner, id);
    expect(matches("capybara")).toEqual([rowid]);
    expect(matches("okapi")).toEqual([rowid]);
    expect(indexDrift()).toEqual({ extra: [], missing: [] });
  });

  it("follows a revision restore", async () => {
    const { id } = await createNote(t.owner, { notebookId: t.notebookId, title: "Revisions", body: "Ocelot thesis." });
    const rowid = rowidOf(id);
    await updateNote(t.owner, { id, baseVersion: 1, body: "Meerkat thesis." });
    const created = (await listRevisions(t.owner, id)).at(-1)!;
    await restoreRevision(t.owner, { noteId: id, revisionId: created.id });
    expect(matches("ocelot")).toEqual([rowid]);
    expect(matches("meerkat")).toEqual([]);
  });

  it("forgets hard-deleted notes: emptied trash, a deleted notebook, a direct delete; a reused rowid finds no old words", async () => {
    const trashed = (await createNote(t.owner, { notebookId: t.notebookId, title: "Tapir", body: "Gharial" })).id;
    await trashNote(t.owner, trashed);
    await emptyTrash(t.owner, t.notebookId);
    expect(matches("tapir OR gharial")).toEqual([]);

    const { id: doomed } = await createNotebook(t.owner, { name: "Doomed" });
    await createNote(t.owner, { notebookId: doomed, title: "Quoll", body: "Dugong" });
    await removeNotebook(t.owner, { id: doomed, confirmName: "Doomed" });
    expect(matches("quoll OR dugong")).toEqual([]);

    const last = (await createNote(t.owner, { notebookId: t.notebookId, title: "Numbat", body: "Kinkajou" })).id;
    const lastRowid = rowidOf(last);
    sqlite().prepare("DELETE FROM notes WHERE id = ?").run(last);
    expect(matches("numbat OR kinkajou")).toEqual([]);
    const reused = (await createNote(t.owner, { notebookId: t.notebookId, title: "Fresh", body: "Nothing old here." })).id;
    expect(rowidOf(reused)).toBe(lastRowid);
    expect(matches("numbat OR kinkajou")).toEqual([]);
    expect(matches("fresh")).toEqual([lastRowid]);
  });

  it("passes FTS5's integrity checks and matches a fresh index of the live notes after all of it", () => {
    expect(matches("quokka")).toHaveLength(1);
    expect(() => integrityCheck()).not.toThrow();
    expect(indexDrift()).toEqual({ extra: [], missing: [] });
    const live = (sqlite().prepare("SELECT count(*) AS n FROM notes WHERE deleted_at IS NULL").get() as { n: number }).n;
    const trashed = (sqlite().prepare("SELECT count(*) AS n FROM notes WHERE deleted_at IS NOT NULL").get() as { n: number }).n;
    expect(live).toBeGreaterThan(4);
    expect(trashed).toBe(0);
    expect(() => sqlite().prepare("INSERT INTO notes_fts(notes_fts, rank) VALUES('integrity-check', 1)").run()).not.toThrow();
  });

  it("the checks do catch an index that has drifted from the notes", () => {
    sqlite().prepare("INSERT INTO notes_fts(rowid, title, body, tags_text) VALUES (987654, 'ghost', 'phantom', '')").run();
    expect(indexDrift().extra).toEqual(expect.arrayContaining(["ghost@987654:title:0", "phantom@987654:body:0"]));
    expect(() => sqlite().prepare("INSERT INTO notes_fts(notes_fts, rank) VALUES('integrity-check', 1)").run()).toThrow();
    sqlite().prepare("INSERT INTO notes_fts(notes_fts, rowid, title, body, tags_text) VALUES('delete', 987654, 'ghost', 'phantom', '')").run();
    expect(indexDrift()).toEqual({ extra: [], missing: [] });
    integrityCheck();
  });
});
