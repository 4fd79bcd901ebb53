// Input rules for notes, tags, revisions and search, shared by the editor and the server.
import { z } from "zod";
import { idSchema } from "./notebooks";

/** The version an edit started from (optimistic concurrency): a stale one gets CONFLICT. */
export const baseVersionSchema = z
  .number({ error: "baseVersion must be the version the edit started from." })
  .int({ error: "baseVersion must be a whole number." })
  .positive({ error: "baseVersion must be the version the edit started from (1 or more)." });

export const NOTE_BODY_MAX = 200_000;
export const NOTE_TITLE_MAX = 200;
export const TAGS_PER_NOTE_MAX = 20;

export const noteTitle = z
  .string({ error: "Give the note a title." })
  .trim()
  .min(1, { error: "Give the note a title." })
  .max(NOTE_TITLE_MAX, { error: `Use at most ${NOTE_TITLE_MAX} characters for the title.` });

export const noteBody = z
  .string({ error: "The note's text must be text." })
  .max(NOTE_BODY_MAX, { error: `A note can hold at most ${NOTE_BODY_MAX.toLocaleString("en-US")} characters; split it into two notes.` });

export const tagSchema = z
  .string({ error: "A tag must be text." })
  .trim()
  .toLowerCase()
  .min(1, { error: "A tag cannot be empty." })
  .max(40, { error: "Use at most 40 characters for a tag." })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_\-/.]*$/u, { error: "Tags use letters, digits, -, _, / and . and start with a letter or digit." });

export const createNoteInput = z.object({
  notebookId: idSchema,
  title: noteTitle,
  body: noteBody.default(""),
  tags: z.array(tagSchema).max(TAGS_PER_NOTE_MAX, { error: `Use at most ${TAGS_PER_NOTE_MAX} tags.` }).default([]),
});

export const updateNoteInput = z
  .object({
    id: idSchema,
    baseVersion: baseVersionSchema,
    title: noteTitle.optional(),
    body: noteBody.optional(),
  })
  .refine((v) => v.title !== undefined || v.body !== undefined, { error: "Send a new title, a new body, or both." });

export const noteIdInput = z.object({ id: idSchema });

export const setTagsInput = z.object({
  id: idSchema,
  tags: z.array(tagSchema).max(TAGS_PER_NOTE_MAX, { error: `Use at most ${TAGS_PER_NOTE_MAX} tags.` }),
});

export const renameTagInput = z.object({ notebookId: idSchema, from: tagSchema, to: tagSchema });

export const listNotesInput = z
  .object({ notebookId: idSchema.optional(), tag: tagSchema.optional() })
  .default({});

export const revisionInput = z.object({ noteId: idSchema, revisionId: z.number().int().positive() });
