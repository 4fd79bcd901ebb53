// Connector settings and refreshes: the notebook's own FRED key (owners only, never echoed), refreshes through recorded responses.
import { describe, expect, it } from "vitest";
import { fakeFetch, recorded } from "@/test/fake-fetch";
import { dbSnapshot, trpcError } from "@/test/helpers";
import { eventsAbout, makeTeam } from "@/test/procedures";
import { connectorSettings, setFredApiKey } from "./connector-settings";
import { refreshDue, refreshSeries } from "./series-refresh";
import { createSeries, getSeries } from "./series";

const KEY = "abcdef0123456789abcdef0123456789";
const fred = { unit: "%", frequency: "daily" as const, source: "fred" as const, sourceRef: "DGS10", notes: "", refreshIntervalMinutes: 60 };

describe("connector settings and refreshes", () => {
  it("uses the notebook's own FRED key, which only owners set and nobody reads back", async () => {
    const team = await makeTeam("fred");
    expect(await connectorSettings(team.viewer, team.notebookId)).toEqual({ fredApiKey: process.env.FRED_API_KEY ? "environment" : "none" });
    const before = await dbSnapshot();
    expect((await trpcError(() => setFredApiKey(team.editor, { notebookId: team.notebookId, apiKey: KEY }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => setFredApiKey(team.stranger, { notebookId: team.notebookId, apiKey: KEY }))).code).toBe("NOT_FOUND");
    expect(await dbSnapshot()).toEqual(before);
    expect(await setFredApiKey(team.owner, { notebookId: team.notebookId, apiKey: KEY })).toEqual({ fredApiKey: "notebook" });
    expect(JSON.stringify(await eventsAbout(team.notebookId))).not.toContain(KEY);

    const { id } = await createSeries(team.editor, { ...fred, notebookId: team.notebookId, key: "DGS10", name: "10-year Treasury" });
    const fetch = fakeFetch({ body: recorded("fred-api-dgs10.json") });
    const outcome = await refreshSeries(team.editor, id, { fetch });
    expect(outcome).toMatchObject({ ok: true });
    expect(fetch.urls[0]!.searchParams.get("api_key")).toBe(KEY);
    expect(fetch.urls[0]!.searchParams.get("series_id")).toBe("DGS10");
    const series = await getSeries(team.viewer, { id });
    expect(series.rowCount).toBeGreaterThan(0);
    expect(series.lastError).toBeNull();
    expect(JSON.stringify(series)).not.toContain(KEY);
  });

  it("records a failed refresh for the data page and backs off; a viewer cannot refresh", async () => {
    const team = await makeTeam("fredfail");
    await setFredApiKey(team.owner, { notebookId: team.notebookId, apiKey: KEY });
    const { id } = await createSeries(team.owner, { ...fred, notebookId: team.notebookId, key: "NOPE", name: "Missing", sourceRef: "NOSUCHSERIES" });
    expect((await trpcError(() => refreshSeries(team.viewer, id))).code).toBe("FORBIDDEN");
    const failing = fakeFetch({ status: 400, body: recorded("fred-api-400.json") });
    const ran = await refreshDue(new Date(Date.now() + 1000), { fetch: failing });
    expect(ran).toBeGreaterThanOrEqual(1);
    const after = await getSeries(team.owner, { id });
    expect(after.lastError).toMatch(/series does not exist/i);
    expect(after.lastError).not.toContain(KEY);
    expect(after.nextRefreshAt!.getTime()).toBeGreaterThan(Date.now());
    expect(after.rowCount).toBe(0);
  });
});
