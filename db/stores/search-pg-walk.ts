// When the PostgreSQL search's first read walks the recent window instead of looking its matches up in the GIN index: the planner's statistics of the index's lexemes, weighed against the page's size.
import type pg from "pg";
import type { Filter, Lookups } from "./search-pg-query";

/** The share of notes holding each of the index's most common lexemes, as ANALYZE last counted them, and how many notes there were. */
export type LexemeStats = { notes: number; share: Map<string, number> };

/** How long a server keeps the statistics it read before reading them again (in the background). */
const STATS_FOR_MS = 60_000;
const STATS = new WeakMap<pg.Pool, { at: number; stats: Promise<LexemeStats> }>();

/**
 * The planner's statistics for notes.search (pg_stats: the most common lexemes and the share of notes holding each,
 * and pg_class.reltuples), read at most once a minute per pool: they only choose how a first read goes (walkPays),
 * never what it finds. Empty until ANALYZE (or autovacuum) has run on notes.
 */
export function lexemeStats(pool: pg.Pool): Promise<LexemeStats> {
  const kept = STATS.get(pool);
  if (kept && Date.now() - kept.at < STATS_FOR_MS) return kept.stats;
  const stats = pool
    .query<{ notes: number; elems: string[] | null; shares: number[] | null }>(
      `SELECT greatest(c.reltuples, 0)::float8 AS notes, s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS shares
       FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
       LEFT JOIN pg_stats s ON s.schemaname = ns.nspname AND s.tablename = c.relname AND s.attname = 'search'
       WHERE c.oid = 'notes'::regclass`,
    )
    .then(({ rows: [row] }) => ({ notes: row?.notes ?? 0, share: new Map((row?.elems ?? []).map((lexeme, i) => [lexeme, row!.shares![i] ?? 0])) }))
    .catch(() => ({ notes: 0, share: new Map<string, number>() }));
  STATS.set(pool, { at: Date.now(), stats });
  // A stale entry is answered at once; the new one serves the next search.
  return kept ? kept.stats : stats;
}

/** The operands of a rendered tsquery: each lexeme as stored, and whether it is a prefix. */
function operandsOf(tsquery: string): { lexeme: string; prefix: boolean }[] {
  return [...tsquery.matchAll(/'((?:[^'\\]|''|\\.)*)'(:\*)?/g)].map((m) => ({ lexeme: m[1]!.replace(/''/g, "'").replace(/\\(.)/g, "$1"), prefix: !!m[2] }));
}

/** The lookups an OR of lookups is made of. */
function lookupsOf(filter: Filter): Lookups[] {
  if (typeof filter === "boolean") return [];
  return filter.kind === "lookups" ? [filter] : [...lookupsOf(filter.left), ...lookupsOf(filter.right)];
}

/**
 * Whether every note whose title holds a ranked word (`rankParts`, each a word's lookups as rendered) matches the
 * filter (an OR of lookups, as a first read over the window has): when each ranked part is one of the filter's. A walk
 * reads the title matches through the title's index alone, without the filter.
 */
export function titleMatchesMatch(filter: Filter, rankParts: string[], render: (lookups: Lookups) => string | boolean): boolean {
  const filterParts = new Set(lookupsOf(filter).map(render));
  return rankParts.every((part) => filterParts.has(part));
}

/**
 * Rows walked for one found, against entries of the GIN index read for one match: reading and matching a note's
 * vector costs about five times what the index spends on a match (over 100,000 notes, about 5 µs against 1 µs).
 */
const WALKED_ROW_COST = 5;

/**
 * Whether walking the window costs less than the GIN index for a first read of `page` notes whose filter is the
 * tsquery `filter`: when a page's worth of matches, found at the filter's share of notes (the sum of its lexemes'
 * shares, an upper bound), needs fewer notes read than the index lists matches, by their costs. A lexeme rarer than
 * the statistics list counts as none, so a rare word, and any word before ANALYZE, goes through the index.
 */
export function walkPays(filter: string, page: number, stats: LexemeStats): boolean {
  let share = 0;
  for (const { lexeme, prefix } of operandsOf(filter)) {
    if (!prefix) share += stats.share.get(lexeme) ?? 0;
    else for (const [l, s] of stats.share) if (l.startsWith(lexeme)) share += s;
  }
  share = Math.min(1, share);
  return share > 0 && (page / share) * WALKED_ROW_COST < stats.notes * share;
}
