// Malformed input to every procedure that takes input is refused with BAD_REQUEST and a human message, changing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { allProcedures, callerFor, callPath, dbSnapshot, formatted, rowCounts, takesInput, trpcError } from "@/test/helpers";
import { EMPTY_OK_FIELDS, makeFixture, OPTIONAL_FIELDS, validInputs, WELL_TYPED_FIELDS, type Fixture } from "@/test/procedures";

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
    const counts = rowCounts();
    const failures: string[] = [];
    let checked = 0;
    for (const [path, procedure] of allProcedures()) {
      if (!takesInput(procedure)) continue;
      const valid = inputs[path]!;
      for (const input of malformedVariants(path, valid)) {
        const before = dbSnapshot();
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
        if (JSON.stringify(dbSnapshot()) !== JSON.stringify(before)) failures.push(`${label}: the database changed`);
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    expect(rowCounts()).toEqual(counts);
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
    ];
    for (const path of reads) {
      await expect(callPath(owner, path, inputs[path])).resolves.toBeTruthy();
    }
    await expect(callPath(owner, "series.list", inputs["series.list"])).resolves.toMatchObject([{ key: "RUT", rowCount: 3 }]);
    await expect(callPath(owner, "series.get", inputs["series.get"])).resolves.toMatchObject({ key: "RUT", observations: [{ date: "2026-01-02" }, { date: "2026-01-05" }, { date: "2026-01-30" }] });
    await expect(callPath(owner, "charts.get", inputs["charts.get"])).resolves.toMatchObject({ id: fixture.chartId, svg: expect.stringContaining("<svg") });
    await expect(callPath(owner, "charts.table", inputs["charts.table"])).resolves.toMatchObject({ title: "Russell 2000 in January", table: { rows: expect.arrayContaining([expect.anything()]) } });
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
