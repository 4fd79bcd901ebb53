// Input rules for notebooks and their members, shared by the forms and the server.
import { z } from "zod";
import { emailSchema } from "./account";

export const idSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "An id is required." : "An id must be text.") })
  .min(1, { error: "An id is required." })
  .max(64, { error: "That id is too long." })
  .regex(/^[a-z0-9]+$/, { error: "That id is not valid." });

export const notebookName = z
  .string({ error: "Give the notebook a name." })
  .trim()
  .min(1, { error: "Give the notebook a name." })
  .max(120, { error: "Use at most 120 characters for the name." });

export const roleSchema = z.enum(["owner", "editor", "viewer"], { error: "Choose owner, editor or viewer." });

export const createNotebookInput = z.object({
  name: notebookName,
  description: z.string().trim().max(500, { error: "Use at most 500 characters for the description." }).default(""),
});

export const renameNotebookInput = z.object({ id: idSchema, name: notebookName });
export const notebookIdInput = z.object({ id: idSchema });
export const reminderDaysInput = z.object({
  id: idSchema,
  days: z
    .number({ error: "Give the reminder period as a whole number of days." })
    .int({ error: "Give the reminder period as a whole number of days." })
    .min(0, { error: "The reminder period is 0 (no reminders) or more days." })
    .max(365, { error: "The reminder period is at most 365 days." }),
});
export const removeNotebookInput = z.object({
  id: idSchema,
  confirmName: z.string().max(120, { error: "That name is too long." }),
});

export const addMemberInput = z.object({
  notebookId: idSchema,
  email: emailSchema,
  role: roleSchema,
});
export const changeMemberInput = z.object({ notebookId: idSchema, userId: idSchema, role: roleSchema });
export const removeMemberInput = z.object({ notebookId: idSchema, userId: idSchema });
