// account router: register, me, change password, sign out everywhere.
import { changePasswordInput, registerInput } from "@/lib/validation/account";
import { changePassword, me, register, signOutEverywhere } from "@/server/services/accounts";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

export const accountRouter = createTRPCRouter({
  register: publicProcedure.input(registerInput).mutation(({ ctx, input }) => register(input, { address: ctx.clientIp })),
  me: protectedProcedure.query(({ ctx }) => me(ctx.user)),
  changePassword: protectedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.user, input)),
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.user)),
});
