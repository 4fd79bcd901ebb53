// Notebook fixtures (one viewer, or a whole team) and a valid sample input for every procedure that takes one.
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, noteRevisions } from "@/db/schema";
import { addMember, createNotebook } from "@/server/services/notebooks";
import { createNote } from "@/server/services/notes";
import type { SessionUser } from "@/server/trpc/init";
import { makeUser, OTHER_STRONG_PASSWORD, STRONG_PASSWORD } from "./helpers";

export type Fixture = {
  owner: SessionUser;
  member: SessionUser;
  outsider: SessionUser;
  notebookId: string;
  notebookName: string;
  noteId: string;
  revisionId: number;
};

/** An owner's notebook with one viewer and one note (tagged "macro"), plus a registered user who is not a member. */
export async function makeFixture(label = "fx"): Promise<Fixture> {
  const owner = await makeUser(`${label}owner`);
  const member = await makeUser(`${label}member`);
  const outsider = await makeUser(`${label}outsider`);
  const notebookName = `Notebook of ${owner.name}`;
  const { id: notebookId } = createNotebook(owner, { name: notebookName, description: "" });
  addMember(owner, { notebookId, email: member.email, role: "viewer" });
  const { id: noteId } = createNote(owner, { notebookId, title: "First note", body: "Small caps led in January.", tags: ["macro"] });
  const revision = getDb().select({ id: noteRevisions.id }).from(noteRevisions).where(eq(noteRevisions.noteId, noteId)).get();
  return { owner, member, outsider, notebookId, notebookName, noteId, revisionId: revision!.id };
}

export type Team = { owner: SessionUser; editor: SessionUser; viewer: SessionUser; stranger: SessionUser; notebookId: string };

/** A notebook with an owner, an editor and a viewer, plus a registered stranger. */
export async function makeTeam(label = "team"): Promise<Team> {
  const [owner, editor, viewer, stranger] = [await makeUser(`${label}owner`), await makeUser(`${label}editor`), await makeUser(`${label}viewer`), await makeUser(`${label}stranger`)];
  const { id: notebookId } = createNotebook(owner, { name: `Notebook of ${owner.name}`, description: "" });
  addMember(owner, { notebookId, email: editor.email, role: "editor" });
  addMember(owner, { notebookId, email: viewer.email, role: "viewer" });
  return { owner, editor, viewer, stranger, notebookId };
}

/** The audit events about one target, oldest first, as [action, data]. */
export function eventsAbout(targetId: string): Array<[string, unknown]> {
  return getDb()
    .select({ action: events.action, data: events.data })
    .from(events)
    .where(eq(events.targetId, targetId))
    .orderBy(asc(events.id))
    .all()
    .map((e) => [e.action, e.data]);
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
    "notes.create": { notebookId: f.notebookId, title: "A new note", body: "Rates first.", tags: ["rates"] },
    "notes.update": { id: f.noteId, baseVersion: 1, title: "First note, revised" },
    "notes.remove": { id: f.noteId },
    "notes.restore": { id: f.noteId },
    "notes.trash": { notebookId: f.notebookId },
    "notes.emptyTrash": { notebookId: f.notebookId },
    "notes.revisions.list": { id: f.noteId },
    "notes.revisions.get": { noteId: f.noteId, revisionId: f.revisionId },
    "notes.revisions.checkpoint": { id: f.noteId },
    "notes.revisions.restore": { noteId: f.noteId, revisionId: f.revisionId },
    "notes.tags.list": { notebookId: f.notebookId },
    "notes.tags.set": { id: f.noteId, tags: ["macro", "small-caps"] },
    "notes.tags.rename": { notebookId: f.notebookId, from: "macro", to: "macro-2026" },
    "search.query": { q: "small caps", notebookId: f.notebookId, tag: "macro", limit: 10 },
  };
}

/** Fields that may be left out on purpose (they have defaults, or widen the scope). */
export const OPTIONAL_FIELDS: Record<string, string[]> = {
  "notebooks.create": ["description"],
  "notes.list": ["notebookId"],
  "notes.create": ["body", "tags"],
  "search.query": ["notebookId", "tag", "limit"],
};

/** Fields where an empty string is a valid value. */
export const EMPTY_OK_FIELDS: Record<string, string[]> = { "notebooks.create": ["description"], "notes.create": ["body"], "search.query": ["q"] };

/**
 * Fields of the right kind for some generic malformed values: a number for a version, revision id or limit,
 * a list for tags, any string up to 200,000 characters for a body. The generic value is skipped where
 * the predicate holds, and the field's own bad values are tried instead.
 */
export const WELL_TYPED_FIELDS: Record<string, Record<string, { accepts: (value: unknown) => boolean; bad: unknown[] }>> = (() => {
  const version = { accepts: (v: unknown) => typeof v === "number", bad: [0, -1, 1.5, "2", Number.NaN] };
  const tags = { accepts: (v: unknown) => Array.isArray(v), bad: [[""], ["has space"], ["-lead"], [12], ["t".repeat(41)], Array.from({ length: 21 }, (_, i) => `t${i}`)] };
  const body = { accepts: (v: unknown) => typeof v === "string", bad: ["x".repeat(200_001)] };
  return {
    "notes.create": { body, tags },
    "notes.update": { baseVersion: version },
    "notes.revisions.get": { revisionId: version },
    "notes.revisions.restore": { revisionId: version },
    "notes.tags.set": { tags },
    "search.query": { limit: { accepts: (v: unknown) => typeof v === "number", bad: [0, 51, 1.5] } },
  };
})();

/** Fields that name a notebook, note or user by id. */
export const ID_FIELDS = ["id", "notebookId", "noteId", "userId"] as const;

/** A well-formed id that no row has. */
export const MISSING_ID = "nosuchid00000000";
