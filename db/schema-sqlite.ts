// Drizzle schema for SQLite: the tables Quire keeps in its embedded database (db/schema-pg.ts mirrors them for PostgreSQL).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { QUESTION_KINDS, QUESTION_STATUSES } from "@/lib/questions/spec";
import { SERIES_FREQUENCIES, SERIES_SOURCES } from "@/lib/validation/series";

export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable(
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

export const notebooks = sqliteTable("notebooks", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  /** The notebook's own FRED API key for its FRED series (else FRED_API_KEY from the environment); never sent to browsers. */
  fredApiKey: text("fred_api_key"),
  /** Moved on by triggers whenever anything a share page shows changes (notes, series data, charts, questions, forecasts, the name): the share page cache's key. */
  contentVersion: integer("content_version").notNull().default(0),
  /** Days after which a member's forecast on an open question is old enough for a reminder in their inbox. */
  reminderDays: integer("reminder_days").notNull().default(30),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});

export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const memberships = sqliteTable(
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
    leaderboardHidden: integer("leaderboard_hidden", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.notebookId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const notes = sqliteTable(
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
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    /** The note's tags, space-separated, for the search index; kept by triggers on note_tags (migration 0005). */
    tagsText: text("tags_text").notNull().default(""),
  },
  (t) => [index("notes_notebook_updated_idx").on(t.notebookId, t.updatedAt)],
);

export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    notebookId: text("notebook_id"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("events_notebook_idx").on(t.notebookId, t.at), index("events_target_idx").on(t.targetType, t.targetId)],
);

export const REVISION_KINDS = ["edit", "checkpoint", "restore", "created"] as const;

export const noteRevisions = sqliteTable(
  "note_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    noteVersion: integer("note_version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    kind: text("kind", { enum: REVISION_KINDS }).notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("note_revisions_note_idx").on(t.noteId, t.id)],
);

export const noteTags = sqliteTable(
  "note_tags",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.tag] }), index("note_tags_tag_idx").on(t.tag)],
);

export const LINK_TARGETS = ["chart", "question"] as const;

export const noteLinks = sqliteTable(
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

export const series = sqliteTable(
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
    nextRefreshAt: integer("next_refresh_at", { mode: "timestamp_ms" }),
    lastRefreshAt: integer("last_refresh_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    lastErrorAt: integer("last_error_at", { mode: "timestamp_ms" }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    dataVersion: integer("data_version").notNull().default(0),
    dataChangedAt: integer("data_changed_at", { mode: "timestamp_ms" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("series_notebook_key_unique").on(t.notebookId, t.key), index("series_next_refresh_idx").on(t.nextRefreshAt)],
);

/** One value of a series for a date, with the period during which it was the known value (its vintage). */
export const observations = sqliteTable(
  "observations",
  {
    id: integer("id").primaryKey(),
    seriesId: text("series_id")
      .notNull()
      .references(() => series.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    value: real("value").notNull(),
    knownFrom: integer("known_from").notNull(),
    knownUntil: integer("known_until"),
  },
  // One index serves current reads, as-of reads and imports. One current row per date is kept by the import's
  // write transaction (a partial unique index on it cost about a third of the import's speed).
  (t) => [index("observations_series_date_known_idx").on(t.seriesId, t.date, t.knownFrom)],
);

export const charts = sqliteTable(
  "charts",
  {
    id: text("id").primaryKey(),
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    spec: text("spec", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("charts_notebook_idx").on(t.notebookId, t.updatedAt)],
);

/** Tokens for scripts that push data: bound to one notebook, acting with the owner's role there; only a SHA-256 hash is kept. */
export const apiTokens = sqliteTable(
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
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** A tracked question: what would settle it, by when, and how it resolved (by hand or by a data rule, with the evidence). */
export const questions = sqliteTable(
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
    rangeMin: real("range_min"),
    rangeMax: real("range_max"),
    rule: text("rule", { mode: "json" }).$type<Record<string, unknown>>(),
    status: text("status", { enum: QUESTION_STATUSES }).notNull().default("open"),
    outcome: real("outcome"),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolutionSource: text("resolution_source", { enum: ["manual", "rule"] }),
    resolutionComment: text("resolution_comment").notNull().default(""),
    evidence: text("evidence", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Why the rule has not resolved the question yet (e.g. the data for the end date is not in). */
    ruleStatus: text("rule_status"),
    /** False after an owner reopens a rule-resolved question, until the question is edited. */
    ruleActive: integer("rule_active", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("questions_notebook_idx").on(t.notebookId, t.status, t.resolveBy)],
);

export const questionTags = sqliteTable(
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
export const forecasts = sqliteTable(
  "forecasts",
  {
    id: integer("id").primaryKey(),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    probability: real("probability"),
    value: real("value"),
    low: real("low"),
    high: real("high"),
    rationale: text("rationale").notNull().default(""),
    noteId: text("note_id").references(() => notes.id, { onDelete: "set null" }),
  },
  (t) => [index("forecasts_question_idx").on(t.questionId, t.at), index("forecasts_user_idx").on(t.userId, t.at)],
);

export const SHARE_TARGETS = ["note", "question", "notebook"] as const;
export const SHARE_MODES = ["live", "snapshot"] as const;

/** Read-only links for people without an account: only the token's SHA-256 is kept; a snapshot pins a revision and a moment. */
export const shareLinks = sqliteTable(
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
    pinned: text("pinned", { mode: "json" }),
    asOf: integer("as_of", { mode: "timestamp_ms" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    views: integer("views").notNull().default(0),
    lastViewedAt: integer("last_viewed_at", { mode: "timestamp_ms" }),
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
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Attempt counters for throttling (sign-in, registration), one row per key and fixed window, shared by every server. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: integer("reset_at").notNull(),
});

/** Settings every server shares, kept once in the database (the generated session-signing secret on PostgreSQL). */
export const serverSettings = sqliteTable("server_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
