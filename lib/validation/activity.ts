// A notebook's activity feed: the kinds it can be filtered by, and the input of notebooks.activity.
import { z } from "zod";
import { idSchema } from "./notebooks";

/** The kinds of activity, with the label the filter shows. */
export const ACTIVITY_KINDS = {
  wrote: "Writing",
  forecast: "Forecasts",
  resolved: "Resolutions",
  commented: "Comments",
  shared: "Sharing",
  data: "Data",
  members: "Members and settings",
} as const;

/** One kind of activity. */
export type ActivityKind = keyof typeof ACTIVITY_KINDS;

const KIND_KEYS = Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]];

/** The most items one page of the feed holds. */
export const ACTIVITY_PAGE_MAX = 100;

/** Where the next page starts: the last item's moment in ms and its id ("1767225600000:e42" for an event, ":r7" for a note revision). */
export const activityCursorSchema = z
  .string({ error: "The cursor is the nextCursor of the previous page." })
  .regex(/^\d{1,15}:[er]\d{1,15}$/, { error: "The cursor is the nextCursor of the previous page." });

/** The input of notebooks.activity. */
export const activityInput = z.object({
  notebookId: idSchema,
  actorId: idSchema.optional(),
  kind: z.enum(KIND_KEYS, { error: `Choose a kind: ${KIND_KEYS.join(", ")}.` }).optional(),
  before: activityCursorSchema.optional(),
  limit: z
    .number({ error: "The limit is a whole number." })
    .int({ error: "The limit is a whole number." })
    .min(1, { error: "The limit is at least 1." })
    .max(ACTIVITY_PAGE_MAX, { error: `The limit is at most ${ACTIVITY_PAGE_MAX}.` })
    .optional(),
});

/** A parsed notebooks.activity input. */
export type ActivityInput = z.output<typeof activityInput>;
