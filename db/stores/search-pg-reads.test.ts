// The PostgreSQL search store on a fresh database, how it reads: inside transactions, planner settings, kept plans on the search pool, lanes, parameters, and bodies kept in the row.
import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as pgSchema from "@/db/schema-pg";
import { endSearchPool, searchPoolFor } from "@/db/search-pool";
import { toFtsQuery } from "@/lib/notes/search-query";
import { postgresSearch } from "./search-pg";
import { addNote, addNotebook, liteHits, openSearchDatabases, pgHits, searchQuery, seedNotes } from "./search-pg-fixtures";

const databases = openSearchDatabases("quire_search_pg_reads");
let pool: pg.Pool;
let db: NodePgDatabase<typeof pgSchema>;
beforeAll(() => void ({ pool, db } = databases()));

describe("postgresSearch reads", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => void Object.assign(ids, await seedNotes()));

  it("runs inside a transaction", async () => {
    const hits = await db.transaction(async (tx) => postgresSearch(tx).searchNotes(searchQuery('"staples"')));
    expect(hits.map((h) => h.id)).toEqual([ids.staples]);
  });

  it("puts the planner settings back, inside the caller's transaction and on the pool's connections", async () => {
    const settings = "SELECT current_setting('enable_seqscan') AS seq, current_setting('max_parallel_workers_per_gather') AS workers";
    const before = (await pool.query(settings)).rows[0];
    const inside = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 3`);
      expect((await postgresSearch(tx).searchNotes(searchQuery('"staples"'))).map((h) => h.id)).toEqual([ids.staples]);
      return (await tx.execute<{ seq: string; workers: string }>(sql.raw(settings))).rows[0];
    });
    expect(inside).toEqual({ seq: "on", workers: "3" });
    await Promise.all(Array.from({ length: 4 }, () => postgresSearch(db).searchNotes(searchQuery('"rotation"'))));
    const after = await Promise.all(Array.from({ length: 4 }, () => pool.query(settings)));
    for (const { rows } of after) expect(rows[0]).toEqual(before);
    expect(before.seq).toBe("on");
  });

  it("reads with a kept plan on the search pool: its connections carry the settings, and one statement serves each query shape", async () => {
    const prepared = async () => {
      const { rows } = await searchPoolFor(pool).query<{ name: string; settings: string }>(
        "SELECT name, current_setting('enable_seqscan') || ' ' || current_setting('max_parallel_workers_per_gather') || ' ' || current_setting('plan_cache_mode') AS settings FROM pg_prepared_statements WHERE name LIKE 'quire_search_%' ORDER BY name",
      );
      return rows;
    };
    await endSearchPool(pool);
    // Two words that must both be there: no first read over the recent window, so the plan is kept (a tag the same).
    expect((await postgresSearch(db).searchNotes(searchQuery('"consumer" "staples"'))).map((h) => h.id)).toEqual([ids.staples]);
    const once = await prepared();
    expect(once).toHaveLength(1);
    expect(once[0]!.settings).toBe("off 0 force_generic_plan");
    // Other words of the same shape reuse the statement; a tag is another shape.
    expect((await postgresSearch(db).searchNotes(searchQuery('"rate" "cuts"'))).map((h) => h.id)).toEqual([ids.fed]);
    expect(await prepared()).toEqual(once);
    expect((await postgresSearch(db).searchNotes(searchQuery('"staples"', { tag: "sectors" }))).map((h) => h.id)).toEqual([ids.staples]);
    expect(await prepared()).toHaveLength(2);
    // Closing the search pool ends its connections (the next search opens it again).
    const searchPool = searchPoolFor(pool);
    expect(searchPool.totalCount).toBeGreaterThan(0);
    await endSearchPool(pool);
    expect(searchPool.totalCount).toBe(0);
    expect(searchPoolFor(pool)).not.toBe(searchPool);
    expect((await postgresSearch(db).searchNotes(searchQuery('"consumer" "staples"'))).map((h) => h.id)).toEqual([ids.staples]);
  });

  it("reads the candidates in two lanes at once and merges them in rank order, reading a lane again when its rows run out", async () => {
    await addNotebook("lanes", "Lanes", ["analyst"]);
    const alone: string[] = [];
    for (let i = 0; i < 5; i++) alone.push(await addNote("lanes", `Lane ${i}`, "Cobalt rallied alone."));
    // Newer notes that pass the server's check (a NOT is checked on the client) but not FTS5: every lane runs out of rows.
    for (let i = 0; i < 40; i++) await addNote("lanes", `Lane mixed ${i}`, "Cobalt rallied with nickel.");
    // Three of the older ones updated at the same moment: the order among them is by id, byte by byte ("note_1" < "note_10" < "note_9").
    await pool.query("UPDATE notes SET updated_at = (SELECT updated_at FROM notes WHERE id = $1) WHERE id = ANY($2::text[])", [alone[4], alone.slice(2)]);
    const ftsQuery = toFtsQuery("cobalt NOT nickel")!;
    const scope = (limit: number) => searchQuery(ftsQuery, { notebookId: "lanes", limit });
    const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

    const searchPool = searchPoolFor(pool);
    const sent: string[] = [];
    const query = searchPool.query.bind(searchPool);
    searchPool.query = ((config: { text: string }) => (sent.push(config.text), query(config as never))) as unknown as typeof searchPool.query;
    try {
      for (const limit of [1, 2, 3, 5, 8]) {
        const inLanes = ids(await postgresSearch(db, { recentFirst: "never" }).searchNotes(scope(limit)));
        // Inside a transaction the candidates are read in one lane, one page after another.
        const inOne = ids(await db.transaction(async (tx) => postgresSearch(tx, { recentFirst: "never" }).searchNotes(scope(limit))));
        expect(inLanes, `limit ${limit}`).toEqual(inOne);
        expect(inLanes).toEqual([...alone.slice(2).sort(), alone[1], alone[0]].slice(0, limit));
      }
    } finally {
      searchPool.query = query;
    }
    expect(sent.filter((text) => text.includes("hashtext(n.id)")).length, "the reads went by lanes").toBeGreaterThan(2);
    expect(await liteHits(ftsQuery, { notebookId: "lanes" })).toHaveLength(5);
  });

  it("reads in lanes only when most candidates may fail their checks: a phrase of two words or more, or a NOT", async () => {
    const searchPool = searchPoolFor(pool);
    const query = searchPool.query.bind(searchPool);
    // One statement for each of the two lanes, each read once (their first pages hold every candidate here).
    const LANES_EXPECTED = 2;
    const laneReads = async (ftsQuery: string) => {
      const sent: string[] = [];
      searchPool.query = ((config: { text: string }) => (sent.push(config.text), query(config as never))) as unknown as typeof searchPool.query;
      try {
        const hits = (await postgresSearch(db, { recentFirst: "never" }).searchNotes(searchQuery(ftsQuery))).map((h) => h.id);
        expect(hits.sort(), ftsQuery).toEqual((await liteHits(ftsQuery)).sort());
        expect(sent.length, `${ftsQuery}: read with a kept plan`).toBeGreaterThan(0);
        return sent.filter((text) => text.includes("hashtext(n.id)")).length;
      } finally {
        searchPool.query = query;
      }
    };
    expect(await laneReads('"consumer" "staples"')).toBe(0);
    expect(await laneReads('"breadth" OR "cuts"')).toBe(0);
    expect(await laneReads('"rate cuts"')).toBe(LANES_EXPECTED);
    expect(await laneReads('"sector" NOT "defensive"')).toBe(LANES_EXPECTED);
  });

  it("walks the recent window for a word many notes hold, once ANALYZE has counted the lexemes, and looks a rare word up in the index", async () => {
    await addNotebook("walk", "Walk", ["analyst"]);
    const zinc = await addNote("walk", "Metals", "Zinc held up.");
    // Half of 400 newer notes hold "breadth" (a tenth of them in the title), so it is among the most common lexemes.
    await pool.query(
      `INSERT INTO notes (id, notebook_id, title, body, version, created_by, updated_by, created_at, updated_at)
       SELECT 'walk_' || i, 'walk', CASE WHEN i % 20 = 0 THEN 'Breadth ' || i ELSE 'Day ' || i END,
         CASE WHEN i % 2 = 0 THEN 'Breadth widened, day ' || i ELSE 'Nothing new, day ' || i END, 1, 'analyst', 'analyst',
         now() + i * interval '1 second', now() + i * interval '1 second'
       FROM generate_series(1, 400) AS i`,
    );
    await pool.query("ANALYZE notes");
    // A pool of its own: statistics are read once a minute per pool, and this file's earlier searches read them before ANALYZE.
    const fresh = new pg.Pool({ ...pool.options, max: 2 });
    const sent = vi.spyOn(pg.Client.prototype, "query");
    try {
      const search = (q: string, walk: "auto" | "never") =>
        postgresSearch(drizzle(fresh), { walk }).searchNotes(searchQuery(q, { notebookId: "walk", limit: 3 })).then((hits) => hits.map((h) => h.id));
      const walked = () => sent.mock.calls.filter(([query]) => typeof query === "string" && query.includes("NOT (n.title_search @@")).length;
      const breadth = await search('"breadth"', "auto");
      expect(walked(), "a common word walks").toBe(1);
      expect(breadth).toEqual(["walk_400", "walk_380", "walk_360"]);
      expect(breadth).toEqual(await search('"breadth"', "never"));
      expect(await search('"widened"', "auto")).toEqual(["walk_400", "walk_398", "walk_396"]);
      expect(walked(), "a common word that no title holds walks too").toBe(2);
      expect(await search('"zinc"', "auto")).toEqual([zinc]);
      expect(walked(), "a rare word goes through the index").toBe(2);
    } finally {
      sent.mockRestore();
      await endSearchPool(fresh);
      await fresh.end();
    }
  });

  it("sends what was typed as data, quotes and backslashes included (parameters of a kept plan, or inlined as literals)", async () => {
    const odd = await addNote("research", "Quotes", "It's a back\\slash: O'Brien's \\'; DROP TABLE notes; --");
    for (const q of [`"O'Brien's"`, `"back\\slash"*`, `"'; DROP TABLE notes; --"`, `"\\'"`, `"it's" AND "drop"`]) {
      expect(await postgresSearch(db).searchNotes(searchQuery(q)), q).toEqual(expect.any(Array));
    }
    expect((await postgresSearch(db).searchNotes(searchQuery(`"O'Brien's"`))).map((h) => h.id)).toEqual([odd]);
    expect((await postgresSearch(db).searchNotes(searchQuery(`"drop table notes"`, { tag: "it's'--" }))).map((h) => h.id)).toEqual([]);
    expect((await pool.query("SELECT count(*)::int AS n FROM notes WHERE id = $1", [odd])).rows[0].n).toBe(1);
  });

  it("keeps a body of about a kilobyte in its row uncompressed, so checking a candidate reads it as it is; a larger one is compressed", async () => {
    // 150 words, as the bench's notes have: with its search vector the row passes the 2 KB past which PostgreSQL
    // compresses, and the body was what it compressed before migration 0014.
    const words = Array.from({ length: 150 }, (_, i) => `word${(i * 7919) % 1000}`);
    const typical = await addNote("research", "Typical", words.join(" "));
    const large = await addNote("research", "Large", "rotation ".repeat(2_000));
    const { rows } = await pool.query<{ id: string; body: string | null }>("SELECT id, pg_column_compression(body) AS body FROM notes WHERE id = ANY($1)", [[typical, large]]);
    const compression = new Map(rows.map((r) => [r.id, r.body]));
    expect(compression.get(typical), "the typical body is stored as written").toBeNull();
    expect(compression.get(large), "an 18 KB body is still compressed").not.toBeNull();
    expect(await pgHits(`"${words[1]} ${words[2]}"`)).toEqual([typical]);
  });
});
