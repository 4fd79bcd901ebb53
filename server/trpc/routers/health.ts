// health router: a bare procedure for liveness checks and the benchmark baseline.
import { createTRPCRouter, publicProcedure } from "../init";

export const healthRouter = createTRPCRouter({
  ping: publicProcedure.query(() => ({ ok: true as const })),
});
