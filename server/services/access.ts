// The one place that decides who may read or change what; every service calls it first.
import { and, eq, sql } from "drizzle-orm";
import { memberships, notes, type Role } from "@/db/schema";
import { forbidden, notFound } from "./errors";
import { prepared } from "./prepared";

export type Actor = { id: string };

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** What each action on a notebook needs, at least. */
export const NOTEBOOK_ACTIONS = {
  read: "viewer",
  write: "editor",
  rename: "editor",
  manageMembers: "owner",
  remove: "owner",
} as const satisfies Record<string, Role>;

export type NotebookAction = keyof typeof NOTEBOOK_ACTIONS;

/** The actor's role in the notebook, or null when they are not a member (or it does not exist). */
export function roleIn(actor: Actor, notebookId: string): Role | null {
  return roleQuery().get({ notebookId, userId: actor.id })?.role ?? null;
}

const roleQuery = prepared((db) =>
  db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.notebookId, sql.placeholder("notebookId")), eq(memberships.userId, sql.placeholder("userId"))))
    .prepare(),
);

/** True when the role is enough for the action. */
export function roleAllows(role: Role | null, action: NotebookAction): boolean {
  return role !== null && RANK[role] >= RANK[NOTEBOOK_ACTIONS[action]];
}

/**
 * Throws unless the actor may do the action in the notebook. A non-member gets NOT_FOUND, the same
 * as for a notebook that does not exist, so ids reveal nothing; a member without the role gets FORBIDDEN.
 */
export function assertNotebookAccess(actor: Actor, notebookId: string, action: NotebookAction): Role {
  const role = roleIn(actor, notebookId);
  if (role === null) throw notFound("notebook");
  if (!roleAllows(role, action)) {
    throw forbidden(`Your role in this notebook (${role}) does not allow this; ask an owner${action === "manageMembers" || action === "remove" ? "" : " or an editor"}.`);
  }
  return role;
}

/**
 * Throws unless the actor may do the action on the note (through its notebook). A note in a
 * notebook the actor cannot see answers NOT_FOUND, exactly like a note that does not exist.
 */
export function assertNoteAccess(actor: Actor, noteId: string, action: NotebookAction): { notebookId: string; deletedAt: Date | null } {
  const row = noteNotebookQuery().get({ noteId });
  if (!row || roleIn(actor, row.notebookId) === null) throw notFound("note");
  assertNotebookAccess(actor, row.notebookId, action);
  return row;
}

const noteNotebookQuery = prepared((db) =>
  db
    .select({ notebookId: notes.notebookId, deletedAt: notes.deletedAt })
    .from(notes)
    .where(eq(notes.id, sql.placeholder("noteId")))
    .prepare(),
);
