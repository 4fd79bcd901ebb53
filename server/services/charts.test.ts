// Charts: create, render (server SVG) now and as of a past moment, conflicts on stale edits, embeds listed, access for every call.
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "@/lib/charts/spec";
import { dbSnapshot, trpcError } from "@/test/helpers";
import { makeTeam } from "@/test/procedures";
import { createNote, trashNote } from "./notes";
import { applyObservations } from "./observations";
import { chartTable, createChart, getChart, listCharts, previewChart, removeChart, updateChart } from "./charts";
import { createSeries } from "./series";
import { createToken, listTokens, revokeToken, authenticateToken, hashToken } from "./api-tokens";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";

const seriesBase = { unit: "", frequency: "daily" as const, source: "upload" as const, sourceRef: "", notes: "", refreshIntervalMinutes: null };
const spec: ChartSpec = {
  title: "Small caps against large caps",
  description: "",
  kind: "rebased",
  series: ["RUT", "SPX"],
  range: { preset: "custom", from: "2026-01-01", to: "2026-01-31" },
  annotations: [{ date: "2026-01-15", label: "CPI" }],
};

async function chartTeam(label: string) {
  const team = await makeTeam(label);
  const rut = await createSeries(team.owner, { ...seriesBase, notebookId: team.notebookId, key: "RUT", name: "Russell 2000" });
  const spx = await createSeries(team.owner, { ...seriesBase, notebookId: team.notebookId, key: "SPX", name: "S&P 500" });
  await applyObservations(rut.id, [{ date: "2026-01-02", value: 2000 }, { date: "2026-01-30", value: 2140 }], 1_000);
  await applyObservations(spx.id, [{ date: "2026-01-02", value: 6000 }, { date: "2026-01-30", value: 6090 }], 1_000);
  return { ...team, rut, spx };
}

describe("charts", () => {
  it("renders a saved chart to SVG with its data, and as it was known before a revision", async () => {
    const team = await chartTeam("chart");
    const { id } = await createChart(team.editor, { notebookId: team.notebookId, spec });
    const now = await getChart(team.viewer, { id });
    expect(now.svg).toContain("<svg");
    expect(now.svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(now.svg).toContain("CPI");
    expect(now.data.lines.map((l) => l.key)).toEqual(["RUT", "SPX"]);
    expect(now.data.lines[0]!.points.at(-1)!.value).toBeCloseTo(107, 9);
    expect(now.data.lines[1]!.points.at(-1)!.value).toBeCloseTo(101.5, 9);
    await applyObservations(team.rut.id, [{ date: "2026-01-30", value: 2200 }], 5_000);
    expect((await getChart(team.viewer, { id })).data.lines[0]!.points.at(-1)!.value).toBeCloseTo(110, 9);
    expect((await getChart(team.viewer, { id, asOf: new Date(2_000) })).data.lines[0]!.points.at(-1)!.value).toBeCloseTo(107, 9);
    expect((await getChart(team.viewer, { id, asOf: new Date(500) })).data.missing).toEqual(["RUT", "SPX"]);
  });

  it("gives the table of the range the page views (view), or of the saved range without one", async () => {
    const team = await chartTeam("view");
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const dates = [daysAgo(1500), daysAgo(800), daysAgo(200), daysAgo(10)];
    await applyObservations(team.rut.id, dates.map((date, i) => ({ date, value: 100 + i })), 2_000);
    const { id } = await createChart(team.editor, { notebookId: team.notebookId, spec: { ...spec, kind: "line", series: ["RUT"], annotations: [], range: { preset: "max" } } });
    const datesOf = async (view?: "1y" | "5y") => (await chartTable(team.viewer, { id, view })).table.rows.map((r) => r[0]);
    expect(await datesOf()).toEqual(["2026-01-02", "2026-01-30", ...dates].sort());
    const lastYear = await datesOf("1y");
    expect(lastYear).toEqual(expect.arrayContaining([daysAgo(200), daysAgo(10)]));
    expect(lastYear).not.toContain(daysAgo(800));
    expect(lastYear.every((d) => String(d) >= daysAgo(367))).toBe(true);
    expect((await datesOf("5y")).filter((d) => String(d) < daysAgo(5 * 366))).toEqual([]);
    await expect(chartTable(team.stranger, { id, view: "1y" })).rejects.toMatchObject({ kind: "NOT_FOUND" });
  });

  it("lists the notes that embed a chart (not trashed ones), and counts them", async () => {
    const team = await chartTeam("emb");
    const { id } = await createChart(team.owner, { notebookId: team.notebookId, spec });
    const a = await createNote(team.editor, { notebookId: team.notebookId, title: "Uses it", body: `Text\n\n::chart{id=${id}}\n` });
    const b = await createNote(team.editor, { notebookId: team.notebookId, title: "Also uses it", body: `::chart{id=${id}}` });
    await trashNote(team.editor, b.id);
    expect((await getChart(team.viewer, { id })).embeddedIn).toEqual([{ id: a.id, title: "Uses it" }]);
    expect(await listCharts(team.viewer)).toMatchObject([{ id, embedCount: 1, kind: "rebased", series: ["RUT", "SPX"] }]);
  });

  it("refuses a stale edit with CONFLICT and keeps the newer spec", async () => {
    const team = await chartTeam("conf");
    const { id } = await createChart(team.owner, { notebookId: team.notebookId, spec });
    expect(await updateChart(team.editor, { id, spec: { ...spec, title: "First edit" }, baseVersion: 1 })).toEqual({ id, version: 2 });
    const error = await trpcError(() => updateChart(team.owner, { id, spec: { ...spec, title: "Stale edit" }, baseVersion: 1 }));
    expect(error.code).toBe("CONFLICT");
    expect((await getChart(team.owner, { id })).title).toBe("First edit");
  });

  it("checks access on every call: viewers read, strangers get NOT_FOUND, and nothing changes", async () => {
    const team = await chartTeam("cacc");
    const { id } = await createChart(team.owner, { notebookId: team.notebookId, spec });
    const before = await dbSnapshot();
    expect((await trpcError(() => createChart(team.viewer, { notebookId: team.notebookId, spec }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => updateChart(team.viewer, { id, spec }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => removeChart(team.viewer, id))).code).toBe("FORBIDDEN");
    for (const run of [
      () => getChart(team.stranger, { id }),
      () => previewChart(team.stranger, { notebookId: team.notebookId, spec }),
      () => listCharts(team.stranger, { notebookId: team.notebookId }),
      () => createChart(team.stranger, { notebookId: team.notebookId, spec }),
      () => updateChart(team.stranger, { id, spec }),
      () => removeChart(team.stranger, id),
    ]) {
      expect((await trpcError(run)).code).toBe("NOT_FOUND");
    }
    expect(await listCharts(team.stranger)).toEqual([]);
    expect(await dbSnapshot()).toEqual(before);
    expect((await previewChart(team.viewer, { notebookId: team.notebookId, spec })).svg).toContain("<svg");
  });

  it("draws a series a stranger's notebook has under the same key only from its own notebook", async () => {
    const mine = await chartTeam("own");
    const theirs = await chartTeam("other");
    await applyObservations(theirs.rut.id, [{ date: "2026-01-30", value: 9999 }], 2_000);
    const { id } = await createChart(mine.owner, { notebookId: mine.notebookId, spec });
    expect((await getChart(mine.owner, { id })).data.lines[0]!.points.at(-1)!.value).toBeCloseTo(107, 9);
  });
});

describe("API tokens", () => {
  it("shows the token once, stores only its hash, authenticates until revoked", async () => {
    const team = await makeTeam("tok");
    const created = await createToken(team.editor, { notebookId: team.notebookId, name: "nightly script" });
    expect(created.token).toMatch(/^quire_[A-Za-z0-9_-]{43}$/);
    const row = (await getDb().select().from(apiTokens))[0]!;
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await authenticateToken(created.token)).toEqual({ tokenId: created.id, userId: team.editor.id, notebookId: team.notebookId, email: team.editor.email, name: team.editor.name });
    expect(await authenticateToken(`${created.token}x`)).toBeNull();
    expect(await listTokens(team.editor)).toMatchObject([{ id: created.id, name: "nightly script", revokedAt: null }]);
    expect(await listTokens(team.owner)).toEqual([]);
    expect((await trpcError(() => revokeToken(team.owner, created.id))).code).toBe("NOT_FOUND");
    expect(await authenticateToken(created.token)).not.toBeNull();
    await revokeToken(team.editor, created.id);
    expect(await authenticateToken(created.token)).toBeNull();
    expect((await listTokens(team.editor))[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it("is only for notebooks the creator may write to", async () => {
    const team = await makeTeam("tokacc");
    expect((await trpcError(() => createToken(team.viewer, { notebookId: team.notebookId, name: "x" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => createToken(team.stranger, { notebookId: team.notebookId, name: "x" }))).code).toBe("NOT_FOUND");
  });
});
