// note_links: which charts and questions a note embeds, derived from its body whenever it is saved.
import { eq, sql } from "drizzle-orm";
import { preparedWrite, type Tx } from "@/db/client";
import { noteLinks } from "@/db/schema";
import { findEmbeds, type Embed } from "@/lib/notes/directives";

const deleteLinks = preparedWrite("note_links_delete", (tx) => tx.delete(noteLinks).where(eq(noteLinks.noteId, sql.placeholder("noteId"))));

const embedsKey = (embeds: Embed[]) => embeds.map((e) => `${e.kind}:${e.id}`).join(" ");

/** True when the two texts embed different charts or questions (what writeNoteLinks would write for). */
export function embedsChange(body: string, previousBody: string): boolean {
  return embedsKey(findEmbeds(previousBody)) !== embedsKey(findEmbeds(body));
}

/**
 * Replaces the note's recorded embeds with those in `body`; call inside the saving transaction. With `previousBody`
 * (the text being replaced), nothing is written when both embed the same charts and questions, as most keystrokes do.
 */
export async function writeNoteLinks(tx: Tx, noteId: string, body: string, previousBody?: string): Promise<void> {
  const embeds = findEmbeds(body);
  if (previousBody !== undefined && embedsKey(findEmbeds(previousBody)) === embedsKey(embeds)) return;
  await deleteLinks().execute({ noteId });
  if (embeds.length > 0) await tx.insert(noteLinks).values(embeds.map((e) => ({ noteId, targetType: e.kind, targetId: e.id })));
}
