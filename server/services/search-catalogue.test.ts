// searchCatalogue and searchEverything: questions, charts and series found by title, key or name, only where the searcher may read.
import { beforeAll, describe, expect, it } from "vitest";
import { questionInputSchema } from "@/lib/questions/spec";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from "@/lib/notes/search-query";
import { trpcError } from "@/test/helpers";
import { FIXTURE_CHART_SPEC, FIXTURE_QUESTION, makeTeam, type Team } from "@/test/procedures";
import { createChart } from "./charts";
import { createNote } from "./notes";
import { createQuestion } from "./questions";
import { searchEverything } from "./search";
import { catalogueWords, searchCatalogue } from "./search-catalogue";
import { createSeries } from "./series";

let team: Team;
let other: Team;
const ids: Record<string, string> = {};
const SERIES = { unit: "pts", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null } as const;

beforeAll(async () => {
  team = await makeTeam("catalogue");
  other = await makeTeam("catalogue-other");
  ids.question = (await createQuestion(team.owner, { ...questionInputSchema.parse({ ...FIXTURE_QUESTION, title: "Will the equal-weight S&P 500 beat the index?" }), notebookId: team.notebookId })).id;
  ids.chart = (await createChart(team.owner, { notebookId: team.notebookId, spec: { ...FIXTURE_CHART_SPEC, title: "Equal weight against cap weight, 2026" } })).id;
  ids.series = (await createSeries(team.owner, { ...SERIES, notebookId: team.notebookId, key: "RSP", name: "Equal-weight S&P 500" })).id;
  ids.percent = (await createSeries(team.owner, { ...SERIES, notebookId: team.notebookId, key: "PCT", name: "Share up 5% or more" })).id;
  ids.note = (await createNote(team.owner, { notebookId: team.notebookId, title: "Equal weight notes", body: "Breadth is widening." })).id;
  ids.foreignChart = (await createChart(other.owner, { notebookId: other.notebookId, spec: { ...FIXTURE_CHART_SPEC, title: "Equal weight, another desk" } })).id;
  ids.foreignSeries = (await createSeries(other.owner, { ...SERIES, notebookId: other.notebookId, key: "RSPX", name: "Equal weight, private" })).id;
});

const idsOf = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

describe("searchCatalogue", () => {
  it("finds questions, charts and series holding every word, case-insensitively; series by key or by name", async () => {
    const found = await searchCatalogue(team.viewer, { q: "EQUAL weight" });
    expect(idsOf(found.questions)).toEqual([ids.question]);
    expect(idsOf(found.charts)).toEqual([ids.chart]);
    expect(idsOf(found.series)).toEqual([ids.series]);
    expect(idsOf((await searchCatalogue(team.viewer, { q: "rsp" })).series)).toEqual([ids.series]);
    expect(await searchCatalogue(team.viewer, { q: "equal nowhere" })).toEqual({ questions: [], charts: [], series: [] });
  });

  it("never shows what the searcher may not read, and keeps to one notebook when asked", async () => {
    expect(idsOf((await searchCatalogue(team.stranger, { q: "equal" })).charts)).toEqual([]);
    expect(idsOf((await searchCatalogue(other.viewer, { q: "equal" })).charts)).toEqual([ids.foreignChart]);
    expect(idsOf((await searchCatalogue(team.owner, { q: "equal", notebookId: other.notebookId })).series)).toEqual([]);
  });

  it("reads % and _ as themselves, drops search operators, and marks the matched words", async () => {
    expect(idsOf((await searchCatalogue(team.owner, { q: "%" })).series)).toEqual([]);
    expect(idsOf((await searchCatalogue(team.owner, { q: "5%" })).series)).toEqual([ids.percent]);
    expect(catalogueWords('"equal" OR weight NOT')).toEqual(["equal", "weight"]);
    expect((await searchCatalogue(team.owner, { q: "rsp" })).series[0]!.titleMarked).toBe(`${S}RSP${E} · Equal-weight S&P 500`);
  });
});

describe("searchEverything", () => {
  it("groups notes, questions, charts and series; a tag filter keeps to notes; a foreign notebook is NOT_FOUND", async () => {
    const all = await searchEverything(team.owner, { q: "equal weight" });
    expect(idsOf(all.hits)).toEqual([ids.note]);
    expect([all.questions.length, all.charts.length, all.series.length]).toEqual([1, 1, 1]);
    const tagged = await searchEverything(team.owner, { q: "equal", tag: "macro" });
    expect([tagged.questions.length, tagged.charts.length, tagged.series.length]).toEqual([0, 0, 0]);
    expect((await trpcError(() => searchEverything(team.owner, { q: "equal", notebookId: other.notebookId }))).code).toBe("NOT_FOUND");
  });
});
