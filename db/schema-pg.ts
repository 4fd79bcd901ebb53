// Drizzle schema for PostgreSQL: the tables of db/schema.ts with the same names and TypeScript types, plus the notes' full-text vector.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { QUESTION_KINDS, QUESTION_STATUSES } from "@/lib/questions/spec";
import { SERIES_FREQUENCIES, SERIES_SOURCES } from "@/lib/validation/series";
import { LINK_TARGETS, REVISION_KINDS, ROLES, SHARE_MODES, SHARE_TARGETS } from "./schema-sqlite";

export { LINK_TARGETS, REVISION_KINDS, ROLES, SHARE_MODES, SHARE_TARGETS, type Role } from "./schema-sqlite";

/** A moment kept to the millisecond, as SQLite's `integer(..., { mode: "timestamp_ms" })` is: a Date in TypeScript. */
export const moment = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });

export const createdAt = () => moment("created_at").notNull().defaultNow();

/** PostgreSQL's tsvector, read as its text form (only search SQL uses it; nothing writes it). */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => "tsvector" });


export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const notebooks = pgTable("notebooks", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  /** The notebook's own FRED API key for its FRED series (else FRED_API_KEY from the environment); never sent to browsers. */
  fredApiKey: text("fred_api_key"),
  /** Moved on by triggers whenever anything a share page shows changes (migration 0002_content_version_triggers): the share page cache's key. */
  contentVersion: integer("content_version").notNull().default(0),
  /** Days after which a member's forecast on an open question is old enough for a reminder in their inbox. */
  reminderDays: integer("reminder_days").notNull().default(30),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: moment("updated_at").notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    /** The member shows as "a member" to others on the notebook's leaderboard. */
    leaderboardHidden: boolean("leaderboard_hidden").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.notebookId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const notes = pgTable(
  "notes",
  {
    id: text("id").primaryKey(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
    deletedAt: moment("deleted_at"),
    /** The note's tags, space-separated (SQLite's FTS5 index reads them; here they stay in step for copies between the stores), kept by triggers on note_tags (migration 0001_note_tags_text). */
    tagsText: text("tags_text").notNull().default(""),
    /**
     * PostgreSQL only (the drift test leaves it out; services read notes through noteColumns): the full-text vector
     * that replaces SQLite's notes_fts, title 'A' and body 'B'; tags are not in it (the tag filter reads note_tags).
     * Search looks words up unweighted (db/stores/search-pg-query.ts), so the GIN index needs no recheck (migration 0006).
     */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("body", '')), 'B')`,
    ),
    /** PostgreSQL only, like `search`: the title's own vector, which ranks a title match first (migration 0006). */
    titleSearch: tsvector("title_search").generatedAlwaysAs(sql`to_tsvector('english', coalesce("title", ''))`),
  },
  (t) => [
    index("notes_notebook_updated_idx").on(t.notebookId, t.updatedAt),
    index("notes_search_idx").using("gin", t.search),
    index("notes_title_search_idx").using("gin", t.titleSearch),
    // PostgreSQL only: the tags as an array, for a search with a tag filter (ANDed with notes_search_idx's matches).
    index("notes_tags_idx").using("gin", sql`string_to_array(${t.tagsText}, ' ')`),
  ],
);

export const events = pgTable(
  "events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: moment("at").notNull().defaultNow(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    notebookId: text("notebook_id"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [index("events_notebook_idx").on(t.notebookId, t.at), index("events_target_idx").on(t.targetType, t.targetId)],
);

export const noteRevisions = pgTable(
  "note_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    noteVersion: integer("note_version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    kind: text("kind", { enum: REVISION_KINDS }).notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (t) => [index("note_revisions_note_idx").on(t.noteId, t.id)],
);

export const noteTags = pgTable(
  "note_tags",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.tag] }), index("note_tags_tag_idx").on(t.tag)],
);

export const noteLinks = pgTable(
  "note_links",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: LINK_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.targetType, t.targetId] }), index("note_links_target_idx").on(t.targetType, t.targetId)],
);

export const series = pgTable(
  "series",
  {
    id: text("id").primaryKey(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    frequency: text("frequency", { enum: SERIES_FREQUENCIES }).notNull().default("daily"),
    source: text("source", { enum: SERIES_SOURCES }).notNull().default("manual"),
    sourceRef: text("source_ref").notNull().default(""),
    notes: text("notes").notNull().default(""),
    refreshIntervalMinutes: integer("refresh_interval_minutes"),
    nextRefreshAt: moment("next_refresh_at"),
    lastRefreshAt: moment("last_refresh_at"),
    lastError: text("last_error"),
    lastErrorAt: moment("last_error_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    dataVersion: integer("data_version").notNull().default(0),
    dataChangedAt: moment("data_changed_at"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("series_notebook_key_unique").on(t.notebookId, t.key), index("series_next_refresh_idx").on(t.nextRefreshAt)],
);

/**
 * One value of a series for a date, with the period during which it was the known value (its vintage, epoch milliseconds).
 * No foreign key to series here, unlike SQLite: its check ran once per row and cost most of a large import's time (an
 * import of 180,000 rows spent 0.8 to 1.3 s of its 1.4 to 2 s in it). The store locks the series row before it writes
 * (observations-pg.ts), and migration 0011 deletes a series' observations with it, as the cascade did.
 */
export const observations = pgTable(
  "observations",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    seriesId: text("series_id").notNull(),
    date: text("date").notNull(),
    value: doublePrecision("value").notNull(),
    knownFrom: bigint("known_from", { mode: "number" }).notNull(),
    knownUntil: bigint("known_until", { mode: "number" }),
  },
  (t) => [index("observations_series_date_known_idx").on(t.seriesId, t.date, t.knownFrom)],
);

export const charts = pgTable(
  "charts",
  {
    id: text("id").primaryKey(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    spec: jsonb("spec").notNull().$type<Record<string, unknown>>(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (t) => [index("charts_notebook_idx").on(t.notebookId, t.updatedAt)],
);

/** Tokens for scripts that push data: bound to one notebook, acting with the owner's role there; only a SHA-256 hash is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: moment("last_used_at"),
    revokedAt: moment("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** A tracked question: what would settle it, by when, and how it resolved (by hand or by a data rule, with the evidence). */
export const questions = pgTable(
  "questions",
  {
    id: text("id").primaryKey(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    details: text("details").notNull().default(""),
    criteria: text("criteria").notNull(),
    resolveBy: text("resolve_by").notNull(),
    kind: text("kind", { enum: QUESTION_KINDS }).notNull(),
    unit: text("unit").notNull().default(""),
    rangeMin: doublePrecision("range_min"),
    rangeMax: doublePrecision("range_max"),
    rule: jsonb("rule").$type<Record<string, unknown>>(),
    status: text("status", { enum: QUESTION_STATUSES }).notNull().default("open"),
    outcome: doublePrecision("outcome"),
    resolvedAt: moment("resolved_at"),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolutionSource: text("resolution_source", { enum: ["manual", "rule"] }),
    resolutionComment: text("resolution_comment").notNull().default(""),
    evidence: jsonb("evidence").$type<Record<string, unknown>>(),
    /** Why the rule has not resolved the question yet (e.g. the data for the end date is not in). */
    ruleStatus: text("rule_status"),
    /** False after an owner reopens a rule-resolved question, until the question is edited. */
    ruleActive: boolean("rule_active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (t) => [index("questions_notebook_idx").on(t.notebookId, t.status, t.resolveBy)],
);

export const questionTags = pgTable(
  "question_tags",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.tag] })],
);

/** One user's forecast at one moment: a probability (binary) or a value with an 80% interval (numeric), why, and the note that prompted it. */
export const forecasts = pgTable(
  "forecasts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: moment("at").notNull(),
    probability: doublePrecision("probability"),
    value: doublePrecision("value"),
    low: doublePrecision("low"),
    high: doublePrecision("high"),
    rationale: text("rationale").notNull().default(""),
    noteId: text("note_id").references(() => notes.id, { onDelete: "set null" }),
  },
  (t) => [index("forecasts_question_idx").on(t.questionId, t.at), index("forecasts_user_idx").on(t.userId, t.at)],
);

/** Read-only links for people without an account: only the token's SHA-256 is kept; a snapshot pins a revision and a moment. */
export const shareLinks = pgTable(
  "share_links",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    targetType: text("target_type", { enum: SHARE_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    mode: text("mode", { enum: SHARE_MODES }).notNull(),
    pinnedRevisionId: integer("pinned_revision_id").references(() => noteRevisions.id, { onDelete: "set null" }),
    /** A snapshot of a question or a notebook: what it pins, as JSON (a question's state; a notebook's note revisions). */
    pinned: jsonb("pinned"),
    asOf: moment("as_of"),
    expiresAt: moment("expires_at"),
    revokedAt: moment("revoked_at"),
    views: integer("views").notNull().default(0),
    lastViewedAt: moment("last_viewed_at"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("share_links_token_hash_unique").on(t.tokenHash),
    index("share_links_target_idx").on(t.targetType, t.targetId),
    index("share_links_created_by_idx").on(t.createdBy, t.createdAt),
  ],
);

/** A signed-in browser session: the session cookie names it (`sid`); it counts only while not ended and not expired. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: moment("expires_at").notNull(),
    endedAt: moment("ended_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Attempt counters for throttling (sign-in, registration), one row per key and fixed window (reset_at in epoch milliseconds), shared by every server. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: bigint("reset_at", { mode: "number" }).notNull(),
});

/** Settings every server shares, kept once in the database (the generated session-signing secret on PostgreSQL). */
export const serverSettings = pgTable("server_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
