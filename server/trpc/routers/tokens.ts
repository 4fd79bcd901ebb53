// tokens router: API tokens for the REST push (create shows the token once; list; revoke).
import { createTokenInput, tokenIdInput } from "@/lib/validation/series";
import { createToken, listTokens, revokeToken } from "@/server/services/api-tokens";
import { createTRPCRouter, protectedProcedure } from "../init";

export const tokensRouter = createTRPCRouter({
  create: protectedProcedure.input(createTokenInput).mutation(({ ctx, input }) => createToken(ctx.user, input)),
  list: protectedProcedure.query(({ ctx }) => listTokens(ctx.user)),
  revoke: protectedProcedure.input(tokenIdInput).mutation(({ ctx, input }) => revokeToken(ctx.user, input.id)),
});
