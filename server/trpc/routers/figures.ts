// figures router: live figures in prose (compute them, with provenance) and the note's stale figures (list, accept the new value, pin to when written).
import { z } from "zod";
import { idSchema } from "@/lib/validation/notebooks";
import { baseVersionSchema } from "@/lib/validation/notes";
import { asOfSchema } from "@/lib/validation/series";
import { acceptFigure, noteFigureChanges, pinFigure } from "@/server/services/figure-updates";
import { evaluateFigures, MAX_FIGURES_PER_CALL } from "@/server/services/figures";
import { createTRPCRouter, protectedProcedure } from "../init";

const figureKeySchema = z
  .string({ error: "Name a figure by its attributes, for example series=SPX stat=ytd." })
  .max(400, { error: "A figure's attributes are at most 400 characters." })
  .regex(/^[A-Za-z]+=\S+( [A-Za-z]+=\S+)*$/, { error: "Name a figure by its attributes, for example series=SPX stat=ytd." });

export const figuresRouter = createTRPCRouter({
  evaluate: protectedProcedure
    .input(
      z.object({
        notebookId: idSchema,
        keys: z.array(figureKeySchema).max(MAX_FIGURES_PER_CALL, { error: `At most ${MAX_FIGURES_PER_CALL} figures at once.` }),
        asOf: asOfSchema.optional(),
      }),
    )
    .query(({ ctx, input }) => evaluateFigures(ctx.user, input)),
  changes: protectedProcedure.input(z.object({ noteId: idSchema })).query(({ ctx, input }) => noteFigureChanges(ctx.user, input.noteId)),
  accept: protectedProcedure.input(z.object({ noteId: idSchema, key: figureKeySchema })).mutation(({ ctx, input }) => acceptFigure(ctx.user, input)),
  pin: protectedProcedure
    .input(z.object({ noteId: idSchema, key: figureKeySchema, baseVersion: baseVersionSchema }))
    .mutation(({ ctx, input }) => pinFigure(ctx.user, input)),
});
