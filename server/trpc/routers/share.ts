// share router: read-only links to a note (create shows the token once; list per note; listMine; revoke).
import { createShareInput, shareIdInput, shareListInput } from "@/lib/validation/share";
import { createShareLink, listMyShareLinks, listShareLinks, revokeShareLink } from "@/server/services/share-links";
import { createTRPCRouter, protectedProcedure } from "../init";

export const shareRouter = createTRPCRouter({
  create: protectedProcedure.input(createShareInput).mutation(({ ctx, input }) => createShareLink(ctx.user, input)),
  list: protectedProcedure.input(shareListInput).query(({ ctx, input }) => listShareLinks(ctx.user, input.noteId)),
  listMine: protectedProcedure.query(({ ctx }) => listMyShareLinks(ctx.user)),
  revoke: protectedProcedure.input(shareIdInput).mutation(({ ctx, input }) => revokeShareLink(ctx.user, input.id)),
});
