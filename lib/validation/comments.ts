// Input rules for comments: what a thread is on, a comment's text, the quoted passage of a note.
import { z } from "zod";
import { QUOTE_MAX } from "@/lib/comments/anchor";
import { idSchema } from "./notebooks";

/** What a thread can be on (the same list as the `comments.target_type` column's). */
export const COMMENT_TARGETS = ["note", "question", "forecast"] as const;

export const COMMENT_BODY_MAX = 10_000;

export const commentBody = z
  .string({ error: "A comment must be text." })
  .trim()
  .min(1, { error: "Write something before sending the comment." })
  .max(COMMENT_BODY_MAX, { error: "A comment can be at most 10,000 characters; split it or link a note." });

export const commentTargetType = z.enum(COMMENT_TARGETS, { error: "Comments go on a note, a question or a forecast." });

const context = z.string({ error: "The passage's context must be text." }).max(200, { error: "Send at most 200 characters of context each side of the passage." });

/** The passage of a note a new thread is on, as selected: its text, and optionally its surroundings and offset. */
export const commentAnchorInput = z.object({
  quote: z
    .string({ error: "The quoted passage must be text." })
    .min(1, { error: "Select a passage of the note to comment on." })
    .max(QUOTE_MAX, { error: `Quote at most ${QUOTE_MAX.toLocaleString("en-US")} characters; select a shorter passage.` }),
  prefix: context.optional(),
  suffix: context.optional(),
  start: z.number({ error: "The passage's offset must be a number." }).int({ error: "The passage's offset must be a whole number." }).min(0, { error: "The passage's offset cannot be negative." }).optional(),
});

export const commentTargetInput = z.object({ targetType: commentTargetType, targetId: idSchema });

export const createCommentInput = z.object({ targetType: commentTargetType, targetId: idSchema, body: commentBody, anchor: commentAnchorInput.optional() });

export const replyCommentInput = z.object({ threadId: idSchema, body: commentBody });

export const editCommentInput = z.object({ id: idSchema, body: commentBody });

export const commentIdInput = z.object({ id: idSchema });

export const threadIdInput = z.object({ threadId: idSchema });
