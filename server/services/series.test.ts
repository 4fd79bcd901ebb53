// Series and observations: vintages (a revised value closes the old row), as-of reads, idempotent imports, all-or-nothing files, access.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, liveBusReady } from "@/db/client";
import { observations } from "@/db/schema";
import { makeTeam } from "@/test/procedures";
import { dbSnapshot, trpcError } from "@/test/helpers";
import { applyObservations, readObservations } from "./observations";
import { importIntoSeries } from "./series-import";
import { createSeries, getSeries, listSeries, removeSeries, updateSeries, writeObservations } from "./series";
import { listenerCount, seriesChanges } from "./live";

const base = { unit: "index points", frequency: "daily" as const, source: "upload" as const, sourceRef: "", notes: "", refreshIntervalMinutes: null };

describe("observations with vintages", () => {
  it("opens rows for new dates, closes and reopens for revised values, and leaves equal values alone", async () => {
    const team = await makeTeam("vint");
    const { id } = await createSeries(team.editor, { ...base, notebookId: team.notebookId, key: "RUT", name: "Russell 2000" });
    expect(await applyObservations(id, [{ date: "2026-01-02", value: 100 }, { date: "2026-01-05", value: 101 }], 1_000)).toEqual({ inserted: 2, revised: 0, unchanged: 0 });
    expect(await applyObservations(id, [{ date: "2026-01-02", value: 100 }, { date: "2026-01-05", value: 101 }], 2_000)).toEqual({ inserted: 0, revised: 0, unchanged: 2 });
    expect(await applyObservations(id, [{ date: "2026-01-05", value: 102.5 }, { date: "2026-01-06", value: 103 }], 3_000)).toEqual({ inserted: 1, revised: 1, unchanged: 0 });

    expect(await readObservations(id)).toEqual([
      { date: "2026-01-02", value: 100 },
      { date: "2026-01-05", value: 102.5 },
      { date: "2026-01-06", value: 103 },
    ]);
    // As known between the first import and the revision: the old value, and no 6 January yet.
    expect(await readObservations(id, { asOf: new Date(2_500) })).toEqual([
      { date: "2026-01-02", value: 100 },
      { date: "2026-01-05", value: 101 },
    ]);
    expect(await readObservations(id, { asOf: new Date(500) })).toEqual([]);
    expect(await readObservations(id, { from: "2026-01-03", to: "2026-01-05" })).toEqual([{ date: "2026-01-05", value: 102.5 }]);
    const rows = await getDb()
      .select({ date: observations.date, value: observations.value, known_from: observations.knownFrom, known_until: observations.knownUntil })
      .from(observations)
      .where(eq(observations.seriesId, id))
      .orderBy(observations.id);
    expect(rows).toEqual([
      { date: "2026-01-02", value: 100, known_from: 1000, known_until: null },
      { date: "2026-01-05", value: 101, known_from: 1000, known_until: 3000 },
      { date: "2026-01-05", value: 102.5, known_from: 3000, known_until: null },
      { date: "2026-01-06", value: 103, known_from: 3000, known_until: null },
    ]);
  });

  it("moves the data version only when something changed, and announces it", async () => {
    const team = await makeTeam("ver");
    const { id } = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "SPX", name: "S&P 500" });
    const controller = new AbortController();
    const heard: Array<{ key: string; dataVersion: number }> = [];
    const listening = (async () => {
      for await (const change of seriesChanges(controller.signal)) heard.push({ key: change.key, dataVersion: change.dataVersion });
    })().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(listenerCount()).toBeGreaterThan(0);
    expect(await liveBusReady()).toBe(true);
    const row = { id, notebookId: team.notebookId, key: "SPX" };
    expect((await writeObservations(row, [{ date: "2026-01-02", value: 5000 }], team.owner.id, "test")).dataVersion).toBe(1);
    expect((await writeObservations(row, [{ date: "2026-01-02", value: 5000 }], team.owner.id, "test")).dataVersion).toBe(1);
    expect((await writeObservations(row, [{ date: "2026-01-02", value: 5001 }], team.owner.id, "test")).dataVersion).toBe(2);
    // On PostgreSQL the notice goes round through the database (NOTIFY), so it arrives a moment later.
    await vi.waitFor(() => expect(heard.length).toBeGreaterThanOrEqual(2), { timeout: 2_000 });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await listening;
    expect(heard).toEqual([
      { key: "SPX", dataVersion: 1 },
      { key: "SPX", dataVersion: 2 },
    ]);
  });
});

describe("importIntoSeries", () => {
  it("imports a generic CSV, counts missing values, and a second import of the same file changes nothing", async () => {
    const team = await makeTeam("imp");
    const { id } = await createSeries(team.editor, { ...base, notebookId: team.notebookId, key: "DGS10", name: "10-year Treasury" });
    const text = "observation_date,DGS10\n2026-01-02,4.19\n2026-01-05,.\n2026-01-06,4.17\n";
    expect(await importIntoSeries(team.editor, { seriesId: id, text })).toMatchObject({ inserted: 2, revised: 0, unchanged: 0, rows: 2, skippedMissing: 1 });
    const before = await dbSnapshot();
    expect(await importIntoSeries(team.editor, { seriesId: id, text })).toMatchObject({ inserted: 0, revised: 0, unchanged: 2 });
    expect(await dbSnapshot()).toEqual(before);
    expect(await getSeries(team.viewer, { id })).toMatchObject({ rowCount: 2, lastDate: "2026-01-06", lastValue: 4.17, firstDate: "2026-01-02" });
  });

  it("rejects a file with bad rows as a whole, naming each row, and writes nothing", async () => {
    const team = await makeTeam("bad");
    const { id } = await createSeries(team.editor, { ...base, notebookId: team.notebookId, key: "X", name: "X" });
    const before = await dbSnapshot();
    const error = await trpcError(() =>
      importIntoSeries(team.editor, { seriesId: id, text: "date,value\n2026-01-02,1\n2026-02-30,2\n2026-01-05,abc\n2026-01-06,3\n2026-01-06,4\n", mapping: { dateColumn: "date", valueColumn: "value" } }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^3 rows have problems; nothing was imported/);
    const details = (error.cause as unknown as { details: { rowErrors: Array<{ row: number; message: string }> } }).details;
    expect(details.rowErrors.map((e) => e.row)).toEqual([3, 4, 6]);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("refuses an HTML page or an empty file with a message, not a crash", async () => {
    const team = await makeTeam("html");
    const { id } = await createSeries(team.editor, { ...base, notebookId: team.notebookId, key: "Y", name: "Y" });
    expect((await trpcError(() => importIntoSeries(team.editor, { seriesId: id, text: "<!doctype html><html><body>Limit reached</body></html>" }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(() => importIntoSeries(team.editor, { seriesId: id, text: "date,value\n2026-01-02,.\n", mapping: { dateColumn: "date", valueColumn: "value" } }))).message).toMatch(/no values/);
  });
});

describe("series access", () => {
  it("lets viewers read but not write, and strangers neither (NOT_FOUND, as for a missing id)", async () => {
    const team = await makeTeam("acc");
    const { id } = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "IWM", name: "Russell 2000 ETF" });
    expect((await listSeries(team.viewer)).map((s) => s.key)).toEqual(["IWM"]);
    expect((await listSeries(team.viewer))[0]!.canEdit).toBe(false);
    expect(await listSeries(team.stranger)).toEqual([]);
    const before = await dbSnapshot();
    expect((await trpcError(() => createSeries(team.viewer, { ...base, notebookId: team.notebookId, key: "NEW", name: "New" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => importIntoSeries(team.viewer, { seriesId: id, text: "date,v\n2026-01-02,1\n", mapping: { dateColumn: "date", valueColumn: "v" } }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => updateSeries(team.viewer, { id, name: "Hijack", unit: "", frequency: "daily", notes: "" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => removeSeries(team.viewer, id))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => getSeries(team.stranger, { id }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => importIntoSeries(team.stranger, { seriesId: id, text: "date,v\n2026-01-02,1\n" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => removeSeries(team.stranger, id))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => listSeries(team.stranger, { notebookId: team.notebookId }))).code).toBe("NOT_FOUND");
    expect(await dbSnapshot()).toEqual(before);
  });

  it("keeps keys unique within a notebook", async () => {
    const team = await makeTeam("dup");
    await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "SPX", name: "S&P 500" });
    const error = await trpcError(() => createSeries(team.editor, { ...base, notebookId: team.notebookId, key: "SPX", name: "Again" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("SPX");
  });
});
