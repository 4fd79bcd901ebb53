// Malformed input to every procedure that takes input is refused with BAD_REQUEST and a human message, changing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { allProcedures, callerFor, callPath, dbSnapshot, formatted, rowCounts, takesInput, trpcError } from "@/test/helpers";
import { makeFixture, validInputs, type Fixture } from "@/test/procedures";
import { EMPTY_OK_FIELDS, OPTIONAL_FIELDS, WELL_TYPED_FIELDS } from "@/test/procedure-fields";

const HUGE = "x".repeat(10_000);
const WHOLE_INPUTS: unknown[] = [undefined, null, [], ["a", "b"], "text", 42, true, {}];
const FIELD_VALUES: unknown[] = [12345, null, ["x"], { nested: true }, true, HUGE, ""];

let fixture: Fixture;
beforeAll(async () => {
  fixture = await makeFixture("bad");
});

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** The malformed variants of one valid input: wrong whole inputs, then each field replaced or left out. */
function malformedVariants(path: string, valid: Record<string, unknown>): unknown[] {
  const optional = OPTIONAL_FIELDS[path] ?? [];
  const allOptional = Object.keys(valid).every((key) => optional.includes(key));
  const variants: unknown[] = WHOLE_INPUTS.filter((v) => !(allOptional && (v === undefined || isEmptyObject(v))));
  for (const key of Object.keys(valid)) {
    const typed = WELL_TYPED_FIELDS[path]?.[key];
    for (const value of [...FIELD_VALUES, ...(typed?.bad ?? [])]) {
      if (value === "" && EMPTY_OK_FIELDS[path]?.includes(key)) continue;
      if (typed?.accepts(value) && !typed.bad.includes(value)) continue;
      variants.push({ ...valid, [key]: value });
    }
    if (!optional.includes(key)) {
      const { [key]: _left, ...rest } = valid;
      variants.push(rest);
    }
  }
  return variants;
}

describe("input validation", () => {
  it("has a valid sample for every procedure that takes input", () => {
    const withInput = allProcedures()
      .filter(([, p]) => takesInput(p))
      .map(([path]) => path);
    expect(withInput.length).toBeGreaterThan(5);
    expect(Object.keys(validInputs(fixture)).sort()).toEqual(withInput.sort());
  });

  it("answers BAD_REQUEST with a readable message to every malformed input, and the database is unchanged", async () => {
    const owner = callerFor(fixture.owner);
    const inputs = validInputs(fixture);
    const counts = await rowCounts();
    const failures: string[] = [];
    let checked = 0;
    for (const [path, procedure] of allProcedures()) {
      if (!takesInput(procedure)) continue;
      const valid = inputs[path]!;
      // One snapshot around each procedure's malformed inputs (not each input): a change still names the procedure.
      const before = await dbSnapshot();
      for (const input of malformedVariants(path, valid)) {
        const label = `${path} with ${JSON.stringify(input)?.slice(0, 80)}`;
        const error = await trpcError(() => callPath(owner, path, input)).catch((e: Error) => e);
        if (!("code" in error) || error.code !== "BAD_REQUEST") {
          failures.push(`${label}: ${"code" in error ? error.code : error.message}`);
          continue;
        }
        const shape = formatted(error, path, input);
        const message = shape.message;
        if (!message || message.startsWith("[") || message.startsWith("{") || message.length > 300) {
          failures.push(`${label}: unreadable message ${JSON.stringify(message)}`);
        }
        if (shape.data.code !== "BAD_REQUEST") failures.push(`${label}: shape code ${shape.data.code}`);
        checked += 1;
      }
      if (JSON.stringify(await dbSnapshot()) !== JSON.stringify(before)) failures.push(`${path}: a malformed input changed the database`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    expect(await rowCounts()).toEqual(counts);
  });

  it("names the field and gives the form's message", async () => {
    const owner = callerFor(fixture.owner);
    const input = { name: "   ", description: "" };
    const error = await trpcError(() => owner.notebooks.create(input));
    const shape = formatted(error, "notebooks.create", input);
    expect(shape.message).toBe("name: Give the notebook a name.");
    expect(shape.data.fieldErrors).toEqual({ name: ["Give the notebook a name."] });
    expect(shape.data.requestId).toBe("test");
  });

  it("explains an oversized field in words", async () => {
    const owner = callerFor(fixture.owner);
    const input = { id: fixture.notebookId, name: HUGE };
    const shape = formatted(await trpcError(() => owner.notebooks.rename(input)), "notebooks.rename", input);
    expect(shape.message).toBe("name: Use at most 120 characters for the name.");
    expect(shape.data.fieldErrors?.name).toEqual(["Use at most 120 characters for the name."]);
  });

  it("does not format errors that are not about input as field errors", async () => {
    const owner = callerFor(fixture.owner);
    const input = { id: fixture.notebookId, confirmName: "not the name" };
    const shape = formatted(await trpcError(() => owner.notebooks.remove(input)), "notebooks.remove", input);
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.message).toContain(fixture.notebookName);
    expect(shape.data.fieldErrors).toBeNull();
  });

  it("the valid samples do pass validation (so the malformed ones fail for their fault)", async () => {
    const owner = callerFor(fixture.owner);
    const inputs = validInputs(fixture);
    const reads = [
      "notebooks.get",
      "notebooks.members.list",
      "notes.list",
      "notes.get",
      "notebooks.deletionImpact",
      "notes.trash",
      "notes.revisions.list",
      "notes.revisions.get",
      "notes.tags.list",
      "search.query",
      "series.list",
      "series.get",
      "charts.list",
      "charts.get",
      "charts.table",
      "charts.preview",
      "questions.list",
      "questions.get",
      "questions.calibration",
    ];
    for (const path of reads) {
      await expect(callPath(owner, path, inputs[path])).resolves.toBeTruthy();
    }
    await expect(callPath(owner, "series.list", inputs["series.list"])).resolves.toMatchObject([{ key: "RUT", rowCount: 3 }]);
    await expect(callPath(owner, "series.get", inputs["series.get"])).resolves.toMatchObject({ key: "RUT", observations: [{ date: "2026-01-02" }, { date: "2026-01-05" }, { date: "2026-01-30" }] });
    await expect(callPath(owner, "charts.get", inputs["charts.get"])).resolves.toMatchObject({ id: fixture.chartId, svg: expect.stringContaining("<svg") });
    await expect(callPath(owner, "charts.table", inputs["charts.table"])).resolves.toMatchObject({ title: "Russell 2000 in January", table: { rows: expect.arrayContaining([expect.anything()]) } });
    await expect(callPath(owner, "questions.list", inputs["questions.list"])).resolves.toMatchObject([{ id: fixture.questionId, kind: "binary", status: "open", myForecast: { probability: 0.4 } }]);
    await expect(callPath(owner, "questions.get", inputs["questions.get"])).resolves.toMatchObject({ id: fixture.questionId, forecasts: [{ probability: 0.4, noteId: fixture.noteId }] });
  });

  it("the valid question samples pass too, mutations included, in the order a question lives", async () => {
    const f = await makeFixture("goodq");
    const owner = callerFor(f.owner);
    const inputs = validInputs(f);
    const created = (await callPath(owner, "questions.create", inputs["questions.create"])) as { id: string };
    // Its rule waits for RUT's 2026-12-31 close, which the fixture does not have, so it stays open.
    await expect(owner.questions.get({ id: created.id })).resolves.toMatchObject({ kind: "numeric", status: "open", rangeMin: 1500, rangeMax: 2500, unit: "index points", tags: ["small-caps", "year-end"] });
    await expect(callPath(owner, "questions.update", inputs["questions.update"])).resolves.toEqual({ id: f.questionId, version: 2 });
    await expect(owner.questions.get({ id: f.questionId })).resolves.toMatchObject({ status: "open", rule: { type: "value-threshold" }, tags: ["rates", "small-caps"] });
    await expect(callPath(owner, "questions.forecast", inputs["questions.forecast"])).resolves.toMatchObject({ id: expect.any(Number) });
    await expect(callPath(owner, "questions.resolve", inputs["questions.resolve"])).resolves.toEqual({ id: f.questionId, status: "resolved" });
    await expect(callPath(owner, "questions.calibration", inputs["questions.calibration"])).resolves.toMatchObject({ binaryCount: 1 });
    await expect(callPath(owner, "questions.reopen", inputs["questions.reopen"])).resolves.toEqual({ id: f.questionId });
    await expect(owner.questions.get({ id: f.questionId })).resolves.toMatchObject({ status: "open", outcome: null });
  });

  it("refuses question inputs that break a rule across fields or against the question, with a readable message, changing nothing", async () => {
    const owner = callerFor(fixture.owner);
    const inputs = validInputs(fixture);
    const create = inputs["questions.create"]!;
    const update = inputs["questions.update"]!;
    const q = fixture.questionId;
    const cases: Array<[path: string, input: Record<string, unknown>, message: RegExp]> = [
      ["questions.create", { ...create, rangeMin: undefined }, /lowest plausible value/],
      ["questions.create", { ...create, rangeMin: undefined, rangeMax: undefined }, /plausible value/],
      ["questions.create", { ...create, rangeMin: 2000, rangeMax: 2000 }, /above the lowest/],
      ["questions.create", { ...create, kind: "binary", unit: "", rule: undefined }, /no plausible range/],
      ["questions.create", { ...create, kind: "binary", rangeMin: undefined, rangeMax: undefined, rule: undefined }, /no unit/],
      ["questions.create", { ...create, rule: { type: "return-threshold", a: "RUT", from: "2026-01-02", to: "2026-12-31", op: ">", threshold: 5 } }, /gives yes or no/],
      ["questions.create", { ...create, resolveBy: "2026-02-30" }, /resolveBy/],
      ["questions.create", { ...create, resolveBy: "2026-12-31", rule: { type: "value-on-date", a: "RUT", date: "2026-12-30" } }, /before the resolve-by date/],
      ["questions.update", { ...update, rule: { type: "value-on-date", a: "RUT", date: "2026-12-31" } }, /gives a number/],
      // Numeric and valid as a question, but the fixture's question is binary and keeps its kind.
      ["questions.update", { ...update, kind: "numeric", rangeMin: 0, rangeMax: 1, rule: undefined }, /kind cannot change/],
      ["questions.forecast", { questionId: q }, /Give a probability/],
      ["questions.forecast", { questionId: q, probability: 0.5, value: 2000, low: 1900, high: 2100 }, /not both/],
      ["questions.forecast", { questionId: q, value: 2000, low: 1900, high: 2100 }, /binary question: give a probability/],
      ["questions.forecast", { questionId: q, value: 2000 }, /value and the low and high ends/],
      ["questions.forecast", { questionId: q, value: 2000, low: 2100, high: 2200 }, /at or below your forecast/],
      ["questions.forecast", { questionId: q, probability: 1.5 }, /above 1/],
      ["questions.resolve", { id: q }, /Resolve with an outcome/],
      ["questions.resolve", { id: q, outcome: "yes", value: 1 }, /exactly one/],
      ["questions.resolve", { id: q, outcome: "no", annulled: true }, /exactly one/],
      ["questions.resolve", { id: q, annulled: false }, /annulled: true/],
      ["questions.resolve", { id: q, value: 2150 }, /binary question: resolve it with "yes" or "no"/],
      ["questions.reopen", { id: q }, /already open/],
    ];
    const before = await dbSnapshot();
    const wrong: string[] = [];
    for (const [path, input, expected] of cases) {
      const label = `${path} with ${JSON.stringify(input).slice(0, 120)}`;
      const error = await trpcError(() => callPath(owner, path, input)).catch((e: Error) => e);
      if (!("code" in error) || error.code !== "BAD_REQUEST") {
        wrong.push(`${label}: ${"code" in error ? error.code : error.message}`);
        continue;
      }
      const message = formatted(error, path, input).message;
      if (!expected.test(message) || message.length > 300) wrong.push(`${label}: message ${JSON.stringify(message)}`);
    }
    expect(wrong).toEqual([]);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("the valid subscription sample opens a stream (so its malformed ones fail for their fault)", async () => {
    const owner = callerFor(fixture.owner);
    const subscriptions = allProcedures().filter(([, p]) => p._def.type === "subscription");
    expect(subscriptions.map(([path]) => path)).toEqual(["series.changes"]);
    for (const [path] of subscriptions) {
      const stream = (await callPath(owner, path, validInputs(fixture)[path])) as AsyncIterable<unknown>;
      const iterator = stream[Symbol.asyncIterator]();
      expect(typeof iterator.next, path).toBe("function");
      await iterator.return?.();
    }
  });
});
