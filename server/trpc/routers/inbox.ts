// inbox router: what needs the caller across their notebooks, and dismissing an item.
import { z } from "zod";
import { dismissInboxItem, inboxFor } from "@/server/services/inbox";
import { createTRPCRouter, protectedProcedure } from "../init";

export const inboxRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => inboxFor(ctx.user)),
  dismiss: protectedProcedure
    .input(z.object({ key: z.string({ error: "Name the item to dismiss." }).min(1, { error: "Name the item to dismiss." }).max(1100, { error: "That is not an inbox item." }) }))
    .mutation(({ ctx, input }) => dismissInboxItem(ctx.user, input.key)),
});
