// Rule dates that follow a question's resolve-by date while the user has not typed their own.

/** The dated part of a rule as a form holds it (text; empty when not typed). */
type RuleDates = { from: string; to: string; date: string };

/**
 * The draft with its rule dates filled from resolve-by: the end date ("to", or the value's date) is
 * the resolve-by date, and a return starts on 1 January of that year. A date the user typed is kept;
 * one still equal to the previous resolve-by (`previousResolveBy`) follows the new one.
 */
export function withRuleDefaults<D extends { resolveBy: string; rule: RuleDates }>(d: D, previousResolveBy: string): D {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.resolveBy)) return d;
  const follows = (v: string) => v === "" || v === previousResolveBy;
  const yearStart = (iso: string) => `${iso.slice(0, 4)}-01-01`;
  const r = d.rule;
  return {
    ...d,
    rule: {
      ...r,
      to: follows(r.to) ? d.resolveBy : r.to,
      date: follows(r.date) ? d.resolveBy : r.date,
      from: r.from === "" || (previousResolveBy !== "" && r.from === yearStart(previousResolveBy)) ? yearStart(d.resolveBy) : r.from,
    },
  };
}

