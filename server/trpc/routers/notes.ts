// notes router: list, get, asOf (the note as it stood at a moment), create, update (autosave with baseVersion), trash, tags, and the revisions sub-router.
import { z } from "zod";
import { idSchema } from "@/lib/validation/notebooks";
import { asOfSchema } from "@/lib/validation/series";
import { createNoteInput, listNotesInput, noteIdInput, renameTagInput, revisionInput, setTagsInput, updateNoteInput } from "@/lib/validation/notes";
import { noteAsOf } from "@/server/services/note-as-of";
import { checkpoint, getRevision, listRevisions, restoreRevision } from "@/server/services/note-revisions";
import { listTags, renameTag, setNoteTags } from "@/server/services/note-tags";
import { createNote, emptyTrash, getNote, listNotes, listTrash, restoreNote, trashNote, updateNote } from "@/server/services/notes";
import { createTRPCRouter, protectedProcedure } from "../init";

const notebookInput = z.object({ notebookId: idSchema });

const revisionsRouter = createTRPCRouter({
  list: protectedProcedure.input(noteIdInput).query(({ ctx, input }) => listRevisions(ctx.user, input.id)),
  get: protectedProcedure.input(revisionInput).query(({ ctx, input }) => getRevision(ctx.user, input)),
  checkpoint: protectedProcedure.input(noteIdInput).mutation(({ ctx, input }) => checkpoint(ctx.user, input.id)),
  restore: protectedProcedure.input(revisionInput).mutation(({ ctx, input }) => restoreRevision(ctx.user, input)),
});

const tagsRouter = createTRPCRouter({
  list: protectedProcedure.input(notebookInput).query(({ ctx, input }) => listTags(ctx.user, input.notebookId)),
  set: protectedProcedure.input(setTagsInput).mutation(({ ctx, input }) => setNoteTags(ctx.user, input)),
  rename: protectedProcedure.input(renameTagInput).mutation(({ ctx, input }) => renameTag(ctx.user, input)),
});

export const notesRouter = createTRPCRouter({
  list: protectedProcedure.input(listNotesInput).query(({ ctx, input }) => listNotes(ctx.user, input)),
  get: protectedProcedure.input(noteIdInput).query(({ ctx, input }) => getNote(ctx.user, input.id)),
  asOf: protectedProcedure
    .input(z.object({ id: idSchema, at: asOfSchema }))
    .query(({ ctx, input }) => noteAsOf(ctx.user, input)),
  create: protectedProcedure.input(createNoteInput).mutation(({ ctx, input }) => createNote(ctx.user, input)),
  update: protectedProcedure.input(updateNoteInput).mutation(({ ctx, input }) => updateNote(ctx.user, input)),
  remove: protectedProcedure.input(noteIdInput).mutation(({ ctx, input }) => trashNote(ctx.user, input.id)),
  restore: protectedProcedure.input(noteIdInput).mutation(({ ctx, input }) => restoreNote(ctx.user, input.id)),
  trash: protectedProcedure.input(notebookInput).query(({ ctx, input }) => listTrash(ctx.user, input.notebookId)),
  emptyTrash: protectedProcedure.input(notebookInput).mutation(({ ctx, input }) => emptyTrash(ctx.user, input.notebookId)),
  revisions: revisionsRouter,
  tags: tagsRouter,
});
