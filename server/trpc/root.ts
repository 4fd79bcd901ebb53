// The app router: every tRPC router mounted by its DESIGN.md name.
import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { chartsRouter } from "./routers/charts";
import { commentsRouter } from "./routers/comments";
import { figuresRouter } from "./routers/figures";
import { healthRouter } from "./routers/health";
import { inboxRouter } from "./routers/inbox";
import { notebooksRouter } from "./routers/notebooks";
import { notesRouter } from "./routers/notes";
import { questionsRouter } from "./routers/questions";
import { searchRouter } from "./routers/search";
import { seriesRouter } from "./routers/series";
import { shareRouter } from "./routers/share";
import { tokensRouter } from "./routers/tokens";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  charts: chartsRouter,
  comments: commentsRouter,
  figures: figuresRouter,
  health: healthRouter,
  inbox: inboxRouter,
  notebooks: notebooksRouter,
  notes: notesRouter,
  questions: questionsRouter,
  search: searchRouter,
  series: seriesRouter,
  share: shareRouter,
  tokens: tokensRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
