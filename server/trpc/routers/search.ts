// search router: one query over the notes, questions, charts and series the caller may read.
import { z } from "zod";
import { idSchema } from "@/lib/validation/notebooks";
import { tagSchema } from "@/lib/validation/notes";
import { searchEverything } from "@/server/services/search";
import { createTRPCRouter, protectedProcedure } from "../init";

export const searchRouter = createTRPCRouter({
  query: protectedProcedure
    .input(
      z.object({
        q: z.string({ error: "Type something to search for." }).max(500, { error: "Use at most 500 characters in a search." }),
        notebookId: idSchema.optional(),
        tag: tagSchema.optional(),
        limit: z.number().int().min(1).max(50).optional(),
      }),
    )
    .query(({ ctx, input }) => searchEverything(ctx.user, input)),
});
