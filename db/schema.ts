// The tables services query, for the store this process runs on: typed once (as PostgreSQL's, the stricter API), the
// SQLite tables behind them when Quire runs on SQLite. db/schema-drift.test.ts keeps the two schemas the same.
import { getTableColumns } from "drizzle-orm";
import { dialect } from "./dialect.mjs";
import * as pg from "./schema-pg";
import * as pgDerived from "./schema-pg-derived";
import * as pgTeam from "./schema-pg-team";
import * as sqlite from "./schema-sqlite";
import * as sqliteDerived from "./schema-sqlite-derived";
import * as sqliteTeam from "./schema-sqlite-team";

export { LINK_TARGETS, REVISION_KINDS, ROLES, SHARE_MODES, SHARE_TARGETS, type Role } from "./schema-sqlite";
export { COMMENT_TARGETS, MENTION_SOURCES, type CommentAnchor, type CommentTarget } from "./schema-sqlite-team";

const tables = dialect() === "postgres" ? { ...pg, ...pgTeam, ...pgDerived } : ({ ...sqlite, ...sqliteTeam, ...sqliteDerived } as unknown as typeof pg & typeof pgTeam & typeof pgDerived);

export const users = tables.users;
export const notebooks = tables.notebooks;
export const memberships = tables.memberships;
export const notebookChanges = tables.notebookChanges;
export const notes = tables.notes;
export const events = tables.events;
export const noteRevisions = tables.noteRevisions;
export const noteTags = tables.noteTags;
export const noteLinks = tables.noteLinks;
export const series = tables.series;
export const observations = tables.observations;
export const charts = tables.charts;
export const apiTokens = tables.apiTokens;
export const questions = tables.questions;
export const questionTags = tables.questionTags;
export const forecasts = tables.forecasts;
export const shareLinks = tables.shareLinks;
export const sessions = tables.sessions;
export const rateLimits = tables.rateLimits;
export const serverSettings = tables.serverSettings;
export const noteFigures = tables.noteFigures;
export const inboxDismissals = tables.inboxDismissals;
export const comments = tables.comments;
export const mentions = tables.mentions;

/**
 * The columns of notes that services read: all but PostgreSQL's search vectors (`search`, `title_search`), which
 * select().from(notes) would read too, a kilobyte and more per note. Select notes with select(noteColumns).
 */
export const noteColumns = (() => {
  const { search: _search, titleSearch: _titleSearch, ...columns } = getTableColumns(tables.notes);
  return columns;
})();
