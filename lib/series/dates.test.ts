// parseDateText: every accepted way of writing a date, impossible dates refused, and Unix times in an exchange's offset.
import { format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOfUnixSeconds, parseDateText } from "./dates";

describe("parseDateText", () => {
  it.each([
    ["2000-01-03", "2000-01-03"],
    ["2000/01/03", "2000-01-03"],
    ["2000-1-3", "2000-01-03"],
    ["20000103", "2000-01-03"],
    ["Jan 1 2000", "2000-01-01"],
    ["January 1, 2000", "2000-01-01"],
    ["Sept 30, 2024", "2024-09-30"],
    ["1 Jan 2000", "2000-01-01"],
    ["1-Jan-2000", "2000-01-01"],
    ["01/03/2000", "2000-01-03"],
    ["1/3/2000", "2000-01-03"],
    ["946857600", "2000-01-03"],
    ["2000-01-03T00:00:00Z", "2000-01-03"],
    ["2000-01-03T23:30:00-05:00", "2000-01-03"],
    ["2000-01-03 16:00:00", "2000-01-03"],
    ["  2000-01-03 ", "2000-01-03"],
    ["2000-02-29", "2000-02-29"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it.each(["2000-02-30", "1900-02-29", "2000-13-01", "2000-00-10", "13/13/2000", "Foo 1 2000", "", "abc", "1.5", "12345", "30/01/2000", "0099-01-01"])(
    "refuses %j",
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );

  it("agrees with date-fns on every day from 1800 to 2200, in each written form", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }), (d) => {
        const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
        const iso = format(local, "yyyy-MM-dd");
        for (const pattern of ["yyyy-MM-dd", "yyyy/MM/dd", "MMM d yyyy", "MMMM d, yyyy", "d MMM yyyy", "MM/dd/yyyy"]) {
          expect(parseDateText(format(local, pattern))).toBe(iso);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("dateOfUnixSeconds", () => {
  it("puts a bar stamped at the New York open on its New York date", () => {
    // 2026-01-02 14:30 UTC is 09:30 in New York
    expect(dateOfUnixSeconds(1767364200, -18000)).toBe("2026-01-02");
  });

  it("puts a Tokyo bar stamped at 00:00 UTC+9 on the Tokyo date, not the UTC one", () => {
    // 2026-01-05 00:00 in Tokyo is 2026-01-04 15:00 UTC
    expect(dateOfUnixSeconds(Date.UTC(2026, 0, 4, 15) / 1000, 32400)).toBe("2026-01-05");
    expect(dateOfUnixSeconds(Date.UTC(2026, 0, 4, 15) / 1000)).toBe("2026-01-04");
  });
});
