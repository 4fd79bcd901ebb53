// Drizzle schema for PostgreSQL, part two: the tables of db/schema-sqlite-team.ts with the same names and TypeScript types.
import { boolean, doublePrecision, index, integer, jsonb, type AnyPgColumn, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, moment, notebooks, notes, users } from "./schema-pg";
import { COMMENT_TARGETS, MENTION_SOURCES, type CommentAnchor } from "./schema-sqlite-team";

export { COMMENT_TARGETS, MENTION_SOURCES, type CommentAnchor, type CommentTarget } from "./schema-sqlite-team";

/** What each live figure in a note showed when its author wrote it; see db/schema-sqlite-team.ts. */
export const noteFigures = pgTable(
  "note_figures",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    figureKey: text("figure_key").notNull(),
    shown: text("shown").notNull(),
    value: doublePrecision("value"),
    used: text("used").notNull().default("[]"),
    dataVersions: text("data_versions").notNull().default("{}"),
    recordedAt: moment("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.figureKey] })],
);

/** An inbox item a user has dismissed; see db/schema-sqlite-team.ts. */
export const inboxDismissals = pgTable(
  "inbox_dismissals",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    dismissedAt: moment("dismissed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemKey] })],
);

/** A comment or a reply; see db/schema-sqlite-team.ts. */
export const comments = pgTable(
  "comments",
  {
    id: text("id").primaryKey(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: COMMENT_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
    threadId: text("thread_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    anchor: jsonb("anchor").$type<CommentAnchor>(),
    detached: boolean("detached").notNull().default(false),
    resolvedAt: moment("resolved_at"),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    editedAt: moment("edited_at"),
    deletedAt: moment("deleted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_target_idx").on(t.targetType, t.targetId, t.createdAt),
    index("comments_thread_idx").on(t.threadId),
    index("comments_notebook_idx").on(t.notebookId, t.createdAt),
  ],
);

/** A member called in by `@`; see db/schema-sqlite-team.ts. */
export const mentions = pgTable(
  "mentions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    byUserId: text("by_user_id").references(() => users.id, { onDelete: "set null" }),
    sourceType: text("source_type", { enum: MENTION_SOURCES }).notNull(),
    sourceId: text("source_id").notNull(),
    href: text("href").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    at: moment("at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mentions_source_user_unique").on(t.userId, t.sourceType, t.sourceId), index("mentions_user_idx").on(t.userId, t.at)],
);
