// Search over what a user may read: notes by full text (the store ranks them; highlighted snippets, filters), and
// questions, charts and series by title, key or name (search-catalogue.ts), grouped by kind.
import { toFtsQuery } from "@/lib/notes/search-query";
import { plainTextOf } from "@/lib/notes/plain-text";
import { markMatches, snippetOf, termsOf } from "@/lib/notes/snippet";
import { searchStore } from "@/db/client";
import { assertNotebookAccess, type Actor } from "./access";
import { searchCatalogue, type CatalogueResult } from "./search-catalogue";

export type SearchHit = {
  id: string;
  notebookId: string;
  notebookName: string;
  title: string;
  titleMarked: string;
  snippetMarked: string;
  updatedAt: Date;
};

export type SearchResult = { hits: SearchHit[]; ftsQuery: string | null; tookMs: number };

/**
 * The best matches for `q` among the live notes in the actor's notebooks (one notebook and one tag
 * when given), best first. Anything typed is made into a safe query, so there is no syntax error.
 */
export async function searchNotes(actor: Actor, input: { q: string; notebookId?: string; tag?: string; limit?: number }): Promise<SearchResult> {
  const started = performance.now();
  if (input.notebookId) await assertNotebookAccess(actor, input.notebookId, "read");
  const ftsQuery = toFtsQuery(input.q);
  if (!ftsQuery) return { hits: [], ftsQuery, tookMs: 0 };
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 50);
  const rows = await searchStore().searchNotes({ ftsQuery, userId: actor.id, notebookId: input.notebookId, tag: input.tag, limit });
  const terms = termsOf(ftsQuery);
  const hits = rows.map(({ body, ...r }) => ({ ...r, titleMarked: markMatches(r.title, terms), snippetMarked: snippetOf(plainTextOf(body), terms) }));
  return { ftsQuery, hits, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}

/**
 * One search for everything the actor may read: the notes ranked by full text, and the questions, charts and series
 * whose titles, keys or names hold every word, each kind in its own group. A tag filter applies to notes only, so with
 * one the other groups are empty.
 */
export async function searchEverything(actor: Actor, input: { q: string; notebookId?: string; tag?: string; limit?: number }): Promise<SearchResult & CatalogueResult> {
  const notes = await searchNotes(actor, input);
  const others = input.tag ? { questions: [], charts: [], series: [] } : (await searchCatalogue(actor, { q: input.q, notebookId: input.notebookId, limit: Math.min(input.limit ?? 10, 10) }));
  return { ...notes, ...others };
}
