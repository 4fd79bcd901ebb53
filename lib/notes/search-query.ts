// Turns what a person types into a safe FTS5 query: words match as prefixes, "quoted phrases" exactly,
// AND / OR / NOT work between terms, and nothing typed can make an FTS syntax error.
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

type Token = { kind: "term"; text: string; phrase: boolean } | { kind: "op"; op: "AND" | "OR" | "NOT" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const text = match[1].replace(/[\u0000-\u001f]/g, " ").trim();
      if (text) tokens.push({ kind: "term", text, phrase: true });
      continue;
    }
    const word = match[2]!;
    if (word === "AND" || word === "OR" || word === "NOT") {
      tokens.push({ kind: "op", op: word });
      continue;
    }
    const cleaned = word.replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
    for (const part of cleaned.split(/\s+/).filter(Boolean)) tokens.push({ kind: "term", text: part, phrase: false });
  }
  return tokens;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression for a typed query, or null when nothing searchable was typed. */
export function toFtsQuery(input: string): string | null {
  const out: string[] = [];
  let pendingOp: "AND" | "OR" | "NOT" | null = null;
  for (const token of tokenize(input.slice(0, 500))) {
    if (token.kind === "op") {
      if (out.length > 0) pendingOp = token.op;
      continue;
    }
    const term = token.phrase || token.text.length < 2 ? quote(token.text) : `${quote(token.text)}*`;
    if (out.length > 0) out.push(pendingOp ?? "AND");
    out.push(term);
    pendingOp = null;
    if (out.length >= 63) break;
  }
  return out.length > 0 ? out.join(" ") : null;
}

export type HighlightPart = { text: string; highlighted: boolean };

/** Splits text marked with HIGHLIGHT_START/END into plain and highlighted parts (rendered as text, never HTML). */
export function splitHighlights(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start === -1) {
      parts.push({ text: rest, highlighted: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), highlighted: false });
    const end = rest.indexOf(HIGHLIGHT_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), highlighted: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}
