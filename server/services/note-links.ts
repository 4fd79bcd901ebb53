// note_links: which charts and questions a note embeds, derived from its body whenever it is saved.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { noteLinks } from "@/db/schema";
import { findEmbeds } from "@/lib/notes/directives";
import { prepared } from "./prepared";

const deleteLinks = prepared((db) => db.delete(noteLinks).where(eq(noteLinks.noteId, sql.placeholder("noteId"))).prepare());

/** Replaces the note's recorded embeds with those in `body`; call inside the saving transaction (a drizzle one, or a native one with the db). */
export function writeNoteLinks(tx: Db | Tx, noteId: string, body: string): void {
  deleteLinks().run({ noteId });
  const embeds = findEmbeds(body);
  if (embeds.length > 0) {
    tx.insert(noteLinks)
      .values(embeds.map((e) => ({ noteId, targetType: e.kind, targetId: e.id })))
      .run();
  }
}
