// The audit trail: notebook and member changes each write an event naming the actor, in the same transaction.
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
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

function eventsFor(notebookId: string) {
  return getDb()
    .select({ actorId: events.actorId, action: events.action, targetType: events.targetType, targetId: events.targetId, data: events.data })
    .from(events)
    .where(eq(events.notebookId, notebookId))
    .orderBy(asc(events.id))
    .all();
}

describe("audit events", () => {
  it("records create, rename and delete of a notebook with the actor", () => {
    const { id } = createNotebook(owner, { name: "Audit me" });
    renameNotebook(owner, { id, name: "Audited" });
    removeNotebook(owner, { id, confirmName: "Audited" });
    expect(eventsFor(id)).toEqual([
      { actorId: owner.id, action: "notebook.created", targetType: "notebook", targetId: id, data: { name: "Audit me" } },
      { actorId: owner.id, action: "notebook.renamed", targetType: "notebook", targetId: id, data: { from: "Audit me", to: "Audited" } },
      { actorId: owner.id, action: "notebook.deleted", targetType: "notebook", targetId: id, data: { name: "Audited" } },
    ]);
  });

  it("records member added, role changed and removed with the actor", () => {
    const { id } = createNotebook(owner, { name: "Members" });
    addMember(owner, { notebookId: id, email: other.email, role: "viewer" });
    changeMemberRole(owner, { notebookId: id, userId: other.id, role: "editor" });
    removeMember(owner, { notebookId: id, userId: other.id });
    expect(eventsFor(id).slice(1)).toEqual([
      { actorId: owner.id, action: "member.added", targetType: "membership", targetId: other.id, data: { role: "viewer" } },
      { actorId: owner.id, action: "member.role_changed", targetType: "membership", targetId: other.id, data: { from: "viewer", to: "editor" } },
      { actorId: owner.id, action: "member.removed", targetType: "membership", targetId: other.id, data: { role: "editor" } },
    ]);
  });

  it("names the editor, not the owner, when an editor renames", () => {
    const { id } = createNotebook(owner, { name: "Shared" });
    addMember(owner, { notebookId: id, email: other.email, role: "editor" });
    renameNotebook(other, { id, name: "Shared and renamed" });
    expect(eventsFor(id).at(-1)).toMatchObject({ actorId: other.id, action: "notebook.renamed" });
  });

  it("writes no event when the change is refused", async () => {
    const { id } = createNotebook(owner, { name: "Refusals" });
    addMember(owner, { notebookId: id, email: other.email, role: "viewer" });
    const before = eventsFor(id).length;
    await trpcError(() => renameNotebook(other, { id, name: "Nope" }));
    await trpcError(() => changeMemberRole(owner, { notebookId: id, userId: owner.id, role: "viewer" }));
    await trpcError(() => removeMember(owner, { notebookId: id, userId: owner.id }));
    await trpcError(() => removeNotebook(owner, { id, confirmName: "wrong" }));
    expect(eventsFor(id)).toHaveLength(before);
  });

  it("records account events against the user", async () => {
    const rows = getDb().select().from(events).where(eq(events.targetId, owner.id)).all();
    expect(rows.map((r) => [r.actorId, r.action, r.targetType])).toEqual([[owner.id, "user.registered", "user"]]);
  });

  it("rolls the event back with the change when the transaction fails", () => {
    const db = getDb();
    const count = () => db.select().from(events).all().length;
    const before = count();
    expect(() =>
      db.transaction((tx) => {
        recordEvent(tx, { actorId: owner.id, action: "test.event", targetType: "user", targetId: owner.id });
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(count()).toBe(before);
  });
});
