// Finds questions, charts and series by their titles, keys and names, among the notebooks a user may read.
import { and, desc, eq, inArray, or, sql, type Column, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { charts, notebooks, questions, series } from "@/db/schema";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/notes/search-query";
import { readableNotebookIds, type Actor } from "./access";

/** One question, chart or series that matched: its title (marked where the words matched) and a line about it. */
export type CatalogueHit = { id: string; notebookId: string; notebookName: string; title: string; titleMarked: string; detail: string };

export type CatalogueResult = { questions: CatalogueHit[]; charts: CatalogueHit[]; series: CatalogueHit[] };

const WORD = /[\p{L}\p{N}_.$%&-]+/gu;
const OPERATORS = new Set(["OR", "NOT", "AND"]);
const MAX_WORDS = 6;

/** The words of a typed query that every match must hold (quotes and search operators dropped), lowercased. */
export function catalogueWords(q: string): string[] {
  const words = (q.match(WORD) ?? []).filter((w) => !OPERATORS.has(w) && /[\p{L}\p{N}]/u.test(w)).map((w) => w.toLowerCase());
  return [...new Set(words)].slice(0, MAX_WORDS);
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every word appears in one of the columns (case-insensitive substring). */
function allWordsIn(columns: Column[], words: string[]): SQL {
  return and(...words.map((w) => or(...columns.map((c) => sql`lower(${c}) LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`))))!;
}

/** `text` with each case-insensitive occurrence of a word wrapped in the highlight marks. */
export function markWords(text: string, words: string[]): string {
  if (words.length === 0) return text;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|"), "giu");
  return text.replace(pattern, (m) => `${HIGHLIGHT_START}${m}${HIGHLIGHT_END}`);
}

/**
 * The questions (by title), charts (by title) and series (by key or name) that hold every word of `q`, in the
 * notebooks the actor may read (one notebook when given), most recently changed first, at most `limit` of each. The
 * readable-notebook set drives each read through its table's notebook index; the words then filter those rows.
 */
export async function searchCatalogue(actor: Actor, input: { q: string; notebookId?: string; limit?: number }): Promise<CatalogueResult> {
  const words = catalogueWords(input.q);
  if (words.length === 0) return { questions: [], charts: [], series: [] };
  const limit = Math.min(Math.max(input.limit ?? 10, 1), 50);
  const db = getDb();
  const inScope = (column: Column) => and(inArray(column, readableNotebookIds(actor)), input.notebookId ? eq(column, input.notebookId) : undefined);

  const questionRows = await db
    .select({ id: questions.id, notebookId: questions.notebookId, notebookName: notebooks.name, title: questions.title, status: questions.status, resolveBy: questions.resolveBy })
    .from(questions)
    .innerJoin(notebooks, eq(notebooks.id, questions.notebookId))
    .where(and(inScope(questions.notebookId), allWordsIn([questions.title], words)))
    .orderBy(desc(questions.updatedAt))
    .limit(limit);
  const chartRows = await db
    .select({ id: charts.id, notebookId: charts.notebookId, notebookName: notebooks.name, title: charts.title, updatedAt: charts.updatedAt })
    .from(charts)
    .innerJoin(notebooks, eq(notebooks.id, charts.notebookId))
    .where(and(inScope(charts.notebookId), allWordsIn([charts.title], words)))
    .orderBy(desc(charts.updatedAt))
    .limit(limit);
  const seriesRows = await db
    .select({ id: series.id, notebookId: series.notebookId, notebookName: notebooks.name, key: series.key, name: series.name, unit: series.unit, frequency: series.frequency })
    .from(series)
    .innerJoin(notebooks, eq(notebooks.id, series.notebookId))
    .where(and(inScope(series.notebookId), allWordsIn([series.key, series.name], words)))
    .orderBy(desc(series.updatedAt))
    .limit(limit);

  return {
    questions: questionRows.map((r) => ({
      id: r.id,
      notebookId: r.notebookId,
      notebookName: r.notebookName,
      title: r.title,
      titleMarked: markWords(r.title, words),
      detail: r.status === "open" ? `Open · resolves by ${r.resolveBy}` : r.status === "resolved" ? "Resolved" : r.status[0]!.toUpperCase() + r.status.slice(1),
    })),
    charts: chartRows.map((r) => ({ id: r.id, notebookId: r.notebookId, notebookName: r.notebookName, title: r.title, titleMarked: markWords(r.title, words), detail: "Chart" })),
    series: seriesRows.map((r) => {
      const title = `${r.key} · ${r.name}`;
      return { id: r.id, notebookId: r.notebookId, notebookName: r.notebookName, title, titleMarked: markWords(title, words), detail: [r.frequency, r.unit].filter(Boolean).join(", ") };
    }),
  };
}
