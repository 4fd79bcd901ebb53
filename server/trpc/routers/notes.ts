// notes router: list and get (editing arrives with the notes capability).
import { z } from "zod";
import { idSchema } from "@/lib/validation/notebooks";
import { getNote, listNotes } from "@/server/services/notes";
import { createTRPCRouter, protectedProcedure } from "../init";

export const notesRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ notebookId: idSchema.optional() }).default({}))
    .query(({ ctx, input }) => listNotes(ctx.user, input.notebookId)),
  get: protectedProcedure.input(z.object({ id: idSchema })).query(({ ctx, input }) => getNote(ctx.user, input.id)),
});
