// The notebooks router by role: viewers read, editors also rename, owners manage members and delete; a notebook keeps an owner.
import { beforeEach, describe, expect, it } from "vitest";
import { callerFor, dbSnapshot, makeUser, trpcError } from "@/test/helpers";
import type { SessionUser } from "@/server/trpc/init";

let owner: SessionUser;
let editor: SessionUser;
let viewer: SessionUser;
let spare: SessionUser;
let notebookId: string;
const NAME = "Rates and rotation";

beforeEach(async () => {
  owner = await makeUser("owner");
  editor = await makeUser("editor");
  viewer = await makeUser("viewer");
  spare = await makeUser("spare");
  const asOwner = callerFor(owner);
  ({ id: notebookId } = await asOwner.notebooks.create({ name: NAME, description: "Small caps against Big Tech" }));
  await asOwner.notebooks.members.add({ notebookId, email: editor.email, role: "editor" });
  await asOwner.notebooks.members.add({ notebookId, email: viewer.email, role: "viewer" });
});

describe("a viewer", () => {
  it("can read the notebook and its members", async () => {
    const asViewer = callerFor(viewer);
    await expect(asViewer.notebooks.get({ id: notebookId })).resolves.toMatchObject({ name: NAME, role: "viewer", memberCount: 3 });
    const members = await asViewer.notebooks.members.list({ id: notebookId });
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      [owner.id, "owner"],
      [editor.id, "editor"],
      [viewer.id, "viewer"],
    ]);
    expect((await asViewer.notebooks.list()).map((n) => n.id)).toEqual([notebookId]);
  });

  it("cannot rename or delete the notebook, and it is unchanged afterwards", async () => {
    const asViewer = callerFor(viewer);
    const before = await dbSnapshot();
    const rename = await trpcError(() => asViewer.notebooks.rename({ id: notebookId, name: "Hijacked" }));
    expect(rename.code).toBe("FORBIDDEN");
    expect(rename.message).toMatch(/viewer/);
    expect((await trpcError(() => asViewer.notebooks.remove({ id: notebookId, confirmName: NAME }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => asViewer.notebooks.deletionImpact({ id: notebookId }))).code).toBe("FORBIDDEN");
    expect(await dbSnapshot()).toEqual(before);
    await expect(callerFor(owner).notebooks.get({ id: notebookId })).resolves.toMatchObject({ name: NAME });
  });

  it("cannot manage members", async () => {
    const asViewer = callerFor(viewer);
    const before = await dbSnapshot();
    expect((await trpcError(() => asViewer.notebooks.members.add({ notebookId, email: spare.email, role: "owner" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => asViewer.notebooks.members.changeRole({ notebookId, userId: viewer.id, role: "owner" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => asViewer.notebooks.members.remove({ notebookId, userId: owner.id }))).code).toBe("FORBIDDEN");
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("an editor", () => {
  it("can rename the notebook", async () => {
    await expect(callerFor(editor).notebooks.rename({ id: notebookId, name: "  Rotation watch  " })).resolves.toEqual({
      id: notebookId,
      name: "Rotation watch",
    });
    await expect(callerFor(viewer).notebooks.get({ id: notebookId })).resolves.toMatchObject({ name: "Rotation watch" });
  });

  it("cannot add, change or remove members, nor delete the notebook", async () => {
    const asEditor = callerFor(editor);
    const before = await dbSnapshot();
    const add = await trpcError(() => asEditor.notebooks.members.add({ notebookId, email: spare.email, role: "viewer" }));
    expect(add.code).toBe("FORBIDDEN");
    expect(add.message).toMatch(/editor/);
    expect((await trpcError(() => asEditor.notebooks.members.changeRole({ notebookId, userId: editor.id, role: "owner" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await trpcError(() => asEditor.notebooks.members.changeRole({ notebookId, userId: viewer.id, role: "editor" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await trpcError(() => asEditor.notebooks.members.remove({ notebookId, userId: viewer.id }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => asEditor.notebooks.remove({ id: notebookId, confirmName: NAME }))).code).toBe("FORBIDDEN");
    expect(await dbSnapshot()).toEqual(before);
  });
});

describe("an owner", () => {
  it("can rename, manage members and delete", async () => {
    const asOwner = callerFor(owner);
    await asOwner.notebooks.rename({ id: notebookId, name: "Renamed" });
    const added = await asOwner.notebooks.members.add({ notebookId, email: spare.email.toUpperCase(), role: "viewer" });
    expect(added).toMatchObject({ userId: spare.id, role: "viewer" });
    await expect(asOwner.notebooks.members.changeRole({ notebookId, userId: spare.id, role: "editor" })).resolves.toEqual({
      userId: spare.id,
      role: "editor",
    });
    await asOwner.notebooks.members.remove({ notebookId, userId: viewer.id });
    const members = await asOwner.notebooks.members.list({ id: notebookId });
    expect(Object.fromEntries(members.map((m) => [m.userId, m.role]))).toEqual({ [owner.id]: "owner", [editor.id]: "editor", [spare.id]: "editor" });
    expect((await trpcError(() => callerFor(viewer).notebooks.get({ id: notebookId }))).code).toBe("NOT_FOUND");

    await expect(asOwner.notebooks.deletionImpact({ id: notebookId })).resolves.toEqual({ name: "Renamed", notes: 0, members: 3 });
    await expect(asOwner.notebooks.remove({ id: notebookId, confirmName: " Renamed " })).resolves.toEqual({ id: notebookId });
    expect(await asOwner.notebooks.list()).toEqual([]);
    expect((await trpcError(() => callerFor(editor).notebooks.get({ id: notebookId }))).code).toBe("NOT_FOUND");
  });

  it("must type the notebook's name to delete it", async () => {
    const before = await dbSnapshot();
    const error = await trpcError(() => callerFor(owner).notebooks.remove({ id: notebookId, confirmName: "rates and rotation" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(NAME);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("gets clear errors for an unknown email, an existing member and a non-member", async () => {
    const asOwner = callerFor(owner);
    const unknown = await trpcError(() => asOwner.notebooks.members.add({ notebookId, email: "nobody@example.com", role: "viewer" }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toMatch(/register/);
    const dup = await trpcError(() => asOwner.notebooks.members.add({ notebookId, email: viewer.email, role: "editor" }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toContain(viewer.email);
    const notMember = await trpcError(() => asOwner.notebooks.members.remove({ notebookId, userId: spare.id }));
    expect(notMember.code).toBe("NOT_FOUND");
  });
});

describe("the last owner", () => {
  it("cannot be demoted or removed, by themselves", async () => {
    const asOwner = callerFor(owner);
    const before = await dbSnapshot();
    for (const role of ["editor", "viewer"] as const) {
      const error = await trpcError(() => asOwner.notebooks.members.changeRole({ notebookId, userId: owner.id, role }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/at least one owner/);
    }
    const remove = await trpcError(() => asOwner.notebooks.members.remove({ notebookId, userId: owner.id }));
    expect(remove.code).toBe("BAD_REQUEST");
    expect(remove.message).toMatch(/at least one owner/);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("can step down once someone else is an owner, and then loses owner rights", async () => {
    const asOwner = callerFor(owner);
    await asOwner.notebooks.members.changeRole({ notebookId, userId: editor.id, role: "owner" });
    await expect(asOwner.notebooks.members.changeRole({ notebookId, userId: owner.id, role: "viewer" })).resolves.toMatchObject({ role: "viewer" });
    expect((await trpcError(() => asOwner.notebooks.members.add({ notebookId, email: spare.email, role: "viewer" }))).code).toBe("FORBIDDEN");
    const asNewOwner = callerFor(editor);
    expect((await trpcError(() => asNewOwner.notebooks.members.remove({ notebookId, userId: editor.id }))).code).toBe("BAD_REQUEST");
    await expect(asNewOwner.notebooks.members.remove({ notebookId, userId: owner.id })).resolves.toEqual({ userId: owner.id });
  });
});
