// Drizzle schema for SQLite, part two: what gathers around notes and questions as a team works (figures as written, inbox dismissals, comments, mentions); db/schema-pg-team.ts mirrors it.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, notebooks, notes, users } from "./schema-sqlite";

/**
 * What each live figure in a note showed when its author wrote it (recorded when a save brings in a new figure), so a
 * later value can be told apart: the text shown, the value, the series data versions and the points it used.
 */
export const noteFigures = sqliteTable(
  "note_figures",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    figureKey: text("figure_key").notNull(),
    shown: text("shown").notNull(),
    value: real("value"),
    /** JSON: the points used ({ series, role, date, value }[]); empty when the figure could not be computed. */
    used: text("used").notNull().default("[]"),
    /** JSON: each series' data version when recorded ({ KEY: version }). */
    dataVersions: text("data_versions").notNull().default("{}"),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.figureKey] })],
);

/** An inbox item a user has dismissed; the item's key names what it was about, so a new change comes back. */
export const inboxDismissals = sqliteTable(
  "inbox_dismissals",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    dismissedAt: integer("dismissed_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemKey] })],
);

export const COMMENT_TARGETS = ["note", "question", "forecast"] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** The passage of a note a thread is on: the quoted text, a little context each side, and where it stood. */
export type CommentAnchor = { quote: string; prefix: string; suffix: string; start: number; end: number };

/**
 * A comment: the first of a thread (thread_id null) on a note's passage, a question or one forecast, or a reply in
 * that thread. Members read and write them (viewers included); share pages never show them.
 */
export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: COMMENT_TARGETS }).notNull(),
    /** The note's or question's id, or the forecast's id as text. */
    targetId: text("target_id").notNull(),
    threadId: text("thread_id").references((): AnySQLiteColumn => comments.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** A note thread's passage (on the thread's first comment); re-anchored when the note is saved. */
    anchor: text("anchor", { mode: "json" }).$type<CommentAnchor>(),
    /** The passage was deleted: the thread keeps the text it was on. */
    detached: integer("detached", { mode: "boolean" }).notNull().default(false),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_target_idx").on(t.targetType, t.targetId, t.createdAt),
    index("comments_thread_idx").on(t.threadId),
    index("comments_notebook_idx").on(t.notebookId, t.createdAt),
  ],
);

export const MENTION_SOURCES = ["comment", "note"] as const;

/** A member called in by `@` in a comment or a note: one inbox item for the mentioned member, linking to the place. */
export const mentions = sqliteTable(
  "mentions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    byUserId: text("by_user_id").references(() => users.id, { onDelete: "set null" }),
    sourceType: text("source_type", { enum: MENTION_SOURCES }).notNull(),
    /** The comment's or the note's id. */
    sourceId: text("source_id").notNull(),
    /** Where the mention is, in the app (a note, a question, with the comment's anchor). */
    href: text("href").notNull(),
    /** A line of the text around the mention, for the inbox. */
    excerpt: text("excerpt").notNull().default(""),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("mentions_source_user_unique").on(t.userId, t.sourceType, t.sourceId), index("mentions_user_idx").on(t.userId, t.at)],
);
