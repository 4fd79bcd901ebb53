// What the note search store does on either database: rank the live notes a user may read against a parsed query.
export type NoteSearch = {
  /** The query as lib/notes/search-query's toFtsQuery made it (quoted terms, `*` prefixes, AND / OR / NOT). */
  ftsQuery: string;
  userId: string;
  notebookId?: string;
  tag?: string;
  limit: number;
};

export type NoteMatch = { id: string; notebookId: string; notebookName: string; title: string; body: string; updatedAt: Date };

export type SearchStore = {
  /** The best matches, best first: a title match weighs above a body match; only notes in the user's notebooks, not in the trash. */
  searchNotes(query: NoteSearch): Promise<NoteMatch[]>;
};
