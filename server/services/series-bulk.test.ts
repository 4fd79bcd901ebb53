// Many-series imports: long and wide files create and add to series in one transaction; a bad file or a viewer changes nothing.
import { describe, expect, it } from "vitest";
import { makeTeam } from "@/test/procedures";
import { dbSnapshot } from "@/test/helpers";
import { fakeFetch, recorded } from "@/test/fake-fetch";
import { readObservations } from "./observations";
import { importManySeries } from "./series-bulk";
import { addSeriesFromSource } from "./series-connect";
import { createSeries, listSeries, seriesByKey, writeObservations } from "./series";

const base = { unit: "", frequency: "daily" as const, source: "upload" as const, sourceRef: "", notes: "", refreshIntervalMinutes: null };

describe("importManySeries", () => {
  it("creates a series per symbol of a long file and adds to an existing one, keeping the old value as a revision", async () => {
    const team = await makeTeam("bulklong");
    const { id: iwm } = await createSeries(team.editor, { ...base, notebookId: team.notebookId, key: "IWM", name: "iShares Russell 2000" });
    await writeObservations({ id: iwm, notebookId: team.notebookId, key: "IWM" }, [{ date: "2026-01-05", value: 249 }], team.editor.id, "upload");
    const text = "date,symbol,close\n2026-01-05,IWM,250.1\n2026-01-05,SPY,690.2\n2026-01-06,IWM,252.3\n2026-01-06,SPY,691\n2026-01-07,SPY,692\n";
    const result = await importManySeries(team.editor, { notebookId: team.notebookId, text });
    expect(result).toMatchObject({ layout: "long", created: 1, updated: 1, rows: 5 });
    expect(result.series.map((s) => [s.key, s.created, s.inserted, s.revised])).toEqual([
      ["IWM", false, 1, 1],
      ["SPY", true, 3, 0],
    ]);
    expect(await readObservations(iwm)).toEqual([
      { date: "2026-01-05", value: 250.1 },
      { date: "2026-01-06", value: 252.3 },
    ]);
    expect(await readObservations(iwm, { asOf: new Date(Date.now() - 60_000) })).toEqual([]);
    const spy = (await seriesByKey(team.notebookId, "SPY"))!;
    expect(spy).toMatchObject({ name: "SPY", source: "upload", frequency: "daily" });
  });

  it("creates a series per column of a wide file", async () => {
    const team = await makeTeam("bulkwide");
    const r = await importManySeries(team.owner, { notebookId: team.notebookId, text: "date,IWM,SPY,QQQ\n2026-01-05,250,690,610\n2026-01-06,251,691,\n" });
    expect(r.series.map((s) => [s.key, s.rows])).toEqual([
      ["IWM", 2],
      ["SPY", 2],
      ["QQQ", 1],
    ]);
    expect((await listSeries(team.owner, { notebookId: team.notebookId })).map((s) => s.key)).toEqual(["IWM", "QQQ", "SPY"]);
  });

  it("imports nothing from a file with one bad row or one bad key, and names the problems", async () => {
    const team = await makeTeam("bulkbad");
    const before = await dbSnapshot();
    const bad = async (text: string) => {
      try {
        await importManySeries(team.editor, { notebookId: team.notebookId, text });
      } catch (err) {
        return err as { kind: string; message: string; details: { problems: Array<{ key: string | null; row: number | null; message: string }> } };
      }
      throw new Error("expected a refusal");
    };
    const rowErr = await bad("date,symbol,close\n2026-01-05,IWM,250\n2026-01-05,SPY,690\n2026-01-06,SPY,n/a?\n");
    expect(rowErr.kind).toBe("BAD_REQUEST");
    expect(rowErr.message).toMatch(/1 problem in the file; nothing was imported/);
    expect(rowErr.details.problems).toEqual([{ key: "SPY", row: 4, message: "“n/a?” is not a number" }]);
    const keyErr = await bad("date,symbol,close\n2026-01-05,IWM,250\n2026-01-05,S&P 500,690\n");
    expect(keyErr.details.problems[0]).toMatchObject({ key: "S&P-500", message: expect.stringMatching(/is not a series key/) });
    expect(await dbSnapshot()).toEqual(before);
  });

  it("lets no viewer or stranger import", async () => {
    const team = await makeTeam("bulkacl");
    const text = "date,IWM\n2026-01-05,250\n";
    await expect(importManySeries(team.viewer, { notebookId: team.notebookId, text })).rejects.toThrow(expect.objectContaining({ kind: "FORBIDDEN" }));
    await expect(importManySeries(team.stranger, { notebookId: team.notebookId, text })).rejects.toThrow(expect.objectContaining({ kind: "NOT_FOUND" }));
  });
});

describe("addSeriesFromSource", () => {
  it("fetches a Yahoo symbol and creates its series with the data as the first refresh", async () => {
    const team = await makeTeam("addyahoo");
    const fetch = fakeFetch({ body: recorded("yahoo-rut.json") });
    const r = await addSeriesFromSource(team.editor, { notebookId: team.notebookId, source: "yahoo", ref: "^RUT" }, { fetch });
    expect(r).toMatchObject({ ok: true, key: "RUT", rows: 17, firstDate: "2025-12-22", lastDate: "2026-01-16" });
    const row = (await seriesByKey(team.notebookId, "RUT"))!;
    expect(row).toMatchObject({ name: "^RUT (Yahoo)", source: "yahoo", sourceRef: "^RUT", frequency: "daily", refreshIntervalMinutes: 1440, lastError: null });
    expect(row.lastRefreshAt).not.toBeNull();
    expect(await readObservations(row.id)).toHaveLength(17);
  });

  it("fetches a FRED series from its graph CSV", async () => {
    const team = await makeTeam("addfred");
    const fetch = fakeFetch({ body: recorded("fred-graph-dgs10.csv"), contentType: "text/csv" });
    const r = await addSeriesFromSource(team.owner, { notebookId: team.notebookId, source: "fred", ref: "DGS10" }, { fetch });
    expect(r).toMatchObject({ ok: true, key: "DGS10" });
    expect(await seriesByKey(team.notebookId, "DGS10")).toMatchObject({ source: "fred", sourceRef: "DGS10", name: "DGS10 (FRED)" });
  });

  it("creates nothing when the source fails, and says why", async () => {
    const team = await makeTeam("addfail");
    const before = await dbSnapshot();
    const fetch = fakeFetch({ status: 404, body: recorded("yahoo-404.json") });
    const r = await addSeriesFromSource(team.editor, { notebookId: team.notebookId, source: "yahoo", ref: "NOPE" }, { fetch });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Yahoo NOPE: /);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("refuses a key the notebook already has before fetching", async () => {
    const team = await makeTeam("addtaken");
    await createSeries(team.editor, { ...base, notebookId: team.notebookId, key: "RUT", name: "Russell 2000" });
    const fetch = fakeFetch({ body: recorded("yahoo-rut.json") });
    await expect(addSeriesFromSource(team.editor, { notebookId: team.notebookId, source: "yahoo", ref: "^RUT" }, { fetch })).rejects.toMatchObject({ kind: "CONFLICT" });
    expect(fetch.urls).toHaveLength(0);
    await expect(addSeriesFromSource(team.viewer, { notebookId: team.notebookId, source: "yahoo", ref: "^RUT", key: "RUT2" }, { fetch })).rejects.toMatchObject({ kind: "FORBIDDEN" });
  });
});
