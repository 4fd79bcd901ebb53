// Notebooks service: lists with role and counts, deletion impact, cascade on delete, membership edge cases.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, memberships, notebooks, notes } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { SessionUser } from "@/server/trpc/init";
import { makeUser, trpcError } from "@/test/helpers";
import {
  addMember,
  changeMemberRole,
  createNotebook,
  getNotebook,
  listMembers,
  listNotebooks,
  notebookDeletionImpact,
  removeMember,
  removeNotebook,
  renameNotebook,
} from "./notebooks";

let alice: SessionUser;
let bob: SessionUser;

beforeEach(async () => {
  alice = await makeUser("alice");
  bob = await makeUser("bob");
});

async function addNote(notebookId: string, deleted = false) {
  await getDb()
    .insert(notes)
    .values({ id: newId(), notebookId, title: "n", body: "", createdBy: alice.id, deletedAt: deleted ? new Date() : null });
}

describe("createNotebook and listNotebooks", () => {
  it("makes the creator the only owner and lists it with counts of live notes and members", async () => {
    const { id } = await createNotebook(alice, { name: "Small caps", description: "Russell 2000" });
    await addNote(id);
    await addNote(id);
    await addNote(id, true);
    await addMember(alice, { notebookId: id, email: bob.email, role: "viewer" });
    expect(await listNotebooks(alice)).toEqual([
      { id, name: "Small caps", description: "Russell 2000", role: "owner", noteCount: 2, memberCount: 2, reminderDays: 30, updatedAt: expect.any(Date) },
    ]);
    expect(await listNotebooks(bob)).toEqual([expect.objectContaining({ id, role: "viewer", noteCount: 2 })]);
    expect(await getNotebook(bob, id)).toEqual((await listNotebooks(bob))[0]);
  });

  it("lists only the actor's notebooks, most recently changed first", async () => {
    const a = await createNotebook(alice, { name: "Older" });
    await createNotebook(bob, { name: "Bob's" });
    await new Promise((r) => setTimeout(r, 5));
    const b = await createNotebook(alice, { name: "Newer" });
    expect((await listNotebooks(alice)).map((n) => n.id)).toEqual([b.id, a.id]);
    await new Promise((r) => setTimeout(r, 5));
    await renameNotebook(alice, { id: a.id, name: "Older, renamed" });
    expect((await listNotebooks(alice)).map((n) => n.id)).toEqual([a.id, b.id]);
  });

  it("defaults the description to empty", async () => {
    const { id } = await createNotebook(alice, { name: "No description" });
    expect((await getNotebook(alice, id)).description).toBe("");
  });
});

describe("removeNotebook", () => {
  it("reports the impact, then removes notes and memberships with it but keeps the audit trail", async () => {
    const { id } = await createNotebook(alice, { name: "Doomed" });
    await addNote(id);
    await addMember(alice, { notebookId: id, email: bob.email, role: "editor" });
    expect(await notebookDeletionImpact(alice, id)).toEqual({ name: "Doomed", notes: 1, members: 2 });
    await removeNotebook(alice, { id, confirmName: "Doomed" });
    const db = getDb();
    expect(await db.select().from(notebooks).where(eq(notebooks.id, id))).toEqual([]);
    expect(await db.select().from(notes).where(eq(notes.notebookId, id))).toEqual([]);
    expect(await db.select().from(memberships).where(eq(memberships.notebookId, id))).toEqual([]);
    expect((await db.select().from(events).where(eq(events.notebookId, id))).length).toBeGreaterThanOrEqual(3);
  });

  it("refuses a wrong confirmation and keeps everything", async () => {
    const { id } = await createNotebook(alice, { name: "Keep me" });
    await addNote(id);
    const error = await trpcError(() => removeNotebook(alice, { id, confirmName: "Keep" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await getNotebook(alice, id)).toMatchObject({ name: "Keep me", noteCount: 1 });
  });
});

describe("members", () => {
  it("adds by email in any case, and refuses a duplicate or an unknown email", async () => {
    const { id } = await createNotebook(alice, { name: "Team" });
    expect(await addMember(alice, { notebookId: id, email: `  ${bob.email.toUpperCase()} `, role: "editor" })).toMatchObject({
      userId: bob.id,
      email: bob.email,
      role: "editor",
    });
    expect((await trpcError(() => addMember(alice, { notebookId: id, email: bob.email, role: "viewer" }))).code).toBe("CONFLICT");
    expect((await trpcError(() => addMember(alice, { notebookId: id, email: "ghost@example.com", role: "viewer" }))).code).toBe("NOT_FOUND");
    expect((await listMembers(bob, id)).map((m) => m.role)).toEqual(["owner", "editor"]);
  });

  it("keeps at least one owner among several", async () => {
    const { id } = await createNotebook(alice, { name: "Two owners" });
    await addMember(alice, { notebookId: id, email: bob.email, role: "owner" });
    await changeMemberRole(bob, { notebookId: id, userId: alice.id, role: "editor" });
    expect((await trpcError(() => changeMemberRole(bob, { notebookId: id, userId: bob.id, role: "viewer" }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(() => removeMember(bob, { notebookId: id, userId: bob.id }))).code).toBe("BAD_REQUEST");
    expect(await changeMemberRole(bob, { notebookId: id, userId: bob.id, role: "owner" })).toEqual({ userId: bob.id, role: "owner" });
    expect((await listMembers(alice, id)).filter((m) => m.role === "owner").map((m) => m.userId)).toEqual([bob.id]);
  });

  it("lets a member with another owner present leave as owner", async () => {
    const { id } = await createNotebook(alice, { name: "Leaving" });
    await addMember(alice, { notebookId: id, email: bob.email, role: "owner" });
    await removeMember(alice, { notebookId: id, userId: alice.id });
    expect(await listNotebooks(alice)).toEqual([]);
    expect((await listMembers(bob, id)).map((m) => [m.userId, m.role])).toEqual([[bob.id, "owner"]]);
  });

  it("says NOT_FOUND for a change to someone who is not a member", async () => {
    const { id } = await createNotebook(alice, { name: "Strangers" });
    const error = await trpcError(() => changeMemberRole(alice, { notebookId: id, userId: bob.id, role: "viewer" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/not a member/);
  });
});
