// The PostgreSQL search store on a fresh database, what it finds: ranking, filters, access, and results equal to SQLite's FTS5 store on the same notes (its tsquery: search-pg-query.test.ts; how it reads: search-pg-reads.test.ts).
import type Database from "better-sqlite3";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type * as pgSchema from "@/db/schema-pg";
import { searchPoolFor } from "@/db/search-pool";
import { toFtsQuery } from "@/lib/notes/search-query";
import { postgresSearch } from "./search-pg";
import { addNote, addNotebook, liteHits, openSearchDatabases, pgHits, random, searchQuery, seedNotes } from "./search-pg-fixtures";

const databases = openSearchDatabases("quire_search_pg");
let pool: pg.Pool;
let db: NodePgDatabase<typeof pgSchema>;
let lite: Database.Database;
beforeAll(() => void ({ pool, db, lite } = databases()));

describe("postgresSearch", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => void Object.assign(ids, await seedNotes()));

  it("ranks a title match above a body match, and never shows notes from others' notebooks or the trash", async () => {
    expect(await pgHits("rotation")).toEqual([ids.rotation, ids.staples]);
    expect(await pgHits("rotation", { userId: "outsider" })).toEqual([ids.hidden]);
    expect(await pgHits("thrown")).toEqual([]);
    expect(await pgHits("secrets")).toEqual([]);
  });

  it("matches prefixes, including part-typed words whose stem is shorter, and exact phrases", async () => {
    expect(await pgHits("rota")).toContain(ids.rotation);
    expect(await pgHits("stap")).toEqual([ids.staples]);
    for (const typed of ["rotati", "rotatio", "runni", "probabi", "probabilit", "hopi", "happin", "generalizatio"]) {
      expect((await pgHits(typed)).length, typed).toBeGreaterThan(0);
    }
    expect(await pgHits('"rate cuts"')).toEqual([ids.fed]);
    expect(await pgHits('"cuts rate"')).toEqual([]);
  });

  it("does not stem where FTS5 does not: a word matches as typed, not its inflections", async () => {
    // PostgreSQL stores "rate" and "rates" both as 'rate'; FTS5 matches "rates"* only where "rates…" is written.
    const only = await addNote("macro", "Rate", "The policy rate held.");
    expect(await pgHits('"rates"')).toEqual([]);
    expect(await pgHits("rate")).toEqual(expect.arrayContaining([ids.fed, only]));
    expect(await pgHits('"rotations"')).toEqual([]);
  });

  it("keeps OR, NOT and parentheses", async () => {
    expect((await pgHits("staples OR fed")).sort()).toEqual([ids.staples, ids.fed].sort());
    expect(await pgHits("rotation NOT staples")).toEqual([ids.rotation]);
    expect((await postgresSearch(db).searchNotes(searchQuery('("staples" OR "fed") AND "cuts"'))).map((m) => m.id)).toEqual([ids.fed]);
  });

  it("filters by notebook, and by tag exactly; a word only in the tags does not match", async () => {
    expect(await pgHits("rotation", { notebookId: "macro" })).toEqual([]);
    expect(await pgHits("rotation", { tag: "sectors" })).toEqual([ids.staples]);
    expect(await pgHits("broadened", { tag: "sectors-us" })).toEqual([ids.breadth]);
    expect(await pgHits("broadened", { tag: "sectors" })).toEqual([ids.breadthAgain]);
    expect(await pgHits("broadened", { tag: "us" })).toEqual([]);
    expect(await pgHits("defensive"), "a tag is a filter, not searched text").toEqual([ids.staples]);
  });

  it("filters by the tags as they are now, through the tags' own index", async () => {
    // notes.tags_text follows note_tags (its triggers), and the tag filter reads it.
    await pool.query("INSERT INTO note_tags (note_id, tag) VALUES ($1, 'late')", [ids.breadth]);
    expect(await pgHits("broadened", { tag: "late" })).toEqual([ids.breadth]);
    await pool.query("DELETE FROM note_tags WHERE note_id = $1 AND tag = 'late'", [ids.breadth]);
    expect(await pgHits("broadened", { tag: "late" })).toEqual([]);
    // The filter's expression is the one notes_tags_idx indexes, so the planner can AND the two indexes' matches.
    const client = await pool.connect();
    try {
      await client.query("BEGIN; SET LOCAL enable_seqscan = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        "EXPLAIN SELECT id FROM notes n WHERE n.search @@ 'broaden'::tsquery AND string_to_array(n.tags_text, ' ') @> ARRAY['sectors'::text]",
      );
      expect(rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Bitmap Index Scan on notes_tags_idx/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("looks a prefix up as the lexemes it begins, from a vocabulary the notes' triggers keep; past 64 of them, as a prefix", async () => {
    const vocabulary = async (prefix: string) =>
      (await pool.query<{ lexeme: string }>("SELECT lexeme FROM search_lexemes WHERE starts_with(lexeme, $1) ORDER BY lexeme", [prefix])).rows.map((r) => r.lexeme);
    // Written by an insert, and by an update (the old lexeme stays: a search looks it up for nothing).
    const note = await addNote("research", "Vocabulary", "The zyxwoolly market.");
    expect(await vocabulary("zyxw")).toEqual(["zyxwoolli"]);
    expect(await pgHits("zyxwo")).toEqual([note]);
    await pool.query("UPDATE notes SET body = 'The zyxwabbit market.' WHERE id = $1", [note]);
    lite.prepare("UPDATE notes SET body = 'The zyxwabbit market.' WHERE id = ?").run(note);
    lite.prepare("INSERT INTO notes_fts (notes_fts, rowid, title, body, tags_text) SELECT 'delete', rowid, 'Vocabulary', 'The zyxwoolly market.', '' FROM notes WHERE id = ?").run(note);
    lite.prepare("INSERT INTO notes_fts (rowid, title, body, tags_text) SELECT rowid, title, body, tags_text FROM notes WHERE id = ?").run(note);
    expect(await vocabulary("zyxw")).toEqual(["zyxwabbit", "zyxwoolli"]);
    expect(await pgHits("zyxwa")).toEqual([note]);
    expect(await pgHits("zyxwo")).toEqual([]);
    expect(await pgHits("zyxwq"), "a prefix no lexeme begins").toEqual([]);
    expect(await pgHits("zyxwq OR zyxwa"), "an OR keeps its other side").toEqual([note]);
    // 70 lexemes begin "qqz": the prefix goes to the index as a prefix, and finds the same notes.
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const many = Array.from({ length: 70 }, (_, i) => `qqz${letters[Math.floor(i / 26)]}${letters[i % 26]}x`);
    const crowded = await addNote("research", "Crowded", many.join(" "));
    expect((await vocabulary("qqz")).length).toBe(70);
    expect(await pgHits("qqz")).toEqual([crowded]);
    expect(await pgHits("qqzbz")).toEqual([crowded]);
    for (const typed of ["zyxwa", "zyxwo", "qqz", "qqzbz market"]) expect(await pgHits(typed), typed).toEqual(await liteHits(toFtsQuery(typed)!));
    // The statement names the lexeme "zyxwa" begins, and leaves "qqz" a prefix.
    const searchPool = searchPoolFor(pool);
    const sent: unknown[] = [];
    const query = searchPool.query.bind(searchPool);
    searchPool.query = ((config: { values?: unknown[] }) => (sent.push(...(config.values ?? [])), query(config as never))) as unknown as typeof searchPool.query;
    try {
      expect(await pgHits("zyxwa qqz")).toEqual([]);
    } finally {
      searchPool.query = query;
    }
    const filters = sent.filter((v): v is string => typeof v === "string" && v.includes("&"));
    expect(filters.length).toBeGreaterThan(0);
    for (const filter of filters) {
      expect(filter).toContain("'zyxwabbit'");
      expect(filter).not.toContain("'zyxwa':*");
      expect(filter).toContain("'qqz':*");
    }
  });

  it("finds numbers PostgreSQL keeps glued (decimals, dates, signed) and words with or without their diacritics", async () => {
    for (const typed of ["1.5", "4.25", "2026-01-15", "01", "15", "S&P-500", "500", "Q3-2025", "2025", "3"]) {
      expect(await pgHits(typed), typed).toContain(ids.numbers);
    }
    expect(await pgHits("500")).toContain(ids.rotation);
    // Typed with diacritics, a word finds both spellings, as on SQLite; typed without, it finds only the plain one (a known gap).
    for (const typed of ["café", "zürich", "naïve", "émigré", "straße"]) expect(await pgHits(typed), typed).toContain(ids.accents);
  });

  it("answers stop words as FTS5 does, and punctuation with nothing, never with an error", async () => {
    // PostgreSQL stores no stop word, so the index cannot find them; the store checks the readable notes instead.
    const the = await pgHits('"the"');
    expect(the.sort()).toEqual((await liteHits('"the"')).sort());
    expect(the).toContain(ids.rotation);
    expect(await pgHits("in")).toEqual(expect.arrayContaining([ids.fed, ids.running]));
    for (const q of ['"..."', '"?!"*', '""', "***", "( ) AND OR NOT"]) {
      expect(await postgresSearch(db).searchNotes(searchQuery(q)), q).toEqual([]);
    }
  });

  it("reads further candidates when the best-ranked ones are not FTS5 matches", async () => {
    await addNotebook("crowd", "Crowd", ["analyst"]);
    // 130 notes PostgreSQL ranks highest for 'rate' (title), none of which FTS5 matches for "rates"*; the first 65 pass
    // the server's check too ("ärates" holds "rates" after a letter that is not ASCII, one FTS5 word "arates"), so
    // only the word-for-word check turns them away, page after page.
    for (let i = 0; i < 130; i++) await addNote("crowd", `Rate rate rate ${i}`, i < 65 ? "rate ärates" : "rate rate rate");
    const one = await addNote("crowd", "Plain", "one mention of rates here");
    expect(await pgHits('"rates"')).toEqual([one]);
    expect(await pgHits("rates", { limit: 1 })).toEqual([one]);
    expect(await liteHits('"rates"', { limit: 1 })).toEqual([one]);
  });

  it("ranks the same with a first read over the recent window, through the index or walked: an old title match first, then the newest body matches", async () => {
    await addNotebook("window", "Window", ["analyst"]);
    await addNotebook("window2", "Window too", ["analyst"]);
    const old = await addNote("window", "Cobalt outlook", "Supply is tight.");
    const body: string[] = [];
    for (let i = 0; i < 12; i++) {
      body.push(await addNote(i % 3 === 0 ? "window2" : "window", `Metals ${i}`, `Cobalt and nickel, part ${i}.`));
      await addNote("window", `Filler ${i}`, "Nothing about metals.");
    }
    const newestFirst = [...body].reverse();
    const search = (mode: "always" | "never", limit: number, recentWindow = 3, walk: "always" | "never" = "never") =>
      postgresSearch(db, { recentFirst: mode, recentWindow, walk }).searchNotes(searchQuery('"cobalt"', { limit })).then((hits) => hits.map((h) => h.id));
    for (const walk of ["always", "never"] as const) {
      // The window (each notebook's 3 newest notes) holds the title match and enough body matches for 3 hits.
      expect(await search("always", 3, 3, walk), `walk ${walk}`).toEqual([old, ...newestFirst.slice(0, 2)]);
      // Too few in the window for 10 hits: the same statement reads the full order instead.
      expect(await search("always", 10, 3, walk), `walk ${walk}`).toEqual([old, ...newestFirst.slice(0, 9)]);
    }
    for (const limit of [1, 2, 5, 13, 20]) {
      for (const recentWindow of [1, 2, 4, 50]) {
        const full = await search("never", limit);
        expect(await search("always", limit, recentWindow), `limit ${limit}, window ${recentWindow}`).toEqual(full);
        expect(await search("always", limit, recentWindow, "always"), `limit ${limit}, window ${recentWindow}, walked`).toEqual(full);
      }
    }
    expect(await search("never", 20)).toEqual([old, ...newestFirst]);
  });

  it("returns the note's fields with updatedAt as a Date", async () => {
    const [hit] = await postgresSearch(db).searchNotes(searchQuery('"staples"'));
    expect(hit).toEqual({
      id: ids.staples,
      notebookId: "research",
      notebookName: "Research",
      title: "Defensive sectors",
      body: "Consumer staples rose; a small rotation into defensives.",
      updatedAt: expect.any(Date),
    });
    const { rows } = await pool.query("SELECT (extract(epoch FROM updated_at) * 1000)::float8 AS ms FROM notes WHERE id = $1", [ids.staples]);
    expect(hit!.updatedAt.getTime()).toBe(rows[0].ms);
  });


  it("finds the same notes as SQLite's FTS5 store for random notes and typed queries", async () => {
    // QUIRE_SEARCH_SEED=n runs another sample.
    const rand = random(Number(process.env.QUIRE_SEARCH_SEED ?? 20260115));
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
    // Words with inflections PostgreSQL stems alike, stop words, hyphens, underscores, numbers and diacritics.
    const vocabulary = (
      "rotation rotations rotate rotating rotated rota small-cap small caps cap rate rates rating rated cuts cut hikes hike hiking " +
      "running runner runs run happiness happy happily probability probable probably generalization general generally the in on " +
      "about against again theory these there them once only can cancel cancelled will willing just justice no not note notes " +
      "staples stapler materials defensive defensives sector sectors breadth broad broadened fed federal inflation inflationary " +
      "tightening recession organization organize agreed agreement hoping hopeful 2026 2026-01-15 1.5% 4.25 S&P-500 500 -3 Q3 " +
      "10-year café cafe CAFÉ naïve naive Zürich ZÜRICH zurich straße İstanbul istanbul ΣΊΣΥΦΟΣ σίσυφος foo_bar co-op e-mail don't " +
      "analyst's yields yielding yielded copying copy earnings earn capabilities capability willing"
    ).split(" ");
    // No ";" after a word: PostgreSQL reads "S&P-500;" as an HTML entity and drops it (a known gap).
    const separators = [" ", " ", " ", ", ", ". ", ": ", " (", ") ", " - ", "\n"];
    const text = (n: number) => Array.from({ length: n }, () => pick(vocabulary) + pick(separators)).join("");
    await addNotebook("random", "Random", ["analyst"]);
    const docs: string[] = [];
    for (let i = 0; i < 120; i++) {
      const title = text(1 + Math.floor(rand() * 4));
      const body = text(3 + Math.floor(rand() * 30));
      docs.push(`${title} ${body}`);
      await addNote("random", title, body);
    }
    // Typed as a person would: words, parts of words, quoted runs of words from a note, OR / NOT; never without
    // diacritics a word some notes spell with them (PostgreSQL stores "café" as 'café': see toTsQuery's known gaps).
    const typedWords = vocabulary.filter((w) => !["cafe", "naive", "zurich", "CAFÉ", "ZÜRICH"].includes(w));
    const typed: string[] = [];
    for (let i = 0; i < 300; i++) {
      const parts: string[] = [];
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
        const r = rand();
        if (r < 0.15) {
          const words = pick(docs).split(/\s+/).filter(Boolean);
          const at = Math.floor(rand() * Math.max(1, words.length - 2));
          // Spelled with diacritics, which finds both spellings on either store.
          const accented = { cafe: "café", naive: "naïve", zurich: "zürich" } as Record<string, string>;
          parts.push(`"${words.slice(at, at + 2).map((w) => w.replace(/cafe|naive|zurich/gi, (m) => accented[m.toLowerCase()]!)).join(" ")}"`);
        } else {
          const word = pick(typedWords);
          // Numbers whole: the "5" of "1.5" alone is a known gap.
          parts.push(r < 0.55 && !/[0-9]/.test(word) ? word.slice(0, 1 + Math.floor(rand() * word.length)) : word);
        }
        if (n > 1) parts.push(pick(["", "", "", "OR", "NOT", "AND"]));
      }
      typed.push(parts.filter(Boolean).join(" "));
    }
    const differences: string[] = [];
    let answered = 0;
    for (const q of typed) {
      const ftsQuery = toFtsQuery(q);
      if (!ftsQuery) continue;
      const f = { notebookId: "random", limit: 200 };
      const [mine, theirs] = [(await postgresSearch(db).searchNotes(searchQuery(ftsQuery, f))).map((m) => m.id).sort(), (await liteHits(ftsQuery, f)).sort()];
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) differences.push(`${q} → ${ftsQuery}: PostgreSQL ${mine.length}, SQLite ${theirs.length}`);
      if (theirs.length > 0) answered++;
      // A first read over a small recent window gives the same notes in the same order as the full read, whatever the limit.
      for (const limit of [3, 200]) {
        const scope = { userId: "analyst", limit };
        const [windowed, walked, full] = await Promise.all([
          postgresSearch(db, { recentFirst: "always", recentWindow: 7, walk: "never" }).searchNotes(searchQuery(ftsQuery, scope)),
          postgresSearch(db, { recentFirst: "always", recentWindow: 7, walk: "always" }).searchNotes(searchQuery(ftsQuery, scope)),
          postgresSearch(db, { recentFirst: "never" }).searchNotes(searchQuery(ftsQuery, scope)),
        ]);
        const [a, w, b] = [windowed.map((m) => m.id).join(), walked.map((m) => m.id).join(), full.map((m) => m.id).join()];
        if (a !== b) differences.push(`${q} → ${ftsQuery}, limit ${limit}: with a recent window ${a}, without ${b}`);
        if (w !== b) differences.push(`${q} → ${ftsQuery}, limit ${limit}: walking a recent window ${w}, without ${b}`);
      }
    }
    expect(differences).toEqual([]);
    expect(answered, "most sample queries find something, so the comparison means something").toBeGreaterThan(typed.length / 2);
  }, 120_000);

  it("copes with the longest words and notes (no regular expression too complex, no operand too long)", async () => {
    const long = await addNote("research", "Long", `${"Ärger über Öl, ŝtato; ".repeat(9_000)}${"é".repeat(64)}a ${"ab".repeat(50)} end`);
    for (const q of [`"${"é".repeat(64)}"*`, `"${"E".repeat(63)}"`, `"${"ab".repeat(50)}"`, `"${"ab".repeat(2_000)}"*`, `"${"ärger über ".repeat(40)}"`]) {
      const started = performance.now();
      const hits = await postgresSearch(db).searchNotes(searchQuery(q));
      expect(hits.map((h) => h.id).sort(), q.slice(0, 40)).toEqual((await liteHits(q)).sort());
      expect(performance.now() - started, q.slice(0, 40)).toBeLessThan(5_000);
    }
    expect(await pgHits("ärger")).toContain(long);
  });


  it("never throws, whatever is typed (500 random strings through toFtsQuery, and raw FTS5-ish strings)", async () => {
    const rand = random(42);
    const alphabet = ['"', '"', "*", "(", ")", " ", " ", " ", "-", ":", "^", "'", "\\", "&", "|", "!", "<", ">", "a", "e", "r", "o", "t", "1", "5", ".", "é", "ß", "日", "\u0301", "\u0000", "\ud83d\ude00", "AND", "OR", "NOT", "NEAR", "the", "rota", "fed"];
    const store = postgresSearch(db);
    for (let i = 0; i < 500; i++) {
      let s = "";
      for (let n = Math.floor(rand() * 40); n > 0; n--) s += alphabet[Math.floor(rand() * alphabet.length)]!;
      const ftsQuery = toFtsQuery(s);
      if (ftsQuery) await expect(store.searchNotes(searchQuery(ftsQuery)), s).resolves.toBeInstanceOf(Array);
      if (i % 5 === 0) await expect(store.searchNotes(searchQuery(s)), s).resolves.toBeInstanceOf(Array);
    }
  }, 120_000);
});
