// questions router: the dashboard list, the question page, create/edit, forecasts, resolution, reopening, calibration, the team's forecast and the leaderboard.
import { z } from "zod";
import { forecastInputSchema, QUESTION_STATUSES, questionInputSchema, resolutionInputSchema } from "@/lib/questions/spec";
import { idSchema } from "@/lib/validation/notebooks";
import { leaderboardInput, questionTeamInput } from "@/lib/validation/team";
import { baseVersionSchema } from "@/lib/validation/notes";
import { createQuestionWithForecast, recordForecast } from "@/server/services/question-forecasts";
import { reopenQuestion, resolveQuestion } from "@/server/services/question-resolution";
import { myCalibration } from "@/server/services/question-scores";
import { notebookLeaderboard, questionTeam } from "@/server/services/question-team";
import { getQuestion, listQuestions, updateQuestion } from "@/server/services/questions";
import { questionRuleChart } from "@/server/services/question-chart";
import { createTRPCRouter, protectedProcedure } from "../init";

const idInput = z.object({ id: idSchema });
const ruleChartInput = z.object({
  id: idSchema,
  width: z.number({ error: "Width is a number of pixels." }).int({ error: "Width is a whole number of pixels." }).min(200, { error: "Width is at least 200 pixels." }).max(2000, { error: "Width is at most 2000 pixels." }).optional(),
});

export const questionsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ notebookId: idSchema.optional(), status: z.enum(QUESTION_STATUSES, { error: "Status is open, resolved or annulled." }).optional() }))
    .query(({ ctx, input }) => listQuestions(ctx.user, input)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => getQuestion(ctx.user, input.id)),
  ruleChart: protectedProcedure.input(ruleChartInput).query(({ ctx, input }) => questionRuleChart(ctx.user, input)),
  create: protectedProcedure
    .input(z.intersection(questionInputSchema, z.object({ notebookId: idSchema, firstForecast: forecastInputSchema.optional() })))
    .mutation(({ ctx, input }) => createQuestionWithForecast(ctx.user, input)),
  update: protectedProcedure
    .input(z.intersection(questionInputSchema, z.object({ id: idSchema, baseVersion: baseVersionSchema.optional() })))
    .mutation(({ ctx, input }) => updateQuestion(ctx.user, input)),
  forecast: protectedProcedure.input(z.intersection(forecastInputSchema, z.object({ questionId: idSchema }))).mutation(({ ctx, input }) => recordForecast(ctx.user, input)),
  resolve: protectedProcedure.input(z.intersection(resolutionInputSchema, z.object({ id: idSchema }))).mutation(({ ctx, input }) => resolveQuestion(ctx.user, input)),
  reopen: protectedProcedure.input(idInput).mutation(({ ctx, input }) => reopenQuestion(ctx.user, input.id)),
  calibration: protectedProcedure.input(z.object({ notebookId: idSchema.optional() })).query(({ ctx, input }) => myCalibration(ctx.user, input)),
  team: protectedProcedure.input(questionTeamInput).query(({ ctx, input }) => questionTeam(ctx.user, input)),
  leaderboard: protectedProcedure.input(leaderboardInput).query(({ ctx, input }) => notebookLeaderboard(ctx.user, input)),
});
