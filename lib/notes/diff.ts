// Line diff of two revisions of a note, for the history view (built on the `diff` package).
import { diffLines } from "diff";

export type DiffPart = { kind: "added" | "removed" | "same"; text: string };

/** The changes from `before` to `after`, line by line; unchanged runs longer than `context * 2` lines are folded. */
export function lineDiff(before: string, after: string, context = 3): Array<DiffPart | { kind: "folded"; lines: number }> {
  const parts: DiffPart[] = diffLines(before, after).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
  return parts.flatMap((part, i) => {
    if (part.kind !== "same") return [part];
    const lines = part.text.replace(/\n$/, "").split("\n");
    const keepHead = i === 0 ? 0 : context;
    const keepTail = i === parts.length - 1 ? 0 : context;
    if (lines.length <= keepHead + keepTail + 1) return [part];
    const out: Array<DiffPart | { kind: "folded"; lines: number }> = [];
    if (keepHead > 0) out.push({ kind: "same", text: `${lines.slice(0, keepHead).join("\n")}\n` });
    out.push({ kind: "folded", lines: lines.length - keepHead - keepTail });
    if (keepTail > 0) out.push({ kind: "same", text: `${lines.slice(-keepTail).join("\n")}\n` });
    return out;
  });
}

/** Counts of added and removed lines. */
export function diffStats(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const c of diffLines(before, after)) {
    if (c.added) added += c.count ?? 0;
    if (c.removed) removed += c.count ?? 0;
  }
  return { added, removed };
}
