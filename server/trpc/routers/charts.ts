// charts router: saved chart specs over series; get renders server-side SVG, as of any moment.
import { z } from "zod";
import { chartSpecSchema, rangeViewSchema } from "@/lib/charts/spec";
import { idSchema } from "@/lib/validation/notebooks";
import { baseVersionSchema } from "@/lib/validation/notes";
import { asOfSchema } from "@/lib/validation/series";
import { chartTable, createChart, getChart, listCharts, previewChart, removeChart, updateChart } from "@/server/services/charts";
import { createTRPCRouter, protectedProcedure } from "../init";

const width = z.number().int().min(200, { error: "Width is at least 200 pixels." }).max(2000, { error: "Width is at most 2000 pixels." }).optional();
const asOf = asOfSchema.optional();

export const chartsRouter = createTRPCRouter({
  list: protectedProcedure.input(z.object({ notebookId: idSchema.optional() })).query(({ ctx, input }) => listCharts(ctx.user, input)),
  get: protectedProcedure.input(z.object({ id: idSchema, asOf, width, withPoints: z.boolean({ error: "withPoints is true or false." }).optional() })).query(({ ctx, input }) => getChart(ctx.user, input)),
  table: protectedProcedure.input(z.object({ id: idSchema, asOf, view: rangeViewSchema.optional() })).query(({ ctx, input }) => chartTable(ctx.user, input)),
  preview: protectedProcedure.input(z.object({ notebookId: idSchema, spec: chartSpecSchema, width })).query(({ ctx, input }) => previewChart(ctx.user, input)),
  create: protectedProcedure.input(z.object({ notebookId: idSchema, spec: chartSpecSchema })).mutation(({ ctx, input }) => createChart(ctx.user, input)),
  update: protectedProcedure
    .input(z.object({ id: idSchema, spec: chartSpecSchema, baseVersion: baseVersionSchema.optional() }))
    .mutation(({ ctx, input }) => updateChart(ctx.user, input)),
  remove: protectedProcedure.input(z.object({ id: idSchema })).mutation(({ ctx, input }) => removeChart(ctx.user, input.id)),
});
