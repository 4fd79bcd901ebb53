// A question on its data (questions.ruleChart) and questions overlaid on charts: drawn from the notebook's own series and questions only.
import { beforeAll, describe, expect, it } from "vitest";
import { questionInputSchema } from "@/lib/questions/spec";
import { trpcError } from "@/test/helpers";
import { FIXTURE_CHART_SPEC, makeFixture, type Fixture } from "@/test/procedures";
import { chartForSharedNote, createChart, getChart, previewChart, updateChart } from "./charts";
import { createNotebook } from "./notebooks";
import { questionRuleChart } from "./question-chart";
import { createQuestion } from "./questions";

let f: Fixture;
let ruleQuestionId: string;
let compareQuestionId: string;
let elsewhereQuestionId: string;

const question = (title: string, rule: unknown) =>
  questionInputSchema.parse({ title, criteria: "By the data rule.", resolveBy: "2026-12-31", kind: "binary", ...(rule ? { rule } : {}) });

beforeAll(async () => {
  f = await makeFixture("qchart");
  ({ id: ruleQuestionId } = await createQuestion(f.owner, { ...question("Will the Russell 2000 close above 2,100?", { type: "value-threshold", a: "RUT", date: "2026-12-31", op: ">", threshold: 2100 }), notebookId: f.notebookId }));
  ({ id: compareQuestionId } = await createQuestion(f.owner, {
    ...question("Small caps over large caps?", { type: "return-compare", a: "RUT", b: "SPX", from: "2026-01-02", to: "2026-12-31", op: ">" }),
    notebookId: f.notebookId,
  }));
  const { id: other } = await createNotebook(f.outsider, { name: "Elsewhere", description: "" });
  ({ id: elsewhereQuestionId } = await createQuestion(f.outsider, { ...question("A private question", null), notebookId: other }));
});

describe("questionRuleChart", () => {
  it("draws the watched series with the threshold and the dates", async () => {
    const { chart } = await questionRuleChart(f.member, { id: ruleQuestionId, width: 640 });
    expect(chart!.data.guides).toEqual([{ value: 2100, label: "Yes above 2,100.00" }]);
    expect(chart!.data.annotations).toContainEqual({ date: "2026-12-31", label: "Read on · Resolve by" });
    expect(chart!.data.lines.map((l) => l.key)).toEqual(["RUT"]);
    expect(chart!.svg).toContain("Yes above 2,100.00");
    expect(chart!.standing).toBe("Latest (2026-01-30): Russell 2000 2,140.00. Yes needs above 2,100.00 on 2026-12-31; if it ended there: Yes.");
  });

  it("says which series of a comparison has no data, and draws the other", async () => {
    const { chart } = await questionRuleChart(f.member, { id: compareQuestionId });
    expect(chart!.missing).toEqual([{ key: "SPX", known: false }]);
    expect(chart!.standing).toBeNull();
    expect(chart!.data.lines.map((l) => l.key)).toEqual(["RUT"]);
  });

  it("is null for a question resolved by hand, and NOT_FOUND for a stranger", async () => {
    expect(await questionRuleChart(f.owner, { id: f.questionId })).toEqual({ chart: null });
    expect((await trpcError(() => questionRuleChart(f.outsider, { id: ruleQuestionId }))).code).toBe("NOT_FOUND");
  });
});

describe("a chart overlaying questions", () => {
  it("draws each question's threshold and resolve-by date, labelled with its title, in the app and on share pages", async () => {
    const spec = { ...FIXTURE_CHART_SPEC, range: { preset: "custom" as const, from: "2026-01-01" }, questions: [ruleQuestionId] };
    const { id } = await createChart(f.owner, { notebookId: f.notebookId, spec });
    const chart = await getChart(f.member, { id });
    expect(chart.spec.questions).toEqual([ruleQuestionId]);
    expect(chart.data.guides).toEqual([{ value: 2100, label: "Will the Russell 2000 close above…: above 2,100.00" }]);
    expect(chart.data.annotations).toContainEqual({ date: "2026-12-31", label: "Will the Russell 2000 close above… · resolve by" });
    expect(chart.svg).toContain("resolve by");
    const shared = await chartForSharedNote(f.notebookId, id);
    expect(shared!.svg).toContain("Will the Russell 2000 close above…: above 2,100.00");
  });

  it("refuses a question of another notebook with BAD_REQUEST that names nothing of it", async () => {
    const spec = { ...FIXTURE_CHART_SPEC, questions: [elsewhereQuestionId] };
    for (const run of [
      () => previewChart(f.owner, { notebookId: f.notebookId, spec }),
      () => createChart(f.owner, { notebookId: f.notebookId, spec }),
      () => updateChart(f.owner, { id: f.chartId, spec }),
    ]) {
      const error = await trpcError(run);
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe("A chart can overlay only questions of its own notebook; one question given is not there. Pick questions of this notebook.");
      expect(error.message).not.toContain("private");
    }
  });
});
