// The PostgreSQL search's tsquery (search-pg-query.ts): the translation of FTS5 queries, PostgreSQL's English forms, the exact word check against SQLite's FTS5, and the GIN index it is made for.
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as pgSchema from "@/db/schema-pg";
import { englishOperands, matchesFts, planOf, prefixesOfPlan, render, toTsQuery } from "./search-pg-query";
import { openStoreTestDatabase, type StoreTestDatabase } from "./pg-store-database";

let store: StoreTestDatabase;
let pool: pg.Pool;
let db: NodePgDatabase<typeof pgSchema>;

beforeAll(async () => {
  store = await openStoreTestDatabase("quire_search_pg_query");
  ({ pool, db } = store);
}, 120_000);

afterAll(async () => {
  await store?.close();
});



/** toTsQuery with PostgreSQL's own English forms of the stemmed lookups, as the store builds it. */
async function pgTsQuery(ftsQuery: string): Promise<string> {
  const operands = englishOperands(ftsQuery);
  const { rows } = await pool.query("SELECT to_tsquery('english', u.op)::text AS q FROM unnest($1::text[]) WITH ORDINALITY AS u(op, i) ORDER BY u.i", [operands]);
  const forms = new Map(operands.map((op, i) => [op, rows[i].q as string]));
  return toTsQuery(ftsQuery, (op) => forms.get(op) ?? "");
}

describe("toTsQuery", () => {
  it("quotes every word, weights it to title and body, and keeps prefixes, phrases, OR, NOT and parentheses", () => {
    expect(toTsQuery('"rota"*')).toBe("( 'rota':* | 'ro' | 'roe' | 'rot' | 'rote' )");
    expect(toTsQuery('"fed"')).toBe("'fed'");
    // A phrase is the AND of its words; their order is checked on the candidates.
    expect(toTsQuery('"rate cuts"')).toBe("( 'rate' & 'cuts' )");
    expect(toTsQuery('"fed" OR "cuts"')).toBe("( 'fed' | 'cuts' )");
    expect(toTsQuery('"fed" "cuts"')).toBe("( 'fed' & 'cuts' )");
    // `a NOT b` filters on a; b is checked word for word on the candidates.
    expect(toTsQuery('"tech" NOT "apple"')).toBe("'tech'");
    // FTS5 precedence: NOT, then AND, then OR; parentheses group.
    expect(toTsQuery('"fed" OR "rates" AND "cuts"')).toBe("( 'fed' | ( 'rates' & 'cuts' ) )");
    expect(toTsQuery('("fed" OR "rates") AND "cuts"')).toBe("( ( 'fed' | 'rates' ) & 'cuts' )");
  });

  it("looks a part-typed word up by its stem and by the stems it may be the start of; numbers also signed and as decimals", () => {
    // A lookup another one covers is left out ('runni':* within 'runn':*, '500' within '500':*): each prefix is a scan of its own.
    expect(toTsQuery('"runni"*')).toBe("( 'runn':* | 'ru' | 'rue' | 'run' | 'rune' )");
    expect(toTsQuery('"500"')).toBe("( '-500' | '+500' | '500':* )");
    // "1.5" is `"1" AND "5"` to FTS5 but the one lexeme '1.5' to PostgreSQL: a number after a number filters nothing.
    expect(toTsQuery('"1" AND "5"')).toBe("( '-1' | '+1' | '1':* )");
    expect(toTsQuery('"café"')).toBe("( 'café' | 'cafe' )");
    expect(toTsQuery('"x"*')).toBe("'x':*");
  });

  it("takes the English forms from PostgreSQL: stems, and stop words gone, while the stored-lexeme lookups stay as written", async () => {
    expect(await pgTsQuery('"rotations"*')).toBe("( 'rota':* | 'ro' | 'roe' | 'rot' | 'rote' )");
    expect(await pgTsQuery('"probabilities"*')).toBe("( 'probab':* | 'pr' | 'pre' | 'pro' | 'proe' | 'prob' | 'probe' | 'proba' | 'probae' )");
    expect(await pgTsQuery('"rates cuts"')).toBe("( 'rate' & 'cut' )");
    // to_tsquery('english', 'willi:*') cannot find "willing" (stored 'will', a stop word to to_tsquery); 'will':* as a lexeme can.
    expect(await pgTsQuery('"willi"*')).toBe("( 'will':* | 'wi' | 'wie' | 'wil' | 'wile' )");
  });

  it("leaves out what the index does not hold (stop words, beginnings of stop words) and answers '' when nothing is left", async () => {
    expect(toTsQuery('"the"')).toBe("");
    expect(toTsQuery('"the" AND "fed"')).toBe("'fed'");
    expect(toTsQuery('"ab"* AND "fed"')).toBe("'fed'");
    expect(toTsQuery('"the" OR "fed"')).toBe("");
    expect(toTsQuery('"it\'s"'), '"it" and "s" are both stop words').toBe("");
    expect(toTsQuery('"..."')).toBe("");
    expect(toTsQuery("")).toBe("");
    expect(await pgTsQuery('"rate of cuts"')).toBe("( 'rate' & 'cut' )");
  });

  it("reads odd input leniently and always makes a tsquery PostgreSQL accepts", async () => {
    const odd = [
      `"it's" AND "a\\b:c" OR "x'y"*`,
      `"a\\b:c'd"`,
      `'); DROP TABLE notes; --`,
      `"unclosed phrase`,
      `((( "deep" ) OR`,
      `) NOT "x" ( AND`,
      `"a""b" "c"*`,
      `*:*AB & | ! <-> ''`,
      `NEAR("a" "b", 3) title:x ^y col*`,
      `"${"ab ".repeat(400)}"`,
      `"x${"y".repeat(3000)}"*`,
      '"\u0000\u0007\u200b\ud800"',
      `"①½ 日本語 Ǿ ß İstanbul" OR "σίσυφος"*`,
      "(".repeat(300) + '"fed"' + ")".repeat(10),
    ];
    for (const q of odd) {
      const text = await pgTsQuery(q);
      const { rows } = await pool.query("SELECT $1::tsquery::text AS q", [text]);
      expect(typeof rows[0].q, q).toBe("string");
    }
    expect(toTsQuery(`"a\\b:c'd"`)).toBe("( ( 'b' & 'c' ) & 'd' )");
  });
});

describe("prefixes named as lexemes", () => {
  const asWritten = (op: string) => op;
  it("asks about each prefix once, and names the lexemes it stands for; none left makes the word match nothing", () => {
    // "rotation"* is looked up as 'rota':* too (its stem may be shorter), which covers 'rotation':*.
    const plan = planOf('"rota"* "capi"* "rotation"*')!;
    expect(prefixesOfPlan(plan, asWritten)).toEqual(["rota", "capi"]);
    const lexemes = new Map([["rota", ["rotari", "rotat"]]]);
    expect(render(plan.filter, asWritten, (p) => lexemes.get(p))).toBe(
      "( ( ( 'rotari' | 'rotat' | 'ro' | 'roe' | 'rot' | 'rote' ) & ( 'capi':* | 'ca' | 'cae' | 'cap' | 'cape' ) ) & ( 'rotari' | 'rotat' | 'ro' | 'roe' | 'rot' | 'rote' ) )",
    );
    // A word whose only lookups are prefixes no lexeme begins: no note holds it, so an AND of it finds none, an OR goes on.
    const none = () => [] as string[];
    expect(render(planOf('"zq"* "rate"')!.filter, asWritten, none)).toBe(false);
    expect(render(planOf('"zq"* OR "rate"')!.filter, asWritten, none)).toBe("'rate'");
    // Unknown (or too many) lexemes: the prefix stays.
    expect(render(planOf('"zq"*')!.filter, asWritten, () => undefined)).toBe("'zq':*");
  });
});

describe("matchesFts", () => {
  const probe = new Database(":memory:");
  afterAll(() => probe.close());

  it("checks words exactly as FTS5 does (matchesFts against SQLite on the same texts)", () => {
    const cases: Array<[string, string, string]> = [
      ['"cafe"', "", "Café"],
      ['"istanbul"', "İSTANBUL", ""],
      ['"σίσυφοσ"', "ΣΊΣΥΦΟΣ", ""],
      ['"one two"*', "one twofold", ""],
      ['"one two"', "one", "two"],
      ['"foo bar"', "foo_bar", ""],
      ['"ǿ"', "Ǿ", ""],
      ['"x"', "x\u0903y", ""],
      ['"cafes"', "cafe\u0301s", ""],
    ];
    for (const [q, title, body] of cases) {
      probe.exec("DROP TABLE IF EXISTS temp.probe");
      probe.exec("CREATE VIRTUAL TABLE temp.probe USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')");
      probe.prepare("INSERT INTO temp.probe (title, body) VALUES (?, ?)").run(title, body);
      const sqliteSays = (probe.prepare("SELECT count(*) AS n FROM temp.probe WHERE probe MATCH ?").get(q) as { n: number }).n > 0;
      expect(matchesFts(q, title, body), `${q} in ${title} / ${body}`).toBe(sqliteSays);
    }
  });
});

describe("the search statement", () => {
  it("can use the GIN index on notes.search", async () => {
    const filter = await pgTsQuery('"rotation"*');
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN SELECT id FROM notes n WHERE n.search @@ ${filter}::tsquery AND n.deleted_at IS NULL`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("notes_search_idx");
  });
});
