// notebooks router: list, get, create, rename, remove, and the members sub-router.
import {
  addMemberInput,
  changeMemberInput,
  createNotebookInput,
  notebookIdInput,
  removeMemberInput,
  reminderDaysInput,
  removeNotebookInput,
  renameNotebookInput,
} from "@/lib/validation/notebooks";
import { activityInput } from "@/lib/validation/activity";
import { notebookActivity } from "@/server/services/activity";
import { leaderboardHiddenInput } from "@/lib/validation/team";
import {
  addMember,
  changeMemberRole,
  createNotebook,
  getNotebook,
  listMembers,
  listNotebooks,
  notebookDeletionImpact,
  removeMember,
  removeNotebook,
  renameNotebook,
  setLeaderboardHidden,
  setNotebookReminderDays,
} from "@/server/services/notebooks";
import { createTRPCRouter, protectedProcedure } from "../init";

const membersRouter = createTRPCRouter({
  list: protectedProcedure.input(notebookIdInput).query(({ ctx, input }) => listMembers(ctx.user, input.id)),
  add: protectedProcedure.input(addMemberInput).mutation(({ ctx, input }) => addMember(ctx.user, input)),
  changeRole: protectedProcedure.input(changeMemberInput).mutation(({ ctx, input }) => changeMemberRole(ctx.user, input)),
  remove: protectedProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember(ctx.user, input)),
  setLeaderboardHidden: protectedProcedure.input(leaderboardHiddenInput).mutation(({ ctx, input }) => setLeaderboardHidden(ctx.user, input)),
});

export const notebooksRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listNotebooks(ctx.user)),
  get: protectedProcedure.input(notebookIdInput).query(({ ctx, input }) => getNotebook(ctx.user, input.id)),
  deletionImpact: protectedProcedure.input(notebookIdInput).query(({ ctx, input }) => notebookDeletionImpact(ctx.user, input.id)),
  create: protectedProcedure.input(createNotebookInput).mutation(({ ctx, input }) => createNotebook(ctx.user, input)),
  rename: protectedProcedure.input(renameNotebookInput).mutation(({ ctx, input }) => renameNotebook(ctx.user, input)),
  setReminderDays: protectedProcedure.input(reminderDaysInput).mutation(({ ctx, input }) => setNotebookReminderDays(ctx.user, input)),
  remove: protectedProcedure.input(removeNotebookInput).mutation(({ ctx, input }) => removeNotebook(ctx.user, input)),
  activity: protectedProcedure.input(activityInput).query(({ ctx, input }) => notebookActivity(ctx.user, input)),
  members: membersRouter,
});
