// share router: read-only links to a note, question or notebook (create shows the token once; list per target; listMine; revoke).
import { createShareInput, shareIdInput, shareTargetInput } from "@/lib/validation/share";
import { createShareLink, listMyShareLinks, listShareLinks, revokeShareLink } from "@/server/services/share-links";
import { createTRPCRouter, protectedProcedure } from "../init";

export const shareRouter = createTRPCRouter({
  create: protectedProcedure.input(createShareInput).mutation(({ ctx, input }) => createShareLink(ctx.user, input)),
  list: protectedProcedure.input(shareTargetInput).query(({ ctx, input }) => listShareLinks(ctx.user, input)),
  listMine: protectedProcedure.query(({ ctx }) => listMyShareLinks(ctx.user)),
  revoke: protectedProcedure.input(shareIdInput).mutation(({ ctx, input }) => revokeShareLink(ctx.user, input.id)),
});
