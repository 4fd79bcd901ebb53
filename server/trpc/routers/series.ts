// series router: the data catalogue, observations as of any moment, imports, connector refresh, and the live change feed.
import { z } from "zod";
import { idSchema } from "@/lib/validation/notebooks";
import { addFromSourceInput, createSeriesInput, getSeriesInput, importInput, importManyInput, seriesIdInput, updateSeriesInput } from "@/lib/validation/series";
import { seriesChangesFor } from "@/server/services/live";
import { connectorSettings, setFredApiKey } from "@/server/services/connector-settings";
import { importIntoSeries } from "@/server/services/series-import";
import { importManySeries } from "@/server/services/series-bulk";
import { addSeriesFromSource } from "@/server/services/series-connect";
import { refreshSeries } from "@/server/services/series-refresh";
import { createSeries, getSeries, listSeries, removeSeries, updateSeries } from "@/server/services/series";
import { createTRPCRouter, protectedProcedure } from "../init";

export const seriesRouter = createTRPCRouter({
  list: protectedProcedure.input(z.object({ notebookId: idSchema.optional() })).query(({ ctx, input }) => listSeries(ctx.user, input)),
  get: protectedProcedure.input(getSeriesInput).query(({ ctx, input }) => getSeries(ctx.user, input)),
  create: protectedProcedure.input(createSeriesInput).mutation(({ ctx, input }) => createSeries(ctx.user, input)),
  update: protectedProcedure.input(updateSeriesInput).mutation(({ ctx, input }) => updateSeries(ctx.user, input)),
  remove: protectedProcedure.input(seriesIdInput).mutation(({ ctx, input }) => removeSeries(ctx.user, input.id)),
  import: protectedProcedure.input(importInput).mutation(({ ctx, input }) => importIntoSeries(ctx.user, input)),
  importMany: protectedProcedure.input(importManyInput).mutation(({ ctx, input }) => importManySeries(ctx.user, input)),
  addFromSource: protectedProcedure.input(addFromSourceInput).mutation(({ ctx, input }) => addSeriesFromSource(ctx.user, input)),
  refresh: protectedProcedure.input(seriesIdInput).mutation(({ ctx, input }) => refreshSeries(ctx.user, input.id)),
  connectorSettings: protectedProcedure.input(z.object({ notebookId: idSchema })).query(({ ctx, input }) => connectorSettings(ctx.user, input.notebookId)),
  setFredApiKey: protectedProcedure
    .input(
      z.object({
        notebookId: idSchema,
        apiKey: z
          .string({ error: "The FRED API key is text (or null to clear it)." })
          .trim()
          .regex(/^[a-z0-9]{32}$/, { error: "A FRED API key is 32 lowercase letters and digits; copy it from your FRED account page." })
          .nullable(),
      }),
    )
    .mutation(({ ctx, input }) => setFredApiKey(ctx.user, input)),
  /** Every change to a series in a notebook the caller can read (checked per event, so a removed member stops hearing). */
  changes: protectedProcedure.input(z.object({ notebookId: idSchema.optional() })).subscription(({ ctx, input, signal }) => seriesChangesFor(ctx.user, input, signal)),
});
