// A notebook's content version and last change as query columns, counting the note edits PostgreSQL keeps in shards.
import { sql } from "drizzle-orm";
import { notebookChanges, notebooks } from "@/db/schema";
import { qualified } from "./access";

const id = qualified(notebooks.id);

/**
 * What the share page cache is keyed by: the notebook's content_version plus its note edits counted in
 * notebook_changes (PostgreSQL's notes trigger moves a shard there rather than the notebook's row, so autosaves in one
 * notebook do not queue on it; on SQLite the shards stay empty). It moves on with every change a share page can show.
 */
export const contentVersionOf = sql<number>`(${qualified(notebooks.contentVersion)} + coalesce((select sum(c.version) from ${notebookChanges} c where c.notebook_id = ${id}), 0))`.mapWith(Number);

/** When the notebook last changed: the later of its own updated_at and its note edits' (see contentVersionOf). */
export const changedAtOf = sql<Date>`(select case when max(c.updated_at) > ${qualified(notebooks.updatedAt)} then max(c.updated_at) else ${qualified(notebooks.updatedAt)} end from ${notebookChanges} c where c.notebook_id = ${id})`.mapWith(notebooks.updatedAt);
