// Input rules for share links, shared by the share dialog and the server.
import { z } from "zod";
import { idSchema } from "./notebooks";

export const shareLabelSchema = z
  .string({ error: "Say who the link is for (a label such as “Client: Acme”)." })
  .trim()
  .min(1, { error: "Say who the link is for (a label such as “Client: Acme”)." })
  .max(80, { error: "Use at most 80 characters for the label." });

export const shareModeSchema = z.enum(["live", "snapshot"], { error: "Choose live (always current) or snapshot (as it is now)." });

const EXPIRY_MESSAGE = "The expiry is a date and time, for example 2026-03-01T12:00:00Z.";

/** An optional expiry: ISO date-time text with an offset, in the future. */
export const shareExpirySchema = z
  .iso.datetime({ offset: true, error: EXPIRY_MESSAGE })
  .transform((v) => new Date(v))
  .refine((d) => !Number.isNaN(d.getTime()), { error: EXPIRY_MESSAGE })
  .refine((d) => d.getTime() > Date.now(), { error: "The expiry must be in the future." });

/** What a link can show: one note, one question, or a whole notebook (an index of its notes). */
export const SHARE_TARGET_TYPES = ["note", "question", "notebook"] as const;
export type ShareTargetType = (typeof SHARE_TARGET_TYPES)[number];
export const shareTargetTypeSchema = z.enum(SHARE_TARGET_TYPES, { error: "Share a note, a question or a notebook." });

export const shareTargetInput = z.object({ targetType: shareTargetTypeSchema, targetId: idSchema });
/** What a link shows: the type and id of a note, a question or a notebook. */
export type ShareTarget = z.infer<typeof shareTargetInput>;

const PAST_MESSAGE = "asOf is a past date and time, for example 2026-03-01T12:00:00Z.";

/** A snapshot's past moment: what it shows is the note or question as it stood then. */
export const shareAsOfSchema = z
  .iso.datetime({ offset: true, error: PAST_MESSAGE })
  .transform((v) => new Date(v))
  .refine((d) => !Number.isNaN(d.getTime()), { error: PAST_MESSAGE })
  .refine((d) => d.getTime() <= Date.now(), { error: "A snapshot shows a past moment (or now): pick a date and time that has passed." });

export const createShareInput = shareTargetInput
  .extend({
    label: shareLabelSchema,
    mode: shareModeSchema,
    expiresAt: shareExpirySchema.optional(),
    asOf: shareAsOfSchema.optional(),
  })
  .refine((i) => i.asOf === undefined || i.mode === "snapshot", { error: "Only a snapshot shows a past moment; a live link always shows now.", path: ["asOf"] })
  .refine((i) => i.asOf === undefined || i.targetType !== "notebook", { error: "A notebook snapshot shows its notes as they are now; share a note or a question as of a past moment.", path: ["asOf"] });
export const shareIdInput = z.object({ id: idSchema });

/** A share token as it appears in /s/{token}: 32 random bytes, base64url (43 characters). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
