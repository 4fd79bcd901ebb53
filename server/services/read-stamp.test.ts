// Per-server caches keyed on the database's state: notebooks.list answers from its cache only while nothing was committed since.
import { describe, expect, it } from "vitest";
import { transaction } from "@/db/client";
import { makeUser } from "@/test/helpers";
import { createNotebook, listNotebooks, renameNotebook } from "./notebooks";
import { createNote } from "./notes";
import { serializedOnce, StampedCache, stampOf } from "./read-stamp";
import { endSession, liveSessionOwner, SESSION_MAX_AGE_S, startSession } from "./sessions";
import { signOutEverywhere } from "./accounts";

/** The actor as a request's session check names it (with the state stamp it read). */
async function checked(sessionId: string, userId: string) {
  const owner = await liveSessionOwner(sessionId, userId, 1);
  if (!owner) throw new Error("the session should be live");
  return owner;
}

describe("notebooks.list with the session's state stamp", () => {
  it("answers again from the last read while nothing changed, and reads again after any commit", async () => {
    const user = await makeUser("stamp1");
    const { id } = await createNotebook(user, { name: "Rates" });
    const sid = await startSession(user.id);
    expect(stampOf(await checked(sid, user.id))).toEqual(expect.any(String));
    // Nothing committed since: the same answer, not read again. PostgreSQL's snapshot is the whole cluster's, so a
    // test file committing in its own database at that moment moves the stamp too: a few tries find a quiet moment.
    let first = await listNotebooks(await checked(sid, user.id));
    let again = await listNotebooks(await checked(sid, user.id));
    for (let tries = 1; again !== first && tries < 50; tries++) {
      first = again;
      again = await listNotebooks(await checked(sid, user.id));
    }
    expect(again).toBe(first);
    // Any commit (here a note in the notebook) moves the stamp, and the list is read again.
    await createNote(user, { notebookId: id, title: "Cuts" });
    const second = await listNotebooks(await checked(sid, user.id));
    expect(second).not.toBe(first);
    expect(second[0]!.noteCount).toBe(1);
    expect(Object.keys(second[0]!)).not.toContain("stamp");
  });

  it("never keeps a list read inside a transaction, nor one that saw another request's change before it rolled back", async () => {
    const user = await makeUser("stamp2");
    const { id } = await createNotebook(user, { name: "Before" });
    const sid = await startSession(user.id);
    await transaction(async () => {
      await renameNotebook(user, { id, name: "Inside" });
      expect((await listNotebooks(await checked(sid, user.id)))[0]!.name).toBe("Inside");
      throw new Error("roll back");
    }).catch(() => {});
    expect((await listNotebooks(await checked(sid, user.id)))[0]!.name).toBe("Before");

    // Another request's transaction is open while this one lists (on SQLite, on the same connection, it sees the change).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const open = new Promise<void>((resolve) => (entered = resolve));
    const other = transaction(async () => {
      await renameNotebook(user, { id, name: "Never committed" });
      entered();
      await gate;
      throw new Error("roll back");
    }).catch(() => {});
    await open;
    await listNotebooks(await checked(sid, user.id));
    release();
    await other;
    expect((await listNotebooks(await checked(sid, user.id)))[0]!.name).toBe("Before");
  });

  it("reads every time for an actor without a stamp (a caller made in-process)", async () => {
    const user = await makeUser("stamp3");
    await createNotebook(user, { name: "Plain" });
    const a = await listNotebooks(user);
    const b = await listNotebooks(user);
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it("serialises a kept answer once, and any other value every time", () => {
    const cache = new StampedCache<Array<{ n: number }>>();
    const kept = [{ n: 1 }];
    const notKept = [{ n: 2 }];
    cache.set("u", "stamp", kept, true);
    cache.set("v", "stamp", notKept, false);
    let calls = 0;
    const serialize = (value: unknown) => ({ json: JSON.stringify(value), call: ++calls });
    expect(serializedOnce(kept, serialize)).toEqual({ json: '[{"n":1}]', call: 1 });
    expect(serializedOnce(kept, serialize)).toEqual({ json: '[{"n":1}]', call: 1 });
    expect(serializedOnce(notKept, serialize).call).toBe(2);
    expect(serializedOnce(notKept, serialize).call).toBe(3);
    expect(serializedOnce(null, serialize).call).toBe(4);
  });

  it("checks a session against its row every time, however often it is asked: ended, signed out everywhere, expired", async () => {
    const user = await makeUser("stamp4");
    const sid = await startSession(user.id);
    expect((await liveSessionOwner(sid, user.id, 1))?.id).toBe(user.id);
    expect((await liveSessionOwner(sid, user.id, 1))?.id).toBe(user.id);
    // Past its expiry it is refused though nothing was written.
    expect(await liveSessionOwner(sid, user.id, 1, Date.now() + (SESSION_MAX_AGE_S + 60) * 1000)).toBeNull();
    expect(await liveSessionOwner(sid, "someone-else", 1)).toBeNull();
    await endSession(sid);
    expect(await liveSessionOwner(sid, user.id, 1)).toBeNull();

    const other = await startSession(user.id);
    expect((await liveSessionOwner(other, user.id, 1))?.id).toBe(user.id);
    await signOutEverywhere(user);
    expect(await liveSessionOwner(other, user.id, 1)).toBeNull();
    expect(await liveSessionOwner(other, user.id, 2)).toBeNull();
  });
});
