// note_links: which charts and questions a note embeds, derived from its body whenever it is saved.
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { noteLinks } from "@/db/schema";
import { findEmbeds } from "@/lib/notes/directives";
import { prepared } from "./prepared";

const deleteLinks = prepared("note_links_delete", (tx) => tx.delete(noteLinks).where(eq(noteLinks.noteId, sql.placeholder("noteId"))));

/** Replaces the note's recorded embeds with those in `body`; call inside the saving transaction. */
export async function writeNoteLinks(tx: Tx, noteId: string, body: string): Promise<void> {
  await deleteLinks().execute({ noteId });
  const embeds = findEmbeds(body);
  if (embeds.length > 0) await tx.insert(noteLinks).values(embeds.map((e) => ({ noteId, targetType: e.kind, targetId: e.id })));
}
