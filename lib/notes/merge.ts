// Line merge of two edits of a note: three-way from their common base when known, else two-way; overlaps are kept as marked conflicts.
import { diffArrays } from "diff";

export const MARKER_MINE = "<<<<<<< your version";
export const MARKER_SPLIT = "=======";
export const MARKER_THEIRS = ">>>>>>> their version";

export type MergeResult = { text: string; conflicts: number };

/** A replacement of base lines [start, end) by `lines`. */
type Hunk = { start: number; end: number; lines: string[] };

function splitLines(text: string): string[] {
  return text.split("\n");
}

function hunksOf(base: string[], other: string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let at = 0;
  let open: Hunk | null = null;
  for (const change of diffArrays(base, other)) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      if (open) hunks.push(open);
      open = null;
      at += count;
      continue;
    }
    open ??= { start: at, end: at, lines: [] };
    if (change.removed) {
      open.end += count;
      at += count;
    } else {
      open.lines.push(...change.value);
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

function applyWithin(base: string[], start: number, end: number, hunks: Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const h of hunks) {
    out.push(...base.slice(at, h.start), ...h.lines);
    at = h.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

function conflictBlock(mine: string[], theirs: string[]): string[] {
  return [MARKER_MINE, ...mine, MARKER_SPLIT, ...theirs, MARKER_THEIRS];
}

function threeWay(base: string[], mine: string[], theirs: string[]): { lines: string[]; conflicts: number } {
  const tagged = [...hunksOf(base, mine).map((h) => ({ ...h, side: "mine" as const })), ...hunksOf(base, theirs).map((h) => ({ ...h, side: "theirs" as const }))].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const out: string[] = [];
  let conflicts = 0;
  let at = 0;
  let i = 0;
  while (i < tagged.length) {
    const group = [tagged[i]!];
    let start = tagged[i]!.start;
    let end = tagged[i]!.end;
    i += 1;
    while (i < tagged.length && tagged[i]!.start <= end) {
      group.push(tagged[i]!);
      end = Math.max(end, tagged[i]!.end);
      start = Math.min(start, tagged[i]!.start);
      i += 1;
    }
    out.push(...base.slice(at, start));
    const mineHunks = group.filter((h) => h.side === "mine");
    const theirHunks = group.filter((h) => h.side === "theirs");
    const mineText = applyWithin(base, start, end, mineHunks);
    const theirText = applyWithin(base, start, end, theirHunks);
    if (theirHunks.length === 0 || sameLines(mineText, theirText)) out.push(...mineText);
    else if (mineHunks.length === 0) out.push(...theirText);
    else {
      conflicts += 1;
      out.push(...conflictBlock(mineText, theirText));
    }
    at = end;
  }
  out.push(...base.slice(at));
  return { lines: out, conflicts };
}

function twoWay(mine: string[], theirs: string[]): { lines: string[]; conflicts: number } {
  const out: string[] = [];
  let conflicts = 0;
  let pendingMine: string[] = [];
  let pendingTheirs: string[] = [];
  const settle = () => {
    if (pendingMine.length === 0 && pendingTheirs.length === 0) return;
    if (pendingMine.length === 0) out.push(...pendingTheirs);
    else if (pendingTheirs.length === 0) out.push(...pendingMine);
    else {
      conflicts += 1;
      out.push(...conflictBlock(pendingMine, pendingTheirs));
    }
    pendingMine = [];
    pendingTheirs = [];
  };
  for (const change of diffArrays(theirs, mine)) {
    if (change.added) pendingMine.push(...change.value);
    else if (change.removed) pendingTheirs.push(...change.value);
    else {
      settle();
      out.push(...change.value);
    }
  }
  settle();
  return { lines: out, conflicts };
}

/**
 * Merges my text and theirs. With the base both started from, changes on one side only are taken and
 * overlapping changes become a conflict block; without it, lines present on one side only are kept,
 * and runs that differ on both sides become conflict blocks.
 */
export function mergeText({ base, mine, theirs }: { base?: string | null; mine: string; theirs: string }): MergeResult {
  if (mine === theirs) return { text: mine, conflicts: 0 };
  const merged = typeof base === "string" ? threeWay(splitLines(base), splitLines(mine), splitLines(theirs)) : twoWay(splitLines(mine), splitLines(theirs));
  return { text: merged.lines.join("\n"), conflicts: merged.conflicts };
}

/** How many conflict blocks are still marked in a text. */
export function countConflictMarkers(text: string): number {
  return text.split("\n").filter((line) => line === MARKER_MINE).length;
}

/** The title to keep when merging: mine if I changed it, else theirs. */
export function mergeTitle({ base, mine, theirs }: { base?: string | null; mine: string; theirs: string }): string {
  return typeof base === "string" && mine === base ? theirs : mine;
}
