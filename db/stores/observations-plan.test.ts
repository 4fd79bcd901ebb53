// planBatch: what a batch of observations changes, on the append-only path and the general one.
import { describe, expect, it } from "vitest";
import { planBatch } from "./observations";

const before = { dates: ["2026-01-02", "2026-01-05", "2026-01-06"], values: [10, 11, 12] };
const after = (plan: ReturnType<typeof planBatch>) => ({ dates: plan.after.dates, values: [...plan.after.values] });

describe("planBatch", () => {
  it("appends later dates without closing anything, and keeps the values in date order", () => {
    const plan = planBatch(before, [
      { date: "2026-01-07", value: 13 },
      { date: "2026-01-08", value: 14 },
    ]);
    expect(plan.closes).toEqual([]);
    expect(plan.inserts.map((r) => r.date)).toEqual(["2026-01-07", "2026-01-08"]);
    expect(plan.result).toEqual({ inserted: 2, revised: 0, unchanged: 0 });
    expect(after(plan)).toEqual({ dates: [...before.dates, "2026-01-07", "2026-01-08"], values: [10, 11, 12, 13, 14] });
  });

  it("fills a fresh series from a batch in order", () => {
    const plan = planBatch({ dates: [], values: [] }, [{ date: "2026-01-02", value: 1 }]);
    expect(plan.result).toEqual({ inserted: 1, revised: 0, unchanged: 0 });
    expect(after(plan)).toEqual({ dates: ["2026-01-02"], values: [1] });
  });

  it("closes a revised date, skips an unchanged one and sorts a date that lands between two", () => {
    const plan = planBatch(before, [
      { date: "2026-01-07", value: 13 },
      { date: "2026-01-05", value: 11.5 },
      { date: "2026-01-06", value: 12 },
      { date: "2026-01-03", value: 9 },
    ]);
    expect(plan.closes).toEqual(["2026-01-05"]);
    expect(plan.inserts.map((r) => `${r.date}=${r.value}`)).toEqual(["2026-01-07=13", "2026-01-05=11.5", "2026-01-03=9"]);
    expect(plan.result).toEqual({ inserted: 2, revised: 1, unchanged: 1 });
    expect(after(plan)).toEqual({ dates: ["2026-01-02", "2026-01-03", "2026-01-05", "2026-01-06", "2026-01-07"], values: [10, 9, 11.5, 12, 13] });
  });

  it("treats a batch out of order as not an append, even when every date is new", () => {
    const plan = planBatch(before, [
      { date: "2026-01-09", value: 2 },
      { date: "2026-01-08", value: 1 },
    ]);
    expect(plan.result).toEqual({ inserted: 2, revised: 0, unchanged: 0 });
    expect(after(plan).dates).toEqual([...before.dates, "2026-01-08", "2026-01-09"]);
  });

  it("changes nothing for a batch equal to what is there", () => {
    const plan = planBatch(before, [{ date: "2026-01-06", value: 12 }]);
    expect(plan.inserts).toEqual([]);
    expect(plan.result).toEqual({ inserted: 0, revised: 0, unchanged: 1 });
  });
});
