// A notebook fixture and a valid sample input for every procedure that takes one.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notes } from "@/db/schema";
import { newId } from "@/lib/ids";
import { addMember, createNotebook } from "@/server/services/notebooks";
import type { SessionUser } from "@/server/trpc/init";
import { makeUser, OTHER_STRONG_PASSWORD, STRONG_PASSWORD } from "./helpers";

export type Fixture = {
  owner: SessionUser;
  member: SessionUser;
  outsider: SessionUser;
  notebookId: string;
  notebookName: string;
  noteId: string;
};

/** An owner's notebook with one viewer and one note, plus a registered user who is not a member. */
export async function makeFixture(label = "fx"): Promise<Fixture> {
  const owner = await makeUser(`${label}owner`);
  const member = await makeUser(`${label}member`);
  const outsider = await makeUser(`${label}outsider`);
  const notebookName = `Notebook of ${owner.name}`;
  const { id: notebookId } = createNotebook(owner, { name: notebookName, description: "" });
  addMember(owner, { notebookId, email: member.email, role: "viewer" });
  const noteId = newId();
  getDb()
    .insert(notes)
    .values({ id: noteId, notebookId, title: "First note", body: "Small caps led in January.", createdBy: owner.id, updatedBy: owner.id })
    .run();
  return { owner, member, outsider, notebookId, notebookName, noteId };
}

/** Soft-deletes a note the way the notes service will. */
export function softDeleteNote(id: string): void {
  getDb().update(notes).set({ deletedAt: new Date() }).where(eq(notes.id, id)).run();
}

let registrations = 0;

/** Inputs that would succeed for the fixture's owner, keyed by procedure path. */
export function validInputs(f: Fixture): Record<string, Record<string, unknown>> {
  registrations += 1;
  return {
    "account.register": { name: "New Person", email: `newperson${registrations}@example.com`, password: OTHER_STRONG_PASSWORD },
    "account.changePassword": { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD },
    "notebooks.get": { id: f.notebookId },
    "notebooks.deletionImpact": { id: f.notebookId },
    "notebooks.create": { name: "A new notebook", description: "Rates and small caps" },
    "notebooks.rename": { id: f.notebookId, name: "Renamed notebook" },
    "notebooks.remove": { id: f.notebookId, confirmName: f.notebookName },
    "notebooks.members.list": { id: f.notebookId },
    "notebooks.members.add": { notebookId: f.notebookId, email: f.outsider.email, role: "editor" },
    "notebooks.members.changeRole": { notebookId: f.notebookId, userId: f.member.id, role: "editor" },
    "notebooks.members.remove": { notebookId: f.notebookId, userId: f.member.id },
    "notes.list": { notebookId: f.notebookId },
    "notes.get": { id: f.noteId },
  };
}

/** Fields that may be left out on purpose (they have defaults, or widen the scope). */
export const OPTIONAL_FIELDS: Record<string, string[]> = { "notebooks.create": ["description"], "notes.list": ["notebookId"] };

/** Fields where an empty string is a valid value. */
export const EMPTY_OK_FIELDS: Record<string, string[]> = { "notebooks.create": ["description"] };

/** Fields that name a notebook, note or user by id. */
export const ID_FIELDS = ["id", "notebookId", "userId"] as const;

/** A well-formed id that no row has. */
export const MISSING_ID = "nosuchid00000000";
