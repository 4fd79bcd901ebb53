// comments router: threads on a note's passage, a question or a forecast; replies, edits, deletes, resolving.
import { commentIdInput, commentTargetInput, createCommentInput, editCommentInput, replyCommentInput, threadIdInput } from "@/lib/validation/comments";
import { createComment, editComment, listComments, removeComment, reopenThread, replyToComment, resolveThread } from "@/server/services/comments";
import { createTRPCRouter, protectedProcedure } from "../init";

export const commentsRouter = createTRPCRouter({
  list: protectedProcedure.input(commentTargetInput).query(({ ctx, input }) => listComments(ctx.user, input)),
  create: protectedProcedure.input(createCommentInput).mutation(({ ctx, input }) => createComment(ctx.user, input)),
  reply: protectedProcedure.input(replyCommentInput).mutation(({ ctx, input }) => replyToComment(ctx.user, input)),
  edit: protectedProcedure.input(editCommentInput).mutation(({ ctx, input }) => editComment(ctx.user, input)),
  remove: protectedProcedure.input(commentIdInput).mutation(({ ctx, input }) => removeComment(ctx.user, input)),
  resolve: protectedProcedure.input(threadIdInput).mutation(({ ctx, input }) => resolveThread(ctx.user, input)),
  reopen: protectedProcedure.input(threadIdInput).mutation(({ ctx, input }) => reopenThread(ctx.user, input)),
});
