// The SQLite and PostgreSQL schemas stay one schema (names, columns, keys, indexes, TypeScript types), and the PostgreSQL migrations apply once with working triggers.
import fs from "node:fs";
import path from "node:path";
import { eq, getTableColumns, getTableName, is, type InferInsertModel, type InferSelectModel, sql, type Table } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { migratePostgres } from "./migrate-pg.mjs";
import { createTestDatabase, ensurePostgres } from "./pg-test-server.mjs";
import * as sqliteMain from "./schema-sqlite";
import * as sqliteDerived from "./schema-sqlite-derived";
import * as sqliteTeam from "./schema-sqlite-team";
import * as pgMain from "./schema-pg";
import * as pgDerived from "./schema-pg-derived";
import * as pgTeam from "./schema-pg-team";

/** Each dialect's schema is two files (the core tables, and the team's: db/schema-*-team.ts); drizzle-kit reads both. */
const sqlite = { ...sqliteMain, ...sqliteTeam, ...sqliteDerived };
const pgSchema = { ...pgMain, ...pgTeam, ...pgDerived };
type SqliteSchema = typeof sqliteMain & typeof sqliteTeam & typeof sqliteDerived;
type PgSchema = typeof pgMain & typeof pgTeam & typeof pgDerived;

/** Columns only PostgreSQL has, by table (SQL name): the generated full-text vectors that replace SQLite's notes_fts. */
const PG_ONLY_COLUMNS: Record<string, string[]> = { notes: ["search", "title_search"] };
/** Indexes only PostgreSQL has: the GIN indexes on those vectors, and on the tags' array for search's tag filter. */
const PG_ONLY_INDEXES: Record<string, string[]> = { notes: ["notes_search_idx", "notes_title_search_idx", "notes_tags_idx"] };
/**
 * Foreign keys only SQLite declares. On PostgreSQL the observations' key to series became a row lock taken before a
 * write and a trigger that deletes a series' observations with it (migration 0011): its check per row was most of an
 * import's time. db/stores/observations-pg.test.ts checks both halves.
 */
const SQLITE_ONLY_FOREIGN_KEYS: Record<string, string[]> = { observations: ["series_id -> series(id) on delete cascade"] };

function tablesOf(schema: Record<string, unknown>, kind: typeof SQLiteTable | typeof PgTable): Map<string, Table> {
  return new Map(Object.entries(schema).filter((e): e is [string, Table] => is(e[1], kind)));
}

const sqliteTables = tablesOf(sqlite, SQLiteTable);
const pgTables = tablesOf(pgSchema, PgTable);

type Shape = {
  name: string;
  columns: Record<string, { name: string; notNull: boolean; hasDefault: boolean; primary: boolean; enumValues: string[] | undefined }>;
  primaryKeys: string[][];
  indexes: Record<string, { unique: boolean; columns: string[] }>;
  foreignKeys: string[];
};

type AnyTableConfig = ReturnType<typeof getSqliteTableConfig> | ReturnType<typeof getPgTableConfig>;

/** What both dialects must agree on for one table, minus what only PostgreSQL has. */
function shapeOf(table: Table, config: AnyTableConfig): Shape {
  const name = getTableName(table);
  const skipColumns = PG_ONLY_COLUMNS[name] ?? [];
  const skipIndexes = PG_ONLY_INDEXES[name] ?? [];
  const columns: Shape["columns"] = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (skipColumns.includes(column.name)) continue;
    columns[key] = { name: column.name, notNull: column.notNull, hasDefault: column.hasDefault, primary: column.primary, enumValues: column.enumValues };
  }
  const columnName = (c: unknown) => (c && typeof c === "object" && "name" in c ? String(c.name) : String(c));
  const indexes: Shape["indexes"] = {};
  for (const index of config.indexes) {
    if (skipIndexes.includes(index.config.name!)) continue;
    indexes[index.config.name!] = { unique: index.config.unique, columns: index.config.columns.map(columnName) };
  }
  return {
    name,
    columns,
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes,
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name).join(",")} -> ${getTableName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name).join(",")}) on delete ${fk.onDelete ?? "no action"}`;
      })
      .filter((fk) => !(SQLITE_ONLY_FOREIGN_KEYS[name] ?? []).includes(fk))
      .sort(),
  };
}

describe("the PostgreSQL schema mirrors the SQLite schema", () => {
  it("exports the same tables under the same names", () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(0);
  });

  it.each([...sqliteTables.keys()])("%s: same SQL name, columns, keys, indexes and foreign keys", (exportName) => {
    const lite = sqliteTables.get(exportName)!;
    const post = pgTables.get(exportName);
    expect(post, `db/schema-pg.ts has no table ${exportName}`).toBeDefined();
    expect(shapeOf(post!, getPgTableConfig(post as PgTable))).toEqual(shapeOf(lite, getSqliteTableConfig(lite as SQLiteTable)));
  });

  it("keeps only the search vector and its index to PostgreSQL", () => {
    const config = getPgTableConfig(pgSchema.notes);
    expect(pgSchema.notes.search.name).toBe("search");
    expect(pgSchema.notes.search.getSQLType()).toBe("tsvector");
    expect(config.indexes.find((i) => i.config.name === "notes_search_idx")?.config.method).toBe("gin");
    expect("search" in getTableColumns(sqlite.notes)).toBe(false);
  });

  it("re-exports the same enums", () => {
    expect(pgSchema.ROLES).toBe(sqlite.ROLES);
    expect(pgSchema.REVISION_KINDS).toBe(sqlite.REVISION_KINDS);
    expect(pgSchema.LINK_TARGETS).toBe(sqlite.LINK_TARGETS);
    expect(pgSchema.SHARE_TARGETS).toBe(sqlite.SHARE_TARGETS);
    expect(pgSchema.SHARE_MODES).toBe(sqlite.SHARE_MODES);
    expect(pgSchema.COMMENT_TARGETS).toBe(sqlite.COMMENT_TARGETS);
    expect(pgSchema.MENTION_SOURCES).toBe(sqlite.MENTION_SOURCES);
  });

  // Type-level: checked by `tsc --noEmit` (npm run typecheck), where a drift is a compile error on the table's line.
  it("infers the same row and insert types for every table", () => {
    type TableKeys<S> = { [K in keyof S]: S[K] extends Table ? K : never }[keyof S];
    expectTypeOf<TableKeys<PgSchema>>().toEqualTypeOf<TableKeys<SqliteSchema>>();
    expectTypeOf<pgMain.Role>().toEqualTypeOf<sqliteMain.Role>();

    expectTypeOf<InferSelectModel<PgSchema["users"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["users"]>>();
    expectTypeOf<InferInsertModel<PgSchema["users"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["users"]>>();
    expectTypeOf<InferSelectModel<PgSchema["notebooks"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["notebooks"]>>();
    expectTypeOf<InferInsertModel<PgSchema["notebooks"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["notebooks"]>>();
    expectTypeOf<InferSelectModel<PgSchema["memberships"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["memberships"]>>();
    expectTypeOf<InferInsertModel<PgSchema["memberships"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["memberships"]>>();
    // notes: the PostgreSQL row also has `search` and `title_search` (generated, so never in the insert type).
    expectTypeOf<Omit<InferSelectModel<PgSchema["notes"]>, "search" | "titleSearch">>().toEqualTypeOf<InferSelectModel<SqliteSchema["notes"]>>();
    expectTypeOf<InferInsertModel<PgSchema["notes"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["notes"]>>();
    expectTypeOf<InferSelectModel<PgSchema["events"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["events"]>>();
    expectTypeOf<InferInsertModel<PgSchema["events"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["events"]>>();
    expectTypeOf<InferSelectModel<PgSchema["noteRevisions"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["noteRevisions"]>>();
    expectTypeOf<InferInsertModel<PgSchema["noteRevisions"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["noteRevisions"]>>();
    expectTypeOf<InferSelectModel<PgSchema["noteTags"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["noteTags"]>>();
    expectTypeOf<InferInsertModel<PgSchema["noteTags"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["noteTags"]>>();
    expectTypeOf<InferSelectModel<PgSchema["noteLinks"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["noteLinks"]>>();
    expectTypeOf<InferInsertModel<PgSchema["noteLinks"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["noteLinks"]>>();
    expectTypeOf<InferSelectModel<PgSchema["series"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["series"]>>();
    expectTypeOf<InferInsertModel<PgSchema["series"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["series"]>>();
    expectTypeOf<InferSelectModel<PgSchema["observations"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["observations"]>>();
    expectTypeOf<InferInsertModel<PgSchema["observations"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["observations"]>>();
    expectTypeOf<InferSelectModel<PgSchema["seriesTiers"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["seriesTiers"]>>();
    expectTypeOf<InferInsertModel<PgSchema["seriesTiers"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["seriesTiers"]>>();
    expectTypeOf<InferSelectModel<PgSchema["charts"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["charts"]>>();
    expectTypeOf<InferInsertModel<PgSchema["charts"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["charts"]>>();
    expectTypeOf<InferSelectModel<PgSchema["apiTokens"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["apiTokens"]>>();
    expectTypeOf<InferInsertModel<PgSchema["apiTokens"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["apiTokens"]>>();
    expectTypeOf<InferSelectModel<PgSchema["questions"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["questions"]>>();
    expectTypeOf<InferInsertModel<PgSchema["questions"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["questions"]>>();
    expectTypeOf<InferSelectModel<PgSchema["questionTags"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["questionTags"]>>();
    expectTypeOf<InferInsertModel<PgSchema["questionTags"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["questionTags"]>>();
    expectTypeOf<InferSelectModel<PgSchema["forecasts"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["forecasts"]>>();
    expectTypeOf<InferInsertModel<PgSchema["forecasts"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["forecasts"]>>();
    expectTypeOf<InferSelectModel<PgSchema["shareLinks"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["shareLinks"]>>();
    expectTypeOf<InferInsertModel<PgSchema["shareLinks"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["shareLinks"]>>();
    expectTypeOf<InferSelectModel<PgSchema["sessions"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["sessions"]>>();
    expectTypeOf<InferInsertModel<PgSchema["sessions"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["sessions"]>>();
    expectTypeOf<InferSelectModel<PgSchema["rateLimits"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["rateLimits"]>>();
    expectTypeOf<InferInsertModel<PgSchema["rateLimits"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["rateLimits"]>>();
    expectTypeOf<InferSelectModel<PgSchema["noteFigures"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["noteFigures"]>>();
    expectTypeOf<InferInsertModel<PgSchema["noteFigures"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["noteFigures"]>>();
    expectTypeOf<InferSelectModel<PgSchema["inboxDismissals"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["inboxDismissals"]>>();
    expectTypeOf<InferInsertModel<PgSchema["inboxDismissals"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["inboxDismissals"]>>();
    expectTypeOf<InferSelectModel<PgSchema["comments"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["comments"]>>();
    expectTypeOf<InferInsertModel<PgSchema["comments"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["comments"]>>();
    expectTypeOf<InferSelectModel<PgSchema["mentions"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["mentions"]>>();
    expectTypeOf<InferInsertModel<PgSchema["mentions"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["mentions"]>>();
    expectTypeOf<InferSelectModel<PgSchema["notebookChanges"]>>().toEqualTypeOf<InferSelectModel<SqliteSchema["notebookChanges"]>>();
    expectTypeOf<InferInsertModel<PgSchema["notebookChanges"]>>().toEqualTypeOf<InferInsertModel<SqliteSchema["notebookChanges"]>>();
  });
});

describe("the PostgreSQL migrations", () => {
  let database: { url: string; drop(): Promise<void> } | undefined;
  const pools: pg.Pool[] = [];
  let setup: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    setup = (async () => {
      const base = await ensurePostgres();
      database = await createTestDatabase(base, "quire_drift");
      pools.push(new pg.Pool({ connectionString: database.url, max: 2 }), new pg.Pool({ connectionString: database.url, max: 2 }));
      // Two servers starting at once: both migrate, the advisory lock makes one wait for the other.
      await Promise.all(pools.map((pool) => migratePostgres(pool)));
    })();
    // No skip: without a PostgreSQL each test below fails with ensurePostgres's message (what to install or run).
    await setup.catch(() => {});
  }, 600_000);

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database?.drop();
  });

  /** The database, once PostgreSQL is there and migrated; the reason it is not, as this test's failure, otherwise. */
  const db = async () => {
    await setup;
    return drizzle(pools[0]!, { schema: pgSchema });
  };

  it("applied each migration exactly once, even with two servers migrating at the same time", async () => {
    await setup;
    const journal = JSON.parse(fs.readFileSync(path.resolve("db/migrations-pg/meta/_journal.json"), "utf8")) as { entries: { when: number }[] };
    const { rows } = await pools[0]!.query<{ created_at: string }>("SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY id");
    expect(rows.map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));
    // A third start finds nothing to do.
    await migratePostgres(pools[1]!);
    const again = await pools[0]!.query("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
    expect(again.rows[0].n).toBe(journal.entries.length);
  });

  it("moves a notebook's content_version on for its notes, series, charts, questions, forecasts and its name", async () => {
    const d = await db();
    // The notebook's content_version plus its note edits, counted in shards (migration 0010), as the share page reads it.
    const version = async (id: string) =>
      (await pools[0]!.query<{ v: number }>("SELECT content_version + coalesce((SELECT sum(version) FROM notebook_changes WHERE notebook_id = $1), 0)::int AS v FROM notebooks WHERE id = $1", [id])).rows[0]!.v;
    await d.insert(pgSchema.users).values({ id: "u1", email: "a@example.com", name: "A", passwordHash: "x" });
    await d.insert(pgSchema.notebooks).values([
      { id: "nb1", name: "Macro", createdBy: "u1" },
      { id: "nb2", name: "Other", createdBy: "u1" },
    ]);
    expect(await version("nb1")).toBe(0);

    await d.insert(pgSchema.notes).values({ id: "n1", notebookId: "nb1", title: "Inflation outlook", body: "Wages and services" });
    expect(await version("nb1")).toBe(1);
    await d.update(pgSchema.notes).set({ body: "Wages, services and rents" }).where(eq(pgSchema.notes.id, "n1"));
    expect(await version("nb1")).toBe(2);

    await d.insert(pgSchema.series).values({ id: "s1", notebookId: "nb1", key: "cpi", name: "CPI" });
    expect(await version("nb1")).toBe(3);
    await d.insert(pgSchema.charts).values({ id: "c1", notebookId: "nb1", title: "CPI", spec: { marks: [] } });
    expect(await version("nb1")).toBe(4);
    await d.insert(pgSchema.questions).values({ id: "q1", notebookId: "nb1", title: "Above 3%?", criteria: "CPI y/y", resolveBy: "2030-01-01", kind: "binary" });
    expect(await version("nb1")).toBe(5);
    await d.insert(pgSchema.forecasts).values({ questionId: "q1", userId: "u1", at: new Date(), probability: 0.4 });
    expect(await version("nb1")).toBe(6);
    await d.delete(pgSchema.forecasts).where(eq(pgSchema.forecasts.questionId, "q1"));
    expect(await version("nb1")).toBe(7);

    await d.update(pgSchema.notebooks).set({ name: "Macro desk" }).where(eq(pgSchema.notebooks.id, "nb1"));
    expect(await version("nb1")).toBe(8);
    // Setting content_version alone (what the triggers do) does not count as a rename.
    await d.update(pgSchema.notebooks).set({ contentVersion: 100 }).where(eq(pgSchema.notebooks.id, "nb1"));
    expect(await version("nb1")).toBe(101); // 100, and the note's edit counted in its shard

    // A note that changes notebook moves both on.
    await d.update(pgSchema.notes).set({ notebookId: "nb2" }).where(eq(pgSchema.notes.id, "n1"));
    expect(await version("nb1")).toBe(102);
    expect(await version("nb2")).toBe(1);
    await d.delete(pgSchema.notes).where(eq(pgSchema.notes.id, "n1"));
    expect(await version("nb2")).toBe(2);
  });

  it("counts a note's edit in its shard, so saves of notes in other shards of one notebook never wait for each other's commit", async () => {
    const d = await db();
    await d.insert(pgSchema.notebooks).values({ id: "nb-shards", name: "Shards" });
    // Two notes whose ids fall in different shards (hashtext(id) & 63), and one in the first note's shard.
    const shardOf = async (id: string) => (await pools[0]!.query<{ s: number }>("SELECT hashtext($1) & 63 AS s", [id])).rows[0]!.s;
    const ids = Array.from({ length: 200 }, (_, i) => `shard-note-${i}`);
    const shards = await Promise.all(ids.map(shardOf));
    const first = ids[0]!;
    const other = ids.find((_, i) => shards[i] !== shards[0])!;
    const same = ids.find((id, i) => id !== first && shards[i] === shards[0])!;
    await d.insert(pgSchema.notes).values([first, other, same].map((id) => ({ id, notebookId: "nb-shards", title: id })));
    const row = async () => (await pools[0]!.query("SELECT content_version, updated_at FROM notebooks WHERE id = 'nb-shards'")).rows[0];
    const before = await row();

    // The first save's bump runs now (constraints immediate) and holds its shard's row until it ends.
    const holder = await pools[0]!.connect();
    const blocked = await pools[1]!.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SET CONSTRAINTS ALL IMMEDIATE");
      await holder.query("UPDATE notes SET body = 'first', updated_at = now() WHERE id = $1", [first]);
      // A save of a note in another shard commits at once.
      await pools[1]!.query("UPDATE notes SET body = 'other' WHERE id = $1", [other]);
      // A save of a note in the same shard waits for the first one's commit.
      let committed = false;
      const waiting = blocked.query("UPDATE notes SET body = 'same' WHERE id = $1", [same]).then(() => (committed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(committed).toBe(false);
      await holder.query("COMMIT");
      await waiting;
    } finally {
      holder.release();
      blocked.release();
    }
    // The notebook's own row was not written; its shards counted three edits, the last at the first note's time.
    expect(await row()).toEqual(before);
    const { rows } = await pools[0]!.query<{ v: number; at: Date }>("SELECT sum(version)::int AS v, max(updated_at) AS at FROM notebook_changes WHERE notebook_id = 'nb-shards'");
    expect(rows[0]!.v).toBe(3);
    expect(rows[0]!.at.getTime()).toBeGreaterThan(before.updated_at.getTime());
  });

  it("keeps notes.tags_text to the note's tags", async () => {
    const d = await db();
    const tagsText = async () => (await d.select({ t: pgSchema.notes.tagsText }).from(pgSchema.notes).where(eq(pgSchema.notes.id, "t1")))[0]!.t;
    await d.insert(pgSchema.notebooks).values({ id: "nb3", name: "Tags" });
    await d.insert(pgSchema.notes).values({ id: "t1", notebookId: "nb3", title: "Tagged" });
    await d.insert(pgSchema.notes).values({ id: "t2", notebookId: "nb3", title: "Also tagged" });
    expect(await tagsText()).toBe("");

    await d.insert(pgSchema.noteTags).values([
      { noteId: "t1", tag: "rates" },
      { noteId: "t1", tag: "fed" },
      { noteId: "t2", tag: "oil" },
    ]);
    expect(await tagsText()).toBe("fed rates");
    await d.update(pgSchema.noteTags).set({ noteId: "t2" }).where(eq(pgSchema.noteTags.tag, "fed"));
    expect(await tagsText()).toBe("rates");
    const t2 = await d.select({ t: pgSchema.notes.tagsText }).from(pgSchema.notes).where(eq(pgSchema.notes.id, "t2"));
    expect(t2[0]!.t).toBe("fed oil");
    await d.delete(pgSchema.noteTags).where(eq(pgSchema.noteTags.noteId, "t1"));
    expect(await tagsText()).toBe("");
  });

  it("indexes title and body in notes.search (title above body) and the title alone in notes.title_search, never the tags", async () => {
    const d = await db();
    await d.insert(pgSchema.notebooks).values({ id: "nb4", name: "Search" });
    await d.insert(pgSchema.notes).values([
      { id: "s-title", notebookId: "nb4", title: "Inflation expectations", body: "Nothing else here" },
      { id: "s-body", notebookId: "nb4", title: "Weekly wrap", body: "Inflationary pressure in services" },
      { id: "s-none", notebookId: "nb4", title: "Oil", body: "Supply" },
    ]);
    await d.insert(pgSchema.noteTags).values({ noteId: "s-none", tag: "inflation" });

    const match = (query: string) =>
      d
        .select({ id: pgSchema.notes.id })
        .from(pgSchema.notes)
        .where(sql`${pgSchema.notes.search} @@ to_tsquery('english', ${query}) AND ${pgSchema.notes.notebookId} = 'nb4'`)
        .orderBy(sql`ts_rank_cd('{0, 0, 0.2, 1.0}', ${pgSchema.notes.search}, to_tsquery('english', ${query})) DESC`, pgSchema.notes.id);

    expect((await match("inflation:*")).map((r) => r.id)).toEqual(["s-title", "s-body"]); // unweighted, as search asks: title and body, never the tag
    expect((await match("inflat:*A")).map((r) => r.id)).toEqual(["s-title"]);
    expect((await match("servic:*B")).map((r) => r.id)).toEqual(["s-body"]);
    const inTitle = await d
      .select({ id: pgSchema.notes.id })
      .from(pgSchema.notes)
      .where(sql`${pgSchema.notes.titleSearch} @@ to_tsquery('english', 'inflation:*') AND ${pgSchema.notes.notebookId} = 'nb4'`);
    expect(inTitle.map((r) => r.id)).toEqual(["s-title"]);

    // The index is a GIN index on the vector.
    const { rows } = await pools[0]!.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'notes_search_idx'");
    expect(rows[0].indexdef).toMatch(/USING gin \(search\)/);
  });

  it("takes explicit ids in identity columns (a data copy) and carries on after the identity is reset", async () => {
    const d = await db();
    await d.insert(pgSchema.events).values({ id: 41, action: "copied", targetType: "note", targetId: "x" });
    await pools[0]!.query("SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events))");
    const [next] = await d.insert(pgSchema.events).values({ action: "new", targetType: "note", targetId: "y" }).returning({ id: pgSchema.events.id });
    expect(next!.id).toBe(42);
  });
});
