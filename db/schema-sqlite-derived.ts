// Drizzle schema for SQLite, part three: tables the writes keep beside the data they derive from (a notebook's change shards, a series' thinned tiers); db/schema-pg-derived.ts mirrors it.
import { blob, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { notebooks, series } from "./schema-sqlite";

/** A notebook's note edits in shards: written on PostgreSQL only (see schema-pg.ts); here it stays empty. */
export const notebookChanges = sqliteTable(
  "notebook_changes",
  {
    notebookId: text("notebook_id")
      .notNull()
      .references(() => notebooks.id, { onDelete: "cascade" }),
    shard: integer("shard").notNull(),
    version: integer("version").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.notebookId, t.shard] })],
);

/**
 * A series' current values thinned for long charts, per data version (lib/charts/tiers.ts): block -1 is the summary
 * (each block's first date and its lowest and highest point), block n holds the points of block n. Rewritten in the
 * write transaction that moves the data version on; read only while the data version matches.
 */
export const seriesTiers = sqliteTable(
  "series_tiers",
  {
    seriesId: text("series_id")
      .notNull()
      .references(() => series.id, { onDelete: "cascade" }),
    dataVersion: integer("data_version").notNull(),
    block: integer("block").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.dataVersion, t.block] })],
);
