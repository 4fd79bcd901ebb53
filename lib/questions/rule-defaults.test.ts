// Rule dates default from resolve-by and follow it until the user types their own.
import { describe, expect, it } from "vitest";
import { withRuleDefaults } from "./rule-defaults";

const draft = (resolveBy: string, rule: { from: string; to: string; date: string }) => ({ resolveBy, rule });

describe("withRuleDefaults", () => {
  it("fills empty dates: the end from resolve-by, a return's start from 1 January of that year", () => {
    expect(withRuleDefaults(draft("2026-12-31", { from: "", to: "", date: "" }), "").rule).toEqual({ from: "2026-01-01", to: "2026-12-31", date: "2026-12-31" });
  });
  it("moves dates that still follow the old resolve-by, and keeps typed ones", () => {
    const moved = withRuleDefaults(draft("2027-06-30", { from: "2026-01-01", to: "2026-12-31", date: "2026-11-15" }), "2026-12-31");
    expect(moved.rule).toEqual({ from: "2027-01-01", to: "2027-06-30", date: "2026-11-15" });
  });
  it("leaves everything alone while resolve-by is not a whole date", () => {
    const d = draft("2026-1", { from: "", to: "", date: "" });
    expect(withRuleDefaults(d, "")).toBe(d);
  });
});
