// Input rules for a team's research: the team's forecast on a question, a notebook's leaderboard, hiding one's name on it.
import { z } from "zod";
import { idSchema } from "./notebooks";

const flag = (what: string) => z.boolean({ error: `${what} is true or false.` });

/** questions.team: the question, and whether to extremize the mean of log-odds (false by default). */
export const questionTeamInput = z.object({ id: idSchema, extremize: flag("Extremize").optional() });

/** questions.leaderboard: the notebook. */
export const leaderboardInput = z.object({ notebookId: idSchema });

/** notebooks.members.setLeaderboardHidden: the notebook, and whether to hide your name from the others on its leaderboard. */
export const leaderboardHiddenInput = z.object({ notebookId: idSchema, hidden: flag("Hidden") });
