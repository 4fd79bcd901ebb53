// The audit trail: notebook and member changes each write an event naming the actor, in the same transaction.
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { events } from "@/db/schema";
import type { SessionUser } from "@/server/trpc/init";
import { makeUser, trpcError } from "@/test/helpers";
import { recordEvent } from "./audit";
import { addMember, changeMemberRole, createNotebook, removeMember, removeNotebook, renameNotebook } from "./notebooks";

let owner: SessionUser;
let other: SessionUser;

beforeEach(async () => {
  owner = await makeUser("auditowner");
  other = await makeUser("auditother");
});

async function eventsFor(notebookId: string) {
  return await getDb()
    .select({ actorId: events.actorId, action: events.action, targetType: events.targetType, targetId: events.targetId, data: events.data })
    .from(events)
    .where(eq(events.notebookId, notebookId))
    .orderBy(asc(events.id));
}

describe("audit events", () => {
  it("records create, rename and delete of a notebook with the actor", async () => {
    const { id } = await createNotebook(owner, { name: "Audit me" });
    await renameNotebook(owner, { id, name: "Audited" });
    await removeNotebook(owner, { id, confirmName: "Audited" });
    expect(await eventsFor(id)).toEqual([
      { actorId: owner.id, action: "notebook.created", targetType: "notebook", targetId: id, data: { name: "Audit me" } },
      { actorId: owner.id, action: "notebook.renamed", targetType: "notebook", targetId: id, data: { from: "Audit me", to: "Audited" } },
      { actorId: owner.id, action: "notebook.deleted", targetType: "notebook", targetId: id, data: { name: "Audited" } },
    ]);
  });

  it("records member added, role changed and removed with the actor", async () => {
    const { id } = await createNotebook(owner, { name: "Members" });
    await addMember(owner, { notebookId: id, email: other.email, role: "viewer" });
    await changeMemberRole(owner, { notebookId: id, userId: other.id, role: "editor" });
    await removeMember(owner, { notebookId: id, userId: other.id });
    expect((await eventsFor(id)).slice(1)).toEqual([
      { actorId: owner.id, action: "member.added", targetType: "membership", targetId: other.id, data: { role: "viewer" } },
      { actorId: owner.id, action: "member.role_changed", targetType: "membership", targetId: other.id, data: { from: "viewer", to: "editor" } },
      { actorId: owner.id, action: "member.removed", targetType: "membership", targetId: other.id, data: { role: "editor" } },
    ]);
  });

  it("names the editor, not the owner, when an editor renames", async () => {
    const { id } = await createNotebook(owner, { name: "Shared" });
    await addMember(owner, { notebookId: id, email: other.email, role: "editor" });
    await renameNotebook(other, { id, name: "Shared and renamed" });
    expect((await eventsFor(id)).at(-1)).toMatchObject({ actorId: other.id, action: "notebook.renamed" });
  });

  it("writes no event when the change is refused", async () => {
    const { id } = await createNotebook(owner, { name: "Refusals" });
    await addMember(owner, { notebookId: id, email: other.email, role: "viewer" });
    const before = (await eventsFor(id)).length;
    await trpcError(() => renameNotebook(other, { id, name: "Nope" }));
    await trpcError(() => changeMemberRole(owner, { notebookId: id, userId: owner.id, role: "viewer" }));
    await trpcError(() => removeMember(owner, { notebookId: id, userId: owner.id }));
    await trpcError(() => removeNotebook(owner, { id, confirmName: "wrong" }));
    expect(await eventsFor(id)).toHaveLength(before);
  });

  it("records account events against the user", async () => {
    const rows = await getDb().select().from(events).where(eq(events.targetId, owner.id));
    expect(rows.map((r) => [r.actorId, r.action, r.targetType])).toEqual([[owner.id, "user.registered", "user"]]);
  });

  it("rolls the event back with the change when the transaction fails", async () => {
    const count = async () => (await getDb().select().from(events)).length;
    const before = await count();
    await expect(
      transaction(async (tx) => {
        await recordEvent(tx, { actorId: owner.id, action: "test.event", targetType: "user", targetId: owner.id });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await count()).toBe(before);
  });
});
