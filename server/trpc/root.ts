// The app router: every tRPC router mounted by its DESIGN.md name.
import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { healthRouter } from "./routers/health";
import { notebooksRouter } from "./routers/notebooks";
import { notesRouter } from "./routers/notes";
import { searchRouter } from "./routers/search";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  health: healthRouter,
  notebooks: notebooksRouter,
  notes: notesRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
