// Long charts drawn from thinned tiers draw exactly what thinning every observation draws: same points, same SVG, on both databases.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, observationStore, transaction } from "@/db/client";
import { series as seriesTable } from "@/db/schema";
import type { ChartSpec } from "@/lib/charts/spec";
import { makeTeam } from "@/test/procedures";
import { renderChart, type RenderOptions } from "./chart-render";
import { getChart } from "./charts";
import { createChart } from "./charts";
import { applyObservations } from "./observations";
import { createSeries } from "./series";

const seriesBase = { unit: "", frequency: "daily" as const, source: "upload" as const, sourceRef: "", notes: "", refreshIntervalMinutes: null };

function dayAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A seeded daily random walk with gaps and runs of equal values, from `start`. */
function walk(count: number, seed: number, start: string) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  let day = 0;
  let value = 1000;
  const out: { date: string; value: number }[] = [];
  for (let i = 0; i < count; i++) {
    day += rand() < 0.2 ? 3 : 1;
    if (rand() > 0.1) value = Math.round(value * (1 + (rand() - 0.5) * 0.03) * 100) / 100;
    out.push({ date: dayAfter(start, day), value });
  }
  return out;
}

async function team() {
  const t = await makeTeam("tiers");
  const make = (key: string) => createSeries(t.owner, { ...seriesBase, notebookId: t.notebookId, key, name: `Series ${key}` });
  return { ...t, make };
}

/** The chart both ways: from the tiers (what renderChart does now) and from every observation (as the table needs). */
async function bothWays(notebookId: string, spec: ChartSpec, opts: RenderOptions = {}) {
  const thinned = await renderChart(notebookId, spec, opts);
  const full = await renderChart(notebookId, spec, { ...opts, table: true });
  return { thinned, full };
}

function expectSameDrawing({ thinned, full }: Awaited<ReturnType<typeof bothWays>>) {
  expect(thinned.data.thinned).toBe(true);
  expect(full.data.thinned).toBeUndefined();
  expect(thinned.data.lines).toEqual(full.data.lines);
  expect(thinned.svg).toBe(full.svg);
  const { table: _t, thinned: _d, ...restThinned } = thinned.data;
  const { table: _f, ...restFull } = full.data;
  expect(restThinned).toEqual(restFull);
  expect(thinned.data.table).toEqual({ columns: full.data.table.columns, rows: [] });
}

describe("charts drawn from tiers", () => {
  it("draw the same points as thinning every observation, for line, rebased and return charts in any window", { timeout: 120_000 }, async () => {
    const t = await team();
    const a = await t.make("LONG");
    const b = await t.make("OTHER");
    const points = walk(25_000, 3, "1940-01-01");
    // In order, in batches; then a batch out of order, revisions, and values dated after today.
    for (let i = 0; i < 20_000; i += 5_000) await applyObservations(a.id, points.slice(i, i + 5_000), 1_000 + i);
    await applyObservations(a.id, [...points.slice(20_000)].reverse(), 30_000);
    await applyObservations(a.id, [{ date: points[100]!.date, value: 1 }, { date: points[7_000]!.date, value: 99_999 }, { date: "2099-01-01", value: 5 }], 40_000);
    await applyObservations(b.id, walk(12_000, 9, "1970-06-01"), 1_000);

    const base = { title: "Long", description: "", annotations: [] };
    const specs: ChartSpec[] = [
      { ...base, kind: "line", series: ["LONG"], range: { preset: "max" } },
      { ...base, kind: "line", series: ["LONG", "OTHER", "NONE"], range: { preset: "max" }, scale: "log" },
      { ...base, kind: "line", series: ["LONG"], range: { preset: "custom", from: "1951-03-04", to: "1990-12-31" } },
      { ...base, kind: "line", series: ["LONG"], range: { preset: "custom", from: "1960-01-01", to: "1962-06-30" } },
      { ...base, kind: "line", series: ["LONG"], range: { preset: "custom", from: "2200-01-01", to: "2201-01-01" } },
      { ...base, kind: "rebased", series: ["LONG", "OTHER"], range: { preset: "max" } },
      { ...base, kind: "rebased", series: ["LONG", "OTHER"], range: { preset: "custom", from: "1975-01-01", to: "2000-01-01" }, since: "1980-02-29" },
      { ...base, kind: "return", series: ["OTHER", "LONG"], range: { preset: "custom", from: "1945-01-01", to: "2005-01-01" }, since: "1930-01-01" },
    ];
    for (const spec of specs) {
      for (const width of [320, 800]) expectSameDrawing(await bothWays(t.notebookId, spec, { width }));
    }
    // The widest window is thinned to the width: two points per pixel at most.
    const { thinned } = await bothWays(t.notebookId, specs[0]!, { width: 800 });
    expect(thinned.data.lines[0]!.points.length).toBeLessThanOrEqual(1_600);
    expect(thinned.data.lines[0]!.points.at(-1)!.date).not.toBe("2099-01-01");
  });

  it("keeps one set of tiers per series, at its current data version", async () => {
    const t = await team();
    const a = await t.make("KEPT");
    await applyObservations(a.id, walk(3_000, 5, "1990-01-01"), 1_000);
    await applyObservations(a.id, walk(10, 6, "2001-01-01"), 2_000);
    const [row] = await getDb().select({ version: seriesTable.dataVersion }).from(seriesTable).where(sql`${seriesTable.id} = ${a.id}`);
    const store = observationStore();
    expect(await store.tierSummary(a.id, row!.version)).not.toBeNull();
    expect(await store.tierSummary(a.id, row!.version - 1)).toBeNull();
    expect((await store.tierBlocks(a.id, row!.version, [0, 1, 46, 47])).size).toBe(3);
    expect((await store.tierBlocks(a.id, row!.version - 1, [0])).size).toBe(0);
  });

  it("reads a series without tiers in full, then keeps them for its next chart", async () => {
    const t = await team();
    const a = await t.make("OLD");
    await applyObservations(a.id, walk(5_000, 8, "1980-01-01"), 1_000);
    // As if written before tiers were kept: the data version moves on without them.
    await transaction((tx) => tx.update(seriesTable).set({ dataVersion: sql`${seriesTable.dataVersion} + 1` }).where(sql`${seriesTable.id} = ${a.id}`));
    const spec: ChartSpec = { title: "Old", description: "", annotations: [], kind: "line", series: ["OLD"], range: { preset: "max" } };
    const first = await renderChart(t.notebookId, spec, { width: 400 });
    expect(first.data.thinned).toBeUndefined();
    const again = await bothWays(t.notebookId, spec, { width: 480 });
    expectSameDrawing(again);
  });

  it("reads a series whose tiers are in another format in full, and keeps them again", async () => {
    const t = await team();
    const a = await t.make("ODD");
    await applyObservations(a.id, walk(3_000, 12, "1980-01-01"), 1_000);
    const [row] = await getDb().select({ version: seriesTable.dataVersion }).from(seriesTable).where(sql`${seriesTable.id} = ${a.id}`);
    await transaction(() => observationStore().writeTiers(a.id, row!.version, { summary: new Uint8Array(24), blocks: [] }));
    const spec: ChartSpec = { title: "Odd", description: "", annotations: [], kind: "line", series: ["ODD"], range: { preset: "max" } };
    expect((await renderChart(t.notebookId, spec, { width: 400 })).data.thinned).toBeUndefined();
    expectSameDrawing(await bothWays(t.notebookId, spec, { width: 480 }));
  });

  it("reads every observation for a past moment, a moving average, and the table", async () => {
    const t = await team();
    const a = await t.make("PAST");
    await applyObservations(a.id, walk(4_000, 4, "1980-01-01"), 1_000);
    await applyObservations(a.id, walk(4_000, 14, "1980-01-01"), 9_000);
    // A custom range: "max" runs to the day of the moment asked about (1970 here).
    const spec: ChartSpec = { title: "Past", description: "", annotations: [], kind: "line", series: ["PAST"], range: { preset: "custom", from: "1980-01-01", to: "2000-01-01" } };
    const past = await renderChart(t.notebookId, spec, { asOf: new Date(5_000), width: 400 });
    expect(past.data.thinned).toBeUndefined();
    expect(past.data.lines[0]!.points[0]).toEqual(walk(1, 4, "1980-01-01")[0]);
    const ma = await renderChart(t.notebookId, { ...spec, transform: { type: "ma", window: 20 } }, { width: 400 });
    expect(ma.data.thinned).toBeUndefined();
    const { id } = await createChart(t.owner, { notebookId: t.notebookId, spec });
    const detail = await getChart(t.viewer, { id, width: 400 });
    expect(detail.data.thinned).toBe(true);
    expect(detail.tableRowCount).toBeNull();
  });
});
