// When the PostgreSQL search walks the recent window: the lexemes' shares weighed against the page's size, and which filters let a walk skip the filter on title matches.
import { describe, expect, it } from "vitest";
import type { Filter, Lookups } from "./search-pg-query";
import { titleMatchesMatch, walkPays } from "./search-pg-walk";

const stats = (notes: number, shares: Record<string, number>) => ({ notes, share: new Map(Object.entries(shares)) });
const corpus = stats(100_000, { rotat: 0.092, inflat: 0.096, inflow: 0.01, copper: 0.007, "o'brien": 0.2 });

describe("walkPays", () => {
  it("walks for a common lexeme and not for a rare or unlisted one", () => {
    expect(walkPays("( 'rotat' | 'ro' | 'rot' )", 25, corpus)).toBe(true);
    expect(walkPays("'copper'", 25, corpus)).toBe(false);
    expect(walkPays("'zinc'", 25, corpus)).toBe(false);
  });

  it("adds up the lexemes of an OR, and every listed lexeme a prefix begins", () => {
    // 0.007 alone does not pay; with another 0.05 it does.
    expect(walkPays("'copper' | 'uranium'", 25, corpus)).toBe(false);
    expect(walkPays("'copper' | 'uranium'", 25, stats(100_000, { copper: 0.007, uranium: 0.05 }))).toBe(true);
    expect(walkPays("'infl':*", 25, corpus)).toBe(true);
    expect(walkPays("'inflo':*", 25, corpus)).toBe(false);
  });

  it("weighs the page against the table: over few notes the index is cheap, and a larger page needs more walked", () => {
    expect(walkPays("'rotat'", 25, stats(500, { rotat: 0.092 }))).toBe(false);
    expect(walkPays("'rotat'", 25, stats(20_000, { rotat: 0.092 }))).toBe(true);
    expect(walkPays("'rotat'", 400, stats(20_000, { rotat: 0.092 }))).toBe(false);
    expect(walkPays("'rotat'", 25, stats(0, {}))).toBe(false);
  });

  it("reads quoted operands as stored (a doubled quote, a backslash)", () => {
    expect(walkPays("'o''brien'", 25, corpus)).toBe(true);
    expect(walkPays("'back\\\\slash'", 25, stats(100_000, { "back\\slash": 0.3 }))).toBe(true);
  });
});

describe("titleMatchesMatch", () => {
  const word = (lexeme: string): Lookups => ({ kind: "lookups", english: [], literal: [`'${lexeme}'`] });
  const render = (lookups: Lookups) => lookups.literal.join(" | ");
  const either: Filter = { kind: "or", left: word("uranium"), right: word("lithium") };

  it("holds when each ranked word is one of the filter's", () => {
    expect(titleMatchesMatch(word("rotat"), ["'rotat'"], render)).toBe(true);
    expect(titleMatchesMatch(either, ["'uranium'", "'lithium'"], render)).toBe(true);
    expect(titleMatchesMatch(either, [], render)).toBe(true);
  });

  it("fails when a ranked word is not in the filter: its title match might not match", () => {
    expect(titleMatchesMatch(word("fed"), ["'fed'", "'tech'"], render)).toBe(false);
    expect(titleMatchesMatch(true, ["'fed'"], render)).toBe(false);
  });
});
