// The one place that decides who may read or change what; every service calls it first.
import { and, eq, getTableName, inArray, sql, type Column, type Placeholder, type SQL } from "drizzle-orm";
import { getDb, prepared } from "@/db/client";
import { memberships, notes, type Role } from "@/db/schema";
import { forbidden, notFound } from "./errors";

export type Actor = { id: string };
/** An actor, or a placeholder for one in a prepared statement. */
export type ActorRef = Actor | { id: Placeholder };

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** What each action on a notebook needs, at least. */
export const NOTEBOOK_ACTIONS = {
  read: "viewer",
  write: "editor",
  rename: "editor",
  share: "editor",
  overseeShares: "owner",
  manageMembers: "owner",
  remove: "owner",
} as const satisfies Record<string, Role>;

export type NotebookAction = keyof typeof NOTEBOOK_ACTIONS;

/** The actor's role in the notebook, or null when they are not a member (or it does not exist). */
export async function roleIn(actor: Actor, notebookId: string): Promise<Role | null> {
  const [row] = await roleQuery().execute({ notebookId, userId: actor.id });
  return row?.role ?? null;
}

const roleQuery = prepared("access_role", (db) =>
  db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.notebookId, sql.placeholder("notebookId")), eq(memberships.userId, sql.placeholder("userId")))),
);

/** True when the role is enough for the action. */
export function roleAllows(role: Role | null, action: NotebookAction): boolean {
  return role !== null && RANK[role] >= RANK[NOTEBOOK_ACTIONS[action]];
}

/**
 * Throws unless the actor may do the action in the notebook. A non-member gets NOT_FOUND, the same
 * as for a notebook that does not exist, so ids reveal nothing; a member without the role gets FORBIDDEN.
 */
export async function assertNotebookAccess(actor: Actor, notebookId: string, action: NotebookAction): Promise<Role> {
  const role = await roleIn(actor, notebookId);
  if (role === null) throw notFound("notebook");
  return assertRoleAllows(role, action);
}

/**
 * For a row that lives in a notebook (a note, chart, question, series, link): throws `missing()` when there is no row
 * (`notebookId` undefined) or the actor is not a member of its notebook, so ids reveal nothing, and FORBIDDEN when
 * their role is not enough. One membership read.
 */
export async function assertAccessToRowIn(actor: Actor, notebookId: string | undefined, action: NotebookAction, missing: () => Error): Promise<Role> {
  const role = notebookId === undefined ? null : await roleIn(actor, notebookId);
  if (role === null) throw missing();
  return assertRoleAllows(role, action);
}

/** Throws FORBIDDEN unless a member's role is enough for the action. */
function assertRoleAllows(role: Role, action: NotebookAction): Role {
  if (!roleAllows(role, action)) {
    throw forbidden(`Your role in this notebook (${role}) does not allow this; ask an owner${action === "manageMembers" || action === "remove" ? "" : " or an editor"}.`);
  }
  return role;
}

/**
 * Throws unless the actor may do the action on the note (through its notebook). A note in a
 * notebook the actor cannot see answers NOT_FOUND, exactly like a note that does not exist.
 */
export async function assertNoteAccess(actor: Actor, noteId: string, action: NotebookAction): Promise<{ notebookId: string; deletedAt: Date | null }> {
  const [row] = await noteWithRoleQuery().execute({ noteId, userId: actor.id });
  if (!row || row.role === null) throw notFound("note");
  assertRoleAllows(row.role, action);
  return { notebookId: row.notebookId, deletedAt: row.deletedAt };
}

/** The actor's role in the notebook in `notebookColumn` (null for a non-member), as a column of a query; `actor` may be a placeholder. */
export function roleColumn(notebookColumn: Column, actor: ActorRef): SQL<Role | null> {
  const m = sql`${memberships}`;
  return sql<Role | null>`(select ${m}.role from ${m} where ${m}.notebook_id = ${qualified(notebookColumn)} and ${m}.user_id = ${actor.id})`;
}

/**
 * For a row read with the actor's role (`roleColumn`): throws `missing()` when there is no row or no role (a non-member,
 * so ids reveal nothing), FORBIDDEN when the role is not enough; else returns the row. The check of assertNoteAccess
 * for a service that reads the row it needs and the role in one statement.
 */
export function assertRowRole<R extends { role: Role | null }>(row: R | undefined, action: NotebookAction, missing: () => Error): R & { role: Role } {
  if (!row || row.role === null) throw missing();
  assertRoleAllows(row.role, action);
  return row as R & { role: Role };
}

// The note and the actor's role in its notebook in one read.
const noteWithRoleQuery = prepared("access_note_role", (db) =>
  db
    .select({ notebookId: notes.notebookId, deletedAt: notes.deletedAt, role: memberships.role })
    .from(notes)
    .leftJoin(memberships, and(eq(memberships.notebookId, notes.notebookId), eq(memberships.userId, sql.placeholder("userId"))))
    .where(eq(notes.id, sql.placeholder("noteId"))),
);

/** The ids of the notebooks the actor may read (every notebook they belong to), as a subquery. */
export function readableNotebookIds(actor: ActorRef) {
  return getDb().select({ id: memberships.notebookId }).from(memberships).where(eq(memberships.userId, actor.id));
}

/** The ids of the notebooks where the actor's role allows the action, as a subquery. */
export function notebookIdsAllowing(actor: ActorRef, action: NotebookAction) {
  return getDb()
    .select({ id: memberships.notebookId })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.id), inArray(memberships.role, rolesAllowing(action))));
}

/** A condition: the notebook in `column` is one the actor may read. Every list across notebooks filters with it. */
export function readableBy(column: Column, actor: ActorRef): SQL {
  return inArray(column, readableNotebookIds(actor));
}

/** The actor's role in every notebook they belong to. */
export async function rolesByNotebook(actor: Actor): Promise<Map<string, Role>> {
  const rows = await getDb().select({ notebookId: memberships.notebookId, role: memberships.role }).from(memberships).where(eq(memberships.userId, actor.id));
  return new Map(rows.map((m) => [m.notebookId, m.role]));
}

/** A column named with its table, so that it means the outer query's column inside a subquery (Drizzle leaves the table out of single-table queries). */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** The roles that allow the action. */
export function rolesAllowing(action: NotebookAction): Role[] {
  return (Object.keys(RANK) as Role[]).filter((role) => roleAllows(role, action));
}

/** A condition: the user in `userColumn` may, today, do the action in the notebook in `notebookColumn`. */
export function userMay(userColumn: Column, notebookColumn: Column, action: NotebookAction): SQL {
  const m = sql`${memberships}`;
  const roles = sql.join(rolesAllowing(action).map((role) => sql`${role}`), sql`, `);
  return sql`exists (select 1 from ${m} where ${m}.notebook_id = ${qualified(notebookColumn)} and ${m}.user_id = ${qualified(userColumn)} and ${m}.role in (${roles}))`;
}
