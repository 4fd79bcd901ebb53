// Tags on notes: set a note's tags, list a notebook's tags with counts, rename a tag across a notebook.
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { noteTags, notes } from "@/db/schema";
import { assertNoteAccess, assertNotebookAccess, type Actor } from "./access";
import { recordEvent } from "./audit";

/** Replaces a note's tags. */
export async function setNoteTags(actor: Actor, input: { id: string; tags: string[] }): Promise<{ tags: string[] }> {
  const { notebookId } = await assertNoteAccess(actor, input.id, "write");
  const tags = [...new Set(input.tags)].sort();
  await transaction(async (tx) => {
    await tx.delete(noteTags).where(eq(noteTags.noteId, input.id));
    if (tags.length > 0) await tx.insert(noteTags).values(tags.map((tag) => ({ noteId: input.id, tag })));
    await recordEvent(tx, { actorId: actor.id, action: "note.tagged", targetType: "note", targetId: input.id, notebookId, data: { tags } });
  });
  return { tags };
}

/** The tags used by live notes in a notebook, with how many notes carry each. */
export async function listTags(actor: Actor, notebookId: string): Promise<Array<{ tag: string; notes: number }>> {
  await assertNotebookAccess(actor, notebookId, "read");
  return await getDb()
    .select({ tag: noteTags.tag, notes: count() })
    .from(noteTags)
    .innerJoin(notes, eq(notes.id, noteTags.noteId))
    .where(and(eq(notes.notebookId, notebookId), isNull(notes.deletedAt)))
    .groupBy(noteTags.tag)
    .orderBy(noteTags.tag);
}

/** Renames a tag on every note of a notebook (merging into the new name where a note has both). */
export async function renameTag(actor: Actor, input: { notebookId: string; from: string; to: string }): Promise<{ notes: number }> {
  await assertNotebookAccess(actor, input.notebookId, "write");
  return await transaction(async (tx) => {
    const noteIds = (await tx
      .select({ id: noteTags.noteId })
      .from(noteTags)
      .innerJoin(notes, eq(notes.id, noteTags.noteId))
      .where(and(eq(notes.notebookId, input.notebookId), eq(noteTags.tag, input.from))))
      .map((r) => r.id);
    if (noteIds.length === 0 || input.from === input.to) return { notes: noteIds.length };
    await tx.delete(noteTags).where(and(inArray(noteTags.noteId, noteIds), eq(noteTags.tag, input.from)));
    await tx.insert(noteTags)
      .values(noteIds.map((noteId) => ({ noteId, tag: input.to })))
      .onConflictDoNothing();
    await recordEvent(tx, { actorId: actor.id, action: "tag.renamed", targetType: "notebook", targetId: input.notebookId, notebookId: input.notebookId, data: { from: input.from, to: input.to, notes: noteIds.length } });
    return { notes: noteIds.length };
  });
}
