// Drizzle schema for PostgreSQL, part three: the tables of db/schema-sqlite-derived.ts with the same names and TypeScript types.
import { customType, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { moment, notebooks, series } from "./schema-pg";

/** PostgreSQL's bytea, read and written as a Buffer, as SQLite's `blob(..., { mode: "buffer" })` is. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A notebook's note edits, counted in shards by note id (PostgreSQL's notes trigger, migration 0010): an autosave moves
 * its shard, not the notebook's row, which every save in the notebook would otherwise queue on while it commits. The
 * notebook's content version is its content_version plus the shards' versions; its updated_at the later of its own and
 * theirs. SQLite (one writer at a time) moves the notebook's row and leaves this table empty.
 */
export const notebookChanges = pgTable(
  "notebook_changes",
  {
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    shard: integer("shard").notNull(),
    version: integer("version").notNull().default(0),
    updatedAt: moment("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.notebookId, t.shard] })],
);

/** A series' current values thinned for long charts, per data version (see db/schema-sqlite.ts). */
export const seriesTiers = pgTable(
  "series_tiers",
  {
    seriesId: text("series_id")
      .notNull()
      .references(() => series.id, { onDelete: "cascade" }),
    dataVersion: integer("data_version").notNull(),
    block: integer("block").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.dataVersion, t.block] })],
);
