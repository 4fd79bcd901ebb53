// Fixtures of the PostgreSQL search store's tests: a fresh PostgreSQL database and the same notes in SQLite's FTS5, to compare with.
import Database from "better-sqlite3";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type * as pgSchema from "@/db/schema-pg";
import { toFtsQuery } from "@/lib/notes/search-query";
import type { NoteSearch } from "./search";
import { postgresSearch } from "./search-pg";
import { sqliteSearch } from "./search-sqlite";
import { openStoreTestDatabase, type StoreTestDatabase } from "./pg-store-database";

let store: StoreTestDatabase;
let pool: pg.Pool;
let db: NodePgDatabase<typeof pgSchema>;
/** The same notes in SQLite (the tables search-sqlite.ts reads, and notes_fts as migration 0005 makes it), to compare with. */
let lite: Database.Database;

/**
 * Opens a fresh PostgreSQL database (named after `name`) and an in-memory SQLite one with the tables search reads, for
 * the test file that calls it, and closes both after it; returns them once open.
 */
export function openSearchDatabases(name: string): () => { pool: pg.Pool; db: NodePgDatabase<typeof pgSchema>; lite: Database.Database } {
  beforeAll(async () => {
  store = await openStoreTestDatabase(name);
  ({ pool, db } = store);

  lite = new Database(":memory:");
  lite.exec(`
    CREATE TABLE notebooks (id TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE memberships (notebook_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (notebook_id, user_id));
    CREATE TABLE notes (id TEXT PRIMARY KEY, notebook_id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, tags_text TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL, deleted_at INTEGER);
    CREATE TABLE note_tags (note_id TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (note_id, tag));
    CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, tags_text, content='notes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
  `);
}, 120_000);

  afterAll(async () => {
    lite?.close();
    await store?.close();
  });
  return () => ({ pool, db, lite });
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures, written to both databases

let clock = Date.UTC(2026, 0, 1);

export async function addUser(id: string): Promise<void> {
  await pool.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, 'x')", [id, `${id}@example.com`, id]);
}

export async function addNotebook(id: string, name: string, members: string[]): Promise<void> {
  await pool.query("INSERT INTO notebooks (id, name) VALUES ($1, $2)", [id, name]);
  lite.prepare("INSERT INTO notebooks (id, name) VALUES (?, ?)").run(id, name);
  for (const user of members) {
    await pool.query("INSERT INTO memberships (notebook_id, user_id, role) VALUES ($1, $2, 'owner')", [id, user]);
    lite.prepare("INSERT INTO memberships (notebook_id, user_id) VALUES (?, ?)").run(id, user);
  }
}

let noteCount = 0;

/** A note in both databases (SQLite's index holds live notes only, as its triggers keep it); returns its id. */
export async function addNote(notebookId: string, title: string, body: string, options: { tags?: string[]; trashed?: boolean } = {}): Promise<string> {
  const id = `note_${++noteCount}`;
  const updatedAt = (clock += 1000);
  const deletedAt = options.trashed ? updatedAt : null;
  const tags = [...(options.tags ?? [])].sort();
  await pool.query("INSERT INTO notes (id, notebook_id, title, body, updated_at, deleted_at) VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0))", [
    id,
    notebookId,
    title,
    body,
    updatedAt,
    deletedAt,
  ]);
  if (tags.length > 0) await pool.query("INSERT INTO note_tags (note_id, tag) SELECT $1, unnest($2::text[])", [id, tags]);
  lite.prepare("INSERT INTO notes (id, notebook_id, title, body, tags_text, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
    id,
    notebookId,
    title,
    body,
    tags.join(" "),
    updatedAt,
    deletedAt,
  );
  for (const tag of tags) lite.prepare("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)").run(id, tag);
  if (!options.trashed) lite.prepare("INSERT INTO notes_fts (rowid, title, body, tags_text) SELECT rowid, title, body, tags_text FROM notes WHERE id = ?").run(id);
  return id;
}

export type Filters = { userId?: string; notebookId?: string; tag?: string; limit?: number };

export const searchQuery = (ftsQuery: string, f: Filters = {}): NoteSearch => ({ ftsQuery, userId: f.userId ?? "analyst", notebookId: f.notebookId, tag: f.tag, limit: f.limit ?? 20 });

/** The ids PostgreSQL finds for what a person typed (through toFtsQuery, as the search service does). */
export async function pgHits(typed: string, f: Filters = {}): Promise<string[]> {
  const ftsQuery = toFtsQuery(typed);
  if (!ftsQuery) return [];
  return (await postgresSearch(db).searchNotes(searchQuery(ftsQuery, f))).map((m) => m.id);
}

export async function liteHits(ftsQuery: string, f: Filters = {}): Promise<string[]> {
  return (await sqliteSearch(lite).searchNotes(searchQuery(ftsQuery, f))).map((m) => m.id);
}

/** A small deterministic random source (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The notes most tests search: three notebooks (one the analyst may not read), a trashed note, tags, numbers and accents. */
export async function seedNotes(): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  await addUser("analyst");
  await addUser("outsider");
  await addNotebook("research", "Research", ["analyst"]);
  await addNotebook("macro", "Macro", ["analyst"]);
  await addNotebook("secret", "Outsider's", ["outsider"]);
  ids.rotation = await addNote("research", "Small-cap rotation", "The Russell 2000 led the S&P 500 for eleven sessions.");
  ids.staples = await addNote("research", "Defensive sectors", "Consumer staples rose; a small rotation into defensives.", { tags: ["sectors"] });
  ids.fed = await addNote("macro", "Fed path", "How many rate cuts will come in 2026? Markets price two rate cuts.");
  ids.hidden = await addNote("secret", "Rotation secrets", "rotation rotation rotation");
  ids.breadth = await addNote("research", "Breadth", "Sector breadth broadened.", { tags: ["sectors-us", "defensive"] });
  ids.breadthAgain = await addNote("research", "Breadth again", "Breadth broadened again.", { tags: ["sectors"] });
  ids.trashed = await addNote("research", "Rotation, thrown away", "rotation in the trash", { trashed: true });
  ids.running = await addNote("macro", "Running notes", "Probability of a hike; hoping for happiness in generalization.");
  ids.numbers = await addNote("macro", "Numbers", "CPI rose 1.5% to 4.25 on 2026-01-15; the S&P-500 fell; Q3-2025 was -3.");
  ids.accents = await addNote("macro", "Café in Zürich", "A naïve émigré, Straße.");
  return ids;
}
