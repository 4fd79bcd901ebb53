// Ten concurrent saves from one version of a note, a chart and a question: exactly one lands, the others get CONFLICT, on either store.
import { beforeAll, describe, expect, it } from "vitest";
import { questionInputSchema } from "@/lib/questions/spec";
import { createChart, getChart, updateChart } from "@/server/services/charts";
import { createNote, getNote, updateNote } from "@/server/services/notes";
import { createQuestion, getQuestion, updateQuestion } from "@/server/services/questions";
import { FIXTURE_CHART_SPEC, FIXTURE_QUESTION, makeTeam, type Team } from "@/test/procedures";

const WRITERS = 10;
let team: Team;

beforeAll(async () => {
  team = await makeTeam("race");
});

/** Runs the saves at once and sorts the outcomes: how many landed, and the kinds of the refusals. */
async function race(saves: Array<() => Promise<unknown>>): Promise<{ landed: number; refused: string[] }> {
  const outcomes = await Promise.allSettled(saves.map((save) => save()));
  return {
    landed: outcomes.filter((o) => o.status === "fulfilled").length,
    refused: outcomes.flatMap((o) => (o.status === "rejected" ? [(o.reason as { kind?: string }).kind ?? String(o.reason)] : [])),
  };
}

describe("concurrent saves from one version", () => {
  it("a note: one lands, the rest are CONFLICT, and the text is the one that landed", async () => {
    const { id } = await createNote(team.owner, { notebookId: team.notebookId, title: "Race", body: "start" });
    const bodies = Array.from({ length: WRITERS }, (_, i) => `writer ${i}`);
    const { landed, refused } = await race(bodies.map((body) => () => updateNote(team.editor, { id, baseVersion: 1, body })));
    expect([landed, refused]).toEqual([1, Array(WRITERS - 1).fill("CONFLICT")]);
    const note = await getNote(team.owner, id);
    expect(note.version).toBe(2);
    expect(bodies).toContain(note.body);
  });

  it("a chart: one lands, the rest are CONFLICT", async () => {
    const { id } = await createChart(team.owner, { notebookId: team.notebookId, spec: FIXTURE_CHART_SPEC });
    const titles = Array.from({ length: WRITERS }, (_, i) => `Chart by writer ${i}`);
    const { landed, refused } = await race(titles.map((title) => () => updateChart(team.editor, { id, baseVersion: 1, spec: { ...FIXTURE_CHART_SPEC, title } })));
    expect([landed, refused]).toEqual([1, Array(WRITERS - 1).fill("CONFLICT")]);
    const chart = await getChart(team.owner, { id });
    expect(chart.version).toBe(2);
    expect(titles).toContain(chart.spec.title);
  });

  it("a question: one lands, the rest are CONFLICT", async () => {
    const input = questionInputSchema.parse(FIXTURE_QUESTION);
    const { id } = await createQuestion(team.owner, { ...input, notebookId: team.notebookId });
    const titles = Array.from({ length: WRITERS }, (_, i) => `Question by writer ${i}?`);
    const { landed, refused } = await race(titles.map((title) => () => updateQuestion(team.editor, { ...input, title, id, baseVersion: 1 })));
    expect([landed, refused]).toEqual([1, Array(WRITERS - 1).fill("CONFLICT")]);
    const question = await getQuestion(team.owner, id);
    expect(question.version).toBe(2);
    expect(titles).toContain(question.title);
  });
});
