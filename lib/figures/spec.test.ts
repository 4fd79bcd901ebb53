// Reading a `:value{…}` figure's attributes into a FigureSpec, every refusal as a reason, and writing the spec back (key and directive).
import { describe, expect, it } from "vitest";
import { findFigures } from "./find";
import { figureDirective, figureKey, figureSpecOf, type FigureSpec } from "./spec";

/** The spec, or the test fails with the reason it was refused. */
function specOf(attributes: Record<string, string | null | undefined>): FigureSpec {
  const read = figureSpecOf(attributes);
  if (!read.ok) throw new Error(`refused: ${read.reason}`);
  return read.spec;
}

/** The reason, or the test fails because the attributes were accepted. */
function reasonOf(attributes: Record<string, string | null | undefined> | null | undefined): string {
  const read = figureSpecOf(attributes);
  if (read.ok) throw new Error(`accepted: ${JSON.stringify(read.spec)}`);
  return read.reason;
}

/** A directive's attributes read with a small pattern of this test's own: `name=value` or `name="value"`, space-separated. */
function attributesOfDirective(directive: string): Record<string, string> {
  const body = /^:value\{(.*)\}$/.exec(directive);
  if (!body) throw new Error(`not a :value directive: ${directive}`);
  const attributes: Record<string, string> = {};
  for (const m of body[1]!.matchAll(/([A-Za-z]+)=(?:"([^"]*)"|(\S+))/g)) attributes[m[1]!] = m[2] ?? m[3]!;
  return attributes;
}

describe("figureSpecOf: accepted attributes", () => {
  it("a series alone is its latest value (stat defaults to last)", () => {
    expect(figureSpecOf({ series: "SPX" })).toStrictEqual({ ok: true, spec: { series: "SPX", stat: "last" } });
    expect(figureSpecOf({ series: "SPX", stat: "" })).toStrictEqual({ ok: true, spec: { series: "SPX", stat: "last" } });
  });

  it("reads every attribute of a ratio: over, from, to, digits, sign and asOf", () => {
    const spec = specOf({ series: "MSFT", stat: "ratio", over: "IBM", from: "2000-01-01", to: "2009-12-31", digits: "2", sign: "", asOf: "2026-02-01T16:00:00Z" });
    expect(spec).toStrictEqual({
      series: "MSFT",
      stat: "ratio",
      over: "IBM",
      from: "2000-01-01",
      to: "2009-12-31",
      digits: 2,
      sign: true,
      asOf: Date.UTC(2026, 1, 1, 16, 0, 0, 0),
    });
  });

  it("reads stat=value with its date, a market holiday included (2001-09-11)", () => {
    expect(specOf({ series: "SPX", stat: "value", date: "2001-09-11" })).toStrictEqual({ series: "SPX", stat: "value", date: "2001-09-11" });
  });

  it("accepts each statistic with the attributes it needs", () => {
    expect(specOf({ series: "SPX", stat: "change", from: "2007-12-31", to: "2008-12-31" }).stat).toBe("change");
    expect(specOf({ series: "SPX", stat: "return", from: "2000-03-24" })).toStrictEqual({ series: "SPX", stat: "return", from: "2000-03-24" });
    expect(specOf({ series: "SPX", stat: "ytd", to: "2009-12-31" })).toStrictEqual({ series: "SPX", stat: "ytd", to: "2009-12-31" });
    expect(specOf({ series: "SPX", stat: "drawdown", from: "2000-01-01", to: "2002-12-31" }).stat).toBe("drawdown");
    expect(specOf({ series: "SPX", stat: "high" })).toStrictEqual({ series: "SPX", stat: "high" });
    expect(specOf({ series: "SPX", stat: "low", to: "2008-12-31" })).toStrictEqual({ series: "SPX", stat: "low", to: "2008-12-31" });
    expect(specOf({ series: "SPX", stat: "last", to: "2008-12-31" })).toStrictEqual({ series: "SPX", stat: "last", to: "2008-12-31" });
  });

  it("trims spaces around values, and accepts keys with . _ -", () => {
    expect(specOf({ series: " SPX ", stat: " return ", from: " 2008-01-02 " })).toStrictEqual({ series: "SPX", stat: "return", from: "2008-01-02" });
    for (const key of ["DGS10", "BRK.B", "US_10Y-2Y", "gspc"]) expect(specOf({ series: key }).series).toBe(key);
  });

  it("accepts 29 February in a leap year only", () => {
    expect(specOf({ series: "SPX", stat: "value", date: "2024-02-29" }).date).toBe("2024-02-29");
    expect(reasonOf({ series: "SPX", stat: "value", date: "2023-02-29" })).toBe("date=“2023-02-29” is not a date: write it as YYYY-MM-DD");
  });

  it("digits from 0 to 6", () => {
    expect(specOf({ series: "SPX", digits: "0" }).digits).toBe(0);
    expect(specOf({ series: "SPX", digits: "6" }).digits).toBe(6);
  });

  it("sign: empty, true or always writes a +; false or auto says never (a change in units has one by default)", () => {
    for (const sign of ["", "true", "always"]) expect(specOf({ series: "SPX", sign }).sign).toBe(true);
    for (const sign of ["false", "auto"]) expect(specOf({ series: "SPX", sign })).toStrictEqual({ series: "SPX", stat: "last", sign: false });
  });

  it("asOf as a date is the end of that day, UTC", () => {
    // 2026-02-01 23:59:59.999 UTC = 1769990399999 ms (1769904000 s is 2026-02-01T00:00:00Z, plus 86399.999 s)
    expect(specOf({ series: "SPX", asOf: "2026-02-01" }).asOf).toBe(1769990399999);
    expect(specOf({ series: "SPX", asof: "2026-02-01" }).asOf).toBe(1769990399999);
  });

  it("asOf as a date-time with Z or an offset", () => {
    expect(specOf({ series: "SPX", asOf: "2026-02-01T16:00:00Z" }).asOf).toBe(1769961600000); // 1769904000 + 16 h
    expect(specOf({ series: "SPX", asOf: "2026-02-01T16:00Z" }).asOf).toBe(1769961600000);
    expect(specOf({ series: "SPX", asOf: "2026-02-01T16:00:00.250Z" }).asOf).toBe(1769961600250);
    expect(specOf({ series: "SPX", asOf: "2026-02-01T16:00:00+02:00" }).asOf).toBe(1769954400000); // 14:00 UTC
  });

  it("ignores attributes given as null or undefined (a directive's bare names)", () => {
    expect(specOf({ series: "SPX", stat: "last", date: null, from: undefined, digits: null, sign: null, asOf: null })).toStrictEqual({ series: "SPX", stat: "last" });
  });
});

describe("figureSpecOf: refusals come back as reasons", () => {
  it("no series", () => {
    const reason = "series= is missing: name the series by its key, for example series=SPX";
    expect(reasonOf({ stat: "last" })).toBe(reason);
    expect(reasonOf({ series: "  " })).toBe(reason);
    expect(reasonOf(null)).toBe(reason);
    expect(reasonOf(undefined)).toBe(reason);
  });

  it("a series that is not a key", () => {
    expect(reasonOf({ series: "S P X" })).toBe("“S P X” is not a series key");
    expect(reasonOf({ series: "-SPX" })).toBe("“-SPX” is not a series key");
    expect(reasonOf({ series: "^GSPC" })).toBe("“^GSPC” is not a series key"); // series keys drop Yahoo's leading ^
    expect(reasonOf({ series: "A".repeat(65) })).toMatch(/is not a series key$/);
    expect(specOf({ series: "A".repeat(64) }).series).toHaveLength(64);
  });

  it("an unknown stat lists the known ones", () => {
    expect(reasonOf({ series: "SPX", stat: "mean" })).toBe("unknown stat “mean” (use last, value, change, return, ytd, ratio, drawdown, high, low)");
    expect(reasonOf({ series: "SPX", stat: "Return", from: "2008-01-02" })).toMatch(/^unknown stat “Return”/);
  });

  it("a date that does not exist or is not written YYYY-MM-DD", () => {
    expect(reasonOf({ series: "SPX", stat: "value", date: "2026-02-30" })).toBe("date=“2026-02-30” is not a date: write it as YYYY-MM-DD");
    expect(reasonOf({ series: "SPX", stat: "return", from: "2026-2-3" })).toBe("from=“2026-2-3” is not a date: write it as YYYY-MM-DD");
    expect(reasonOf({ series: "SPX", stat: "return", from: "2008-01-02", to: "01/02/2009" })).toBe("to=“01/02/2009” is not a date: write it as YYYY-MM-DD");
    expect(reasonOf({ series: "SPX", stat: "return", from: "2008-13-01" })).toMatch(/^from=“2008-13-01” is not a date/);
  });

  it("digits that are not a whole number from 0 to 6", () => {
    for (const digits of ["7", "-1", "1.5", "two", "", " "]) {
      expect(reasonOf({ series: "SPX", digits })).toBe(`digits=“${digits}” must be a whole number from 0 to 6`);
    }
  });

  it("an unknown attribute names itself and lists the known ones", () => {
    expect(reasonOf({ series: "SPX", colour: "red" })).toBe("unknown attribute “colour” (use series, stat, over, date, from, to, digits, sign, asOf)");
    expect(reasonOf({ series: "SPX", Stat: "last", unit: "%" })).toMatch(/^unknown attribute “Stat”, “unit” /);
  });

  it("a sign it cannot read", () => {
    expect(reasonOf({ series: "SPX", sign: "yes" })).toBe("sign=“yes”: write sign (a + before gains) or leave it out");
  });

  it("an asOf that is not a moment: no zone, an impossible day, words", () => {
    const reason = (text: string) => `asOf=“${text}” is not a moment: write a date (YYYY-MM-DD) or a date-time such as 2026-02-01T16:00:00Z`;
    for (const text of ["2026-02-01T16:00:00", "2026-02-30", "2026-02-30T10:00:00Z", "2026-02-01 16:00Z", "yesterday", ""]) {
      expect(reasonOf({ series: "SPX", asOf: text })).toBe(reason(text));
    }
  });

  it("stat=value without a date, and a date on another stat", () => {
    expect(reasonOf({ series: "SPX", stat: "value" })).toBe("stat=value needs date=YYYY-MM-DD");
    expect(reasonOf({ series: "SPX", stat: "return", date: "2008-12-31", from: "2008-01-02" })).toBe("date= belongs to stat=value; for stat=return use from= and to=");
    expect(reasonOf({ series: "SPX", date: "2008-12-31" })).toMatch(/^date= belongs to stat=value; for stat=last/);
  });

  it("change, return and ratio without from", () => {
    for (const stat of ["change", "return"]) expect(reasonOf({ series: "SPX", stat })).toBe(`stat=${stat} needs from=YYYY-MM-DD (the start of the period)`);
    expect(reasonOf({ series: "MSFT", stat: "ratio", over: "IBM" })).toBe("stat=ratio needs from=YYYY-MM-DD (the start of the period)");
  });

  it("ratio without over, and over on another stat", () => {
    expect(reasonOf({ series: "MSFT", stat: "ratio", from: "2000-01-01" })).toBe("stat=ratio needs over=KEY (the series to divide by)");
    expect(reasonOf({ series: "MSFT", stat: "return", from: "2000-01-01", over: "IBM" })).toBe("over= belongs to stat=ratio");
    expect(reasonOf({ series: "MSFT", stat: "ratio", from: "2000-01-01", over: "I B M" })).toBe("over=“I B M” is not a series key");
  });

  it("from on a stat that has no period start", () => {
    for (const stat of ["last", "ytd"]) expect(reasonOf({ series: "SPX", stat, from: "2008-01-02" })).toBe(`from= does not apply to stat=${stat}`);
  });

  it("from on or after to", () => {
    expect(reasonOf({ series: "SPX", stat: "return", from: "2009-01-02", to: "2008-12-31" })).toBe("from=2009-01-02 must come before to=2008-12-31");
    expect(reasonOf({ series: "SPX", stat: "drawdown", from: "2008-12-31", to: "2008-12-31" })).toBe("from=2008-12-31 must come before to=2008-12-31");
    expect(specOf({ series: "SPX", stat: "drawdown", from: "2008-12-30", to: "2008-12-31" }).to).toBe("2008-12-31");
  });
});

describe("figureKey", () => {
  it("is the same however the attributes were ordered or spelled", () => {
    const a = specOf({ series: "SPX", stat: "return", from: "2008-01-02", to: "2008-12-31", digits: "2", sign: "", asOf: "2026-02-01" });
    const b = specOf({ asof: "2026-02-01", sign: "true", digits: "2", to: "2008-12-31", from: "2008-01-02", stat: "return", series: "SPX" });
    expect(figureKey(a)).toBe("series=SPX stat=return from=2008-01-02 to=2008-12-31 digits=2 sign=true asOf=2026-02-01");
    expect(figureKey(b)).toBe(figureKey(a));
  });

  it("differs when the figure asked for differs", () => {
    const base = { series: "SPX", stat: "return", from: "2008-01-02" };
    const key = figureKey(specOf(base));
    expect(key).toBe("series=SPX stat=return from=2008-01-02");
    expect(figureKey(specOf({ ...base, digits: "2" }))).not.toBe(key);
    expect(figureKey(specOf({ ...base, to: "2008-12-31" }))).not.toBe(key);
    expect(figureKey(specOf({ ...base, asOf: "2026-02-01" }))).not.toBe(key);
    expect(figureKey(specOf({ ...base, series: "NDX" }))).not.toBe(key);
    // sign=false asks for something else than no sign (a change in units has a + by default)
    expect(figureKey(specOf({ ...base, sign: "false" }))).toBe(`${key} sign=false`);
  });

  it("writes asOf as a date at the end of a day, otherwise as a UTC date-time", () => {
    expect(figureKey(specOf({ series: "SPX", asOf: "2026-02-01" }))).toBe("series=SPX stat=last asOf=2026-02-01");
    expect(figureKey(specOf({ series: "SPX", asOf: "2026-02-01T23:59:59.999Z" }))).toBe("series=SPX stat=last asOf=2026-02-01");
    expect(figureKey(specOf({ series: "SPX", asOf: "2026-02-01T16:00:00+02:00" }))).toBe("series=SPX stat=last asOf=2026-02-01T14:00:00Z");
    expect(figureKey(specOf({ series: "SPX", asOf: "2026-02-01T16:00:00.250Z" }))).toBe("series=SPX stat=last asOf=2026-02-01T16:00:00.250Z");
  });
});

describe("figureDirective", () => {
  it("writes the attributes in a fixed order", () => {
    expect(figureDirective({ series: "SPX", stat: "ytd" })).toBe(":value{series=SPX stat=ytd}");
    expect(figureDirective({ series: "MSFT", stat: "ratio", over: "IBM", from: "2000-01-01", to: "2009-12-31", digits: 1, sign: true })).toBe(
      ":value{series=MSFT stat=ratio over=IBM from=2000-01-01 to=2009-12-31 digits=1 sign=true}",
    );
  });

  const specs: FigureSpec[] = [
    { series: "SPX", stat: "last" },
    { series: "SPX", stat: "value", date: "2001-09-11" },
    { series: "SPX", stat: "change", from: "2007-12-31", to: "2008-12-31", digits: 0 },
    { series: "SPX", stat: "return", from: "2000-03-24", to: "2002-10-09", sign: true },
    { series: "SPX", stat: "ytd", asOf: Date.UTC(2026, 1, 1, 23, 59, 59, 999) },
    { series: "MSFT", stat: "ratio", over: "IBM", from: "2000-01-01", to: "2009-12-31", digits: 2 },
    { series: "SPX", stat: "drawdown", from: "2007-01-01", to: "2009-12-31", asOf: Date.UTC(2026, 1, 1, 16, 0, 0, 500) },
    { series: "BRK.B", stat: "high", to: "2008-12-31" },
    { series: "US_10Y-2Y", stat: "low", from: "2020-01-02", sign: true },
  ];

  it("round-trips through figureSpecOf", () => {
    for (const spec of specs) expect(specOf(attributesOfDirective(figureDirective(spec)))).toStrictEqual(spec);
  });

  it("round-trips through the Markdown parser that finds figures in a note", () => {
    for (const spec of specs) {
      const found = findFigures(`The index: ${figureDirective(spec)}.`);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ ok: true, spec });
    }
  });
});
