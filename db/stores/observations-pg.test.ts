// The PostgreSQL observation store: new, revised and equal values with vintages, as-of reads, counts, bulk writes, rollback.
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as pgSchema from "@/db/schema-pg";
import { postgresObservations } from "./observations-pg";
import { openStoreTestDatabase, type StoreTestDatabase } from "./pg-store-database";

let store: StoreTestDatabase;
let pool: pg.Pool;
let db: NodePgDatabase<typeof pgSchema>;

beforeAll(async () => {
  store = await openStoreTestDatabase("quire_observations_pg");
  ({ pool, db } = store);
}, 120_000);

afterAll(async () => {
  await store?.close();
});

describe("postgresObservations", () => {
  beforeAll(async () => {
    await pool.query("INSERT INTO users (id, email, name, password_hash) VALUES ('quant', 'quant@example.com', 'quant', 'x')");
    await pool.query("INSERT INTO notebooks (id, name) VALUES ('markets', 'Markets')");
    await pool.query("INSERT INTO memberships (notebook_id, user_id, role) VALUES ('markets', 'quant', 'owner')");
    for (const id of ["s_main", "s_empty", "s_big"]) {
      await pool.query("INSERT INTO series (id, notebook_id, key, name) VALUES ($1, 'markets', $1, $1)", [id]);
    }
  });

  const series = async (id: string) =>
    (await pool.query("SELECT data_version, (extract(epoch FROM data_changed_at) * 1000)::float8 AS changed_ms FROM series WHERE id = $1", [id])).rows[0] as {
      data_version: number;
      changed_ms: number | null;
    };
  const apply = (id: string, rows: Array<{ date: string; value: number }>, at: number) => db.transaction(async (tx) => postgresObservations(tx).apply(id, rows, at));

  const t1 = Date.UTC(2026, 0, 10);
  const t2 = Date.UTC(2026, 0, 20);
  const t3 = Date.UTC(2026, 0, 30);

  it("inserts, revises (closing the old row) and leaves equal values alone, moving the data version only on a change", async () => {
    expect(await series("s_main")).toEqual({ data_version: 0, changed_ms: null });
    const first = await apply("s_main", [
      { date: "2026-01-01", value: 1.5 },
      { date: "2026-01-02", value: 2.25 },
      { date: "2026-01-03", value: -3 },
    ], t1);
    expect(first).toEqual({ inserted: 3, revised: 0, unchanged: 0 });
    expect(await series("s_main")).toEqual({ data_version: 1, changed_ms: t1 });

    const second = await apply("s_main", [
      { date: "2026-01-01", value: 1.5 },
      { date: "2026-01-02", value: 2.5 },
      { date: "2026-01-03", value: -3 },
      { date: "2026-01-04", value: 0.1 },
    ], t2);
    expect(second).toEqual({ inserted: 1, revised: 1, unchanged: 2 });
    expect(await series("s_main")).toEqual({ data_version: 2, changed_ms: t2 });

    const third = await apply("s_main", [
      { date: "2026-01-02", value: 2.5 },
      { date: "2026-01-04", value: 0.1 },
    ], t3);
    expect(third).toEqual({ inserted: 0, revised: 0, unchanged: 2 });
    expect(await series("s_main"), "nothing changed, so the version stays").toEqual({ data_version: 2, changed_ms: t2 });

    const { rows } = await pool.query(
      "SELECT date, value, known_from::float8 AS known_from, known_until::float8 AS known_until FROM observations WHERE series_id = 's_main' ORDER BY date, known_from",
    );
    expect(rows).toEqual([
      { date: "2026-01-01", value: 1.5, known_from: t1, known_until: null },
      { date: "2026-01-02", value: 2.25, known_from: t1, known_until: t2 },
      { date: "2026-01-02", value: 2.5, known_from: t2, known_until: null },
      { date: "2026-01-03", value: -3, known_from: t1, known_until: null },
      { date: "2026-01-04", value: 0.1, known_from: t2, known_until: null },
    ]);
  });

  it("reads values as known now and as known at a moment, as numbers, by date", async () => {
    const store = postgresObservations(db);
    expect(await store.read("s_main", "2026-01-02", "2026-01-04")).toEqual([
      { date: "2026-01-02", value: 2.5 },
      { date: "2026-01-03", value: -3 },
      { date: "2026-01-04", value: 0.1 },
    ]);
    expect(await store.read("s_main", "2026-01-01", "2026-12-31", t2 - 1)).toEqual([
      { date: "2026-01-01", value: 1.5 },
      { date: "2026-01-02", value: 2.25 },
      { date: "2026-01-03", value: -3 },
    ]);
    expect(await store.read("s_main", "2026-01-01", "2026-12-31", t2)).toEqual(await store.read("s_main", "2026-01-01", "2026-12-31"));
    expect(await store.read("s_main", "2026-01-01", "2026-12-31", t1 - 1)).toEqual([]);
  });

  it("counts rows and revisions as numbers", async () => {
    const store = postgresObservations(db);
    const stats = await store.stats(["s_main", "s_empty", "missing"]);
    expect(stats).toEqual([{ id: "s_main", rowCount: 4, firstDate: "2026-01-01", lastDate: "2026-01-04" }]);
    expect(typeof stats[0]!.rowCount).toBe("number");
    expect(await store.stats([])).toEqual([]);
    expect(await store.revisionCount("s_main")).toBe(1);
    expect(await store.revisionCount("s_empty")).toBe(0);
  });

  it("applies 200,000 rows in one import, then revises half of them", async () => {
    const n = 200_000;
    const start = Date.UTC(1600, 0, 1);
    const dates = Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    const rows = dates.map((date, i) => ({ date, value: i / 7 }));

    let began = performance.now();
    expect(await apply("s_big", rows, t1)).toEqual({ inserted: n, revised: 0, unchanged: 0 });
    let seconds = (performance.now() - began) / 1000;
    console.log(`postgresObservations.apply: ${n.toLocaleString("en-US")} new rows in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString("en-US")} rows/s`);

    const revisedRows = rows.map((r, i) => (i % 2 === 0 ? { ...r, value: r.value + 1 } : r));
    began = performance.now();
    expect(await apply("s_big", revisedRows, t2)).toEqual({ inserted: 0, revised: n / 2, unchanged: n / 2 });
    seconds = (performance.now() - began) / 1000;
    console.log(`postgresObservations.apply: ${n.toLocaleString("en-US")} rows, ${(n / 2).toLocaleString("en-US")} revised, in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString("en-US")} rows/s`);

    const store = postgresObservations(db);
    expect(await store.stats(["s_big"])).toEqual([{ id: "s_big", rowCount: n, firstDate: dates[0], lastDate: dates[n - 1] }]);
    expect(await store.revisionCount("s_big")).toBe(n / 2);
    const { rows: counts } = await pool.query("SELECT count(*)::int AS n FROM observations WHERE series_id = 's_big'");
    expect(counts[0].n).toBe(n + n / 2);
    expect(await series("s_big")).toEqual({ data_version: 2, changed_ms: t2 });
    const [first, second] = await store.read("s_big", dates[0]!, dates[1]!);
    expect([first, second]).toEqual([revisedRows[0], revisedRows[1]]);
    expect(await store.read("s_big", dates[0]!, dates[0]!, t2 - 1)).toEqual([rows[0]]);
  }, 180_000);

  it("leaves nothing behind when the caller's transaction rolls back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await postgresObservations(tx).apply("s_empty", [{ date: "2026-01-01", value: 1 }], t3);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await postgresObservations(db).stats(["s_empty"])).toEqual([]);
    expect(await series("s_empty")).toEqual({ data_version: 0, changed_ms: null });
  });

  it("writes values exactly as JavaScript holds them, in a transaction (COPY) and outside one (INSERT)", async () => {
    const awkward = [0.1 + 0.2, 1e-300, -123.456e10, 5e-324, 1.7976931348623157e308, 2 ** 53 + 2, -0.000001234];
    const rows = awkward.map((value, i) => ({ date: `2027-01-${String(i + 1).padStart(2, "0")}`, value }));
    await pool.query("INSERT INTO series (id, notebook_id, key, name) VALUES ('s_exact', 'markets', 's_exact', 's_exact'), ('s_plain', 'markets', 's_plain', 's_plain')");
    expect(await apply("s_exact", rows, t1)).toEqual({ inserted: rows.length, revised: 0, unchanged: 0 });
    expect(await postgresObservations(db).apply("s_plain", rows, t1)).toEqual({ inserted: rows.length, revised: 0, unchanged: 0 });
    for (const id of ["s_exact", "s_plain"]) {
      expect(await postgresObservations(db).read(id, "2027-01-01", "2027-12-31")).toEqual(rows);
      // Applied again, every value is equal to what was stored: nothing is revised.
      expect(await apply(id, rows, t2)).toEqual({ inserted: 0, revised: 0, unchanged: rows.length });
    }
  });
  const rowCount = async (id: string) => Number((await pool.query("SELECT count(*) AS n FROM observations WHERE series_id = $1", [id])).rows[0].n);
  const addSeries = (id: string, notebookId = "markets") => pool.query("INSERT INTO series (id, notebook_id, key, name) VALUES ($1, $2, $1, $1)", [id, notebookId]);

  it("deletes a series' observations with it, also when its notebook goes (the trigger that stands for the foreign key)", async () => {
    await pool.query("INSERT INTO notebooks (id, name) VALUES ('scratch', 'Scratch')");
    await addSeries("s_gone");
    await addSeries("s_kept");
    await addSeries("s_in_scratch", "scratch");
    const rows = [{ date: "2026-02-01", value: 1 }, { date: "2026-02-02", value: 2 }];
    for (const id of ["s_gone", "s_kept", "s_in_scratch"]) await apply(id, rows, t1);
    await apply("s_gone", [{ date: "2026-02-02", value: 3 }], t2); // a revision: a closed row as well
    expect(await rowCount("s_gone")).toBe(3);

    await pool.query("DELETE FROM series WHERE id = 's_gone'");
    expect(await rowCount("s_gone")).toBe(0);
    expect(await rowCount("s_kept")).toBe(2);
    await pool.query("DELETE FROM notebooks WHERE id = 'scratch'");
    expect(await rowCount("s_in_scratch")).toBe(0);
    expect(await rowCount("s_kept")).toBe(2);
  });

  it("writes nothing for a series that does not exist", async () => {
    await expect(apply("s_never", [{ date: "2026-02-01", value: 1 }], t1)).rejects.toThrow(/does not exist/);
    await expect(postgresObservations(db).apply("s_never", [{ date: "2026-02-01", value: 1 }], t1)).rejects.toThrow(/does not exist/);
    expect(await rowCount("s_never")).toBe(0);
  });

  it("holds a series' delete until its rows are written, then deletes them with it (no rows left without a series)", async () => {
    await addSeries("s_raced");
    const writer = await pool.connect();
    const deleter = await pool.connect();
    try {
      await writer.query("BEGIN");
      await postgresObservations(drizzle(writer)).apply("s_raced", [{ date: "2026-03-01", value: 1 }], t1);
      let deleted = false;
      const deleting = deleter.query("DELETE FROM series WHERE id = 's_raced'").then(() => (deleted = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(deleted, "the delete waits for the writer's lock on the series row").toBe(false);
      await writer.query("COMMIT");
      await deleting;
      expect(await rowCount("s_raced")).toBe(0);
    } finally {
      writer.release();
      deleter.release();
    }
  });
});
