// Notebooks and their members: reads and writes, each checked by the access module first.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb, readsSeeOnlyCommitted, stateStamp, transaction, type Db, prepared } from "@/db/client";
import { memberships, notebooks, notes, users, type Role } from "@/db/schema";
import { newId } from "@/lib/ids";
import { assertNotebookAccess, qualified, type Actor } from "./access";
import { recordEvent } from "./audit";
import { changedAtOf } from "./notebook-changes";
import { StampedCache, stampOf } from "./read-stamp";
import { DomainError, badRequest, conflict, notFound } from "./errors";

export type NotebookSummary = {
  id: string;
  name: string;
  description: string;
  role: Role;
  noteCount: number;
  memberCount: number;
  /** Days after which a member's forecast on an open question earns a reminder in their inbox (0: none). */
  reminderDays: number;
  updatedAt: Date;
};

const noteCount = sql<number>`(select count(*) from ${notes} n2 where n2.notebook_id = ${qualified(notebooks.id)} and n2.deleted_at is null)`.mapWith(Number);
const memberCount = sql<number>`(select count(*) from ${memberships} m2 where m2.notebook_id = ${qualified(notebooks.id)})`.mapWith(Number);

// From the caller's memberships, so the role comes with the join rather than from a subquery per notebook.
const listQuery = prepared("notebooks_list", (db: Db) =>
  db
    .select({
      id: notebooks.id,
      name: notebooks.name,
      description: notebooks.description,
      role: memberships.role,
      noteCount,
      memberCount,
      reminderDays: notebooks.reminderDays,
      updatedAt: changedAtOf,
      stamp: stateStamp(),
    })
    .from(memberships)
    .innerJoin(notebooks, eq(notebooks.id, memberships.notebookId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .orderBy(desc(changedAtOf), asc(notebooks.name)),
);

// The list as last read for each user, with the database state it was read under (read-stamp.ts).
const listed = new StampedCache<NotebookSummary[]>();

/**
 * The notebooks the actor belongs to, most recently changed first (a prepared statement: it is on every page). When the
 * actor's session check saw the same database state as the last read of their list (nothing committed since), that
 * list is the answer, without a read.
 */
export async function listNotebooks(actor: Actor): Promise<NotebookSummary[]> {
  const kept = listed.get(actor.id, stampOf(actor));
  if (kept) return kept;
  const committedOnly = readsSeeOnlyCommitted();
  const rows = await listQuery().execute({ userId: actor.id });
  const list = rows.map(({ stamp: _stamp, ...row }) => row);
  if (rows.length > 0) listed.set(actor.id, rows[0]!.stamp, list, committedOnly);
  return list;
}

/** One notebook the actor may read, with their role and counts. */
export async function getNotebook(actor: Actor, id: string): Promise<NotebookSummary> {
  await assertNotebookAccess(actor, id, "read");
  const row = (await listNotebooks(actor)).find((n) => n.id === id);
  if (!row) throw notFound("notebook");
  return row;
}

/** Creates a notebook with the actor as its owner. */
export async function createNotebook(actor: Actor, input: { name: string; description?: string }): Promise<{ id: string }> {
  const id = newId();
  await transaction(async (tx) => {
    await tx.insert(notebooks).values({ id, name: input.name, description: input.description ?? "", createdBy: actor.id });
    await tx.insert(memberships).values({ notebookId: id, userId: actor.id, role: "owner" });
    await recordEvent(tx, { actorId: actor.id, action: "notebook.created", targetType: "notebook", targetId: id, notebookId: id, data: { name: input.name } });
  });
  return { id };
}

/** Renames a notebook; editors and owners may. */
export async function renameNotebook(actor: Actor, input: { id: string; name: string }): Promise<{ id: string; name: string }> {
  await assertNotebookAccess(actor, input.id, "rename");
  await transaction(async (tx) => {
    const [before] = await tx.select({ name: notebooks.name }).from(notebooks).where(eq(notebooks.id, input.id));
    await tx.update(notebooks).set({ name: input.name, updatedAt: new Date() }).where(eq(notebooks.id, input.id));
    await recordEvent(tx, {
      actorId: actor.id,
      action: "notebook.renamed",
      targetType: "notebook",
      targetId: input.id,
      notebookId: input.id,
      data: { from: before?.name, to: input.name },
    });
  });
  return { id: input.id, name: input.name };
}

/** Sets how old a member's forecast may grow before their inbox reminds them to look again (0 turns reminders off); editors and owners may. */
export async function setNotebookReminderDays(actor: Actor, input: { id: string; days: number }): Promise<{ id: string; reminderDays: number }> {
  await assertNotebookAccess(actor, input.id, "rename");
  await transaction(async (tx) => {
    const [before] = await tx.select({ days: notebooks.reminderDays }).from(notebooks).where(eq(notebooks.id, input.id));
    await tx.update(notebooks).set({ reminderDays: input.days }).where(eq(notebooks.id, input.id));
    await recordEvent(tx, { actorId: actor.id, action: "notebook.reminders", targetType: "notebook", targetId: input.id, notebookId: input.id, data: { from: before?.days, to: input.days } });
  });
  return { id: input.id, reminderDays: input.days };
}

/** What deleting a notebook would lose, for the confirmation dialog. Owners only. */
export async function notebookDeletionImpact(actor: Actor, id: string): Promise<{ name: string; notes: number; members: number }> {
  await assertNotebookAccess(actor, id, "remove");
  const nb = await getNotebook(actor, id);
  return { name: nb.name, notes: nb.noteCount, members: nb.memberCount };
}

/** Deletes a notebook and everything in it; the owner must type its name to confirm. */
export async function removeNotebook(actor: Actor, input: { id: string; confirmName: string }): Promise<{ id: string }> {
  await assertNotebookAccess(actor, input.id, "remove");
  const db = getDb();
  const [nb] = await db.select({ name: notebooks.name }).from(notebooks).where(eq(notebooks.id, input.id));
  if (!nb) throw notFound("notebook");
  if (input.confirmName.trim() !== nb.name) {
    throw badRequest(`Type the notebook's name, "${nb.name}", to confirm.`);
  }
  await transaction(async (tx) => {
    await tx.delete(notebooks).where(eq(notebooks.id, input.id));
    await recordEvent(tx, { actorId: actor.id, action: "notebook.deleted", targetType: "notebook", targetId: input.id, notebookId: input.id, data: { name: nb.name } });
  });
  return { id: input.id };
}

export type Member = { userId: string; email: string; name: string; role: Role; addedAt: Date };

/** The members of a notebook; any member may see who else is in it. */
export async function listMembers(actor: Actor, notebookId: string): Promise<Member[]> {
  await assertNotebookAccess(actor, notebookId, "read");
  return await getDb()
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, addedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.notebookId, notebookId))
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'editor' then 1 else 2 end`, asc(users.name));
}

async function ownerCount(tx: Pick<ReturnType<typeof getDb>, "select">, notebookId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.notebookId, notebookId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

/** Adds an existing user, by email, with a role. Owners only. */
export async function addMember(actor: Actor, input: { notebookId: string; email: string; role: Role }): Promise<Member> {
  await assertNotebookAccess(actor, input.notebookId, "manageMembers");
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.email, input.email.trim().toLowerCase()));
  if (!user) {
    throw new DomainError("NOT_FOUND", "No Quire account uses that email. Ask them to register first, then add them.");
  }
  const [existing] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.notebookId, input.notebookId), eq(memberships.userId, user.id)));
  if (existing) throw conflict(`${user.email} is already a member (${existing.role}).`);
  const addedAt = new Date();
  await transaction(async (tx) => {
    await tx.insert(memberships).values({ notebookId: input.notebookId, userId: user.id, role: input.role, createdAt: addedAt });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "member.added",
      targetType: "membership",
      targetId: user.id,
      notebookId: input.notebookId,
      data: { role: input.role },
    });
  });
  return { userId: user.id, email: user.email, name: user.name, role: input.role, addedAt };
}

async function assertMember(notebookId: string, userId: string): Promise<Role> {
  const [row] = await getDb()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.notebookId, notebookId), eq(memberships.userId, userId)));
  if (!row) throw new DomainError("NOT_FOUND", "That person is not a member of this notebook.");
  return row.role;
}

/** Changes a member's role; a notebook always keeps at least one owner. Owners only. */
export async function changeMemberRole(actor: Actor, input: { notebookId: string; userId: string; role: Role }): Promise<{ userId: string; role: Role }> {
  await assertNotebookAccess(actor, input.notebookId, "manageMembers");
  await transaction(async (tx) => {
    const before = await assertMember(input.notebookId, input.userId);
    if (before === "owner" && input.role !== "owner" && (await ownerCount(tx, input.notebookId)) <= 1) {
      throw badRequest("A notebook needs at least one owner: make someone else an owner first.");
    }
    await tx.update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.notebookId, input.notebookId), eq(memberships.userId, input.userId)));
    await recordEvent(tx, {
      actorId: actor.id,
      action: "member.role_changed",
      targetType: "membership",
      targetId: input.userId,
      notebookId: input.notebookId,
      data: { from: before, to: input.role },
    });
  });
  return { userId: input.userId, role: input.role };
}

/** Removes a member; the last owner cannot be removed. Owners only. */
export async function removeMember(actor: Actor, input: { notebookId: string; userId: string }): Promise<{ userId: string }> {
  await assertNotebookAccess(actor, input.notebookId, "manageMembers");
  await transaction(async (tx) => {
    const before = await assertMember(input.notebookId, input.userId);
    if (before === "owner" && (await ownerCount(tx, input.notebookId)) <= 1) {
      throw badRequest("A notebook needs at least one owner: make someone else an owner first.");
    }
    await tx.delete(memberships)
      .where(and(eq(memberships.notebookId, input.notebookId), eq(memberships.userId, input.userId)));
    await recordEvent(tx, { actorId: actor.id, action: "member.removed", targetType: "membership", targetId: input.userId, notebookId: input.notebookId, data: { role: before } });
  });
  return { userId: input.userId };
}

/** Shows or hides the actor's own name on the notebook's leaderboard (others then see "A member"). Any member, for themselves. */
export async function setLeaderboardHidden(actor: Actor, input: { notebookId: string; hidden: boolean }): Promise<{ notebookId: string; hidden: boolean }> {
  await assertNotebookAccess(actor, input.notebookId, "read");
  await transaction(async (tx) => {
    await tx.update(memberships)
      .set({ leaderboardHidden: input.hidden })
      .where(and(eq(memberships.notebookId, input.notebookId), eq(memberships.userId, actor.id)));
    await recordEvent(tx, { actorId: actor.id, action: "member.leaderboard_hidden", targetType: "membership", targetId: actor.id, notebookId: input.notebookId, data: { hidden: input.hidden } });
  });
  return { notebookId: input.notebookId, hidden: input.hidden };
}

export type LeaderboardMember = { userId: string; name: string; hidden: boolean };

/** The notebook's members with their names and whether each hides it on the leaderboard, for a member of it. */
export async function leaderboardMembers(actor: Actor, notebookId: string): Promise<LeaderboardMember[]> {
  await assertNotebookAccess(actor, notebookId, "read");
  return await getDb()
    .select({ userId: users.id, name: users.name, hidden: memberships.leaderboardHidden })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.notebookId, notebookId))
    .orderBy(asc(users.name));
}
