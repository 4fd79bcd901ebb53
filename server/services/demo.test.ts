// The first-run demo: created once with its user, notebook, membership and welcome note; a second run adds nothing.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { memberships, notebooks, users } from "@/db/schema";
import { DEMO_NOTEBOOK, DEMO_NOTES, DEMO_USER, ROTATION_NOTE, WELCOME_NOTE } from "@/db/seed/demo-content";
import { dbSnapshot, rowCounts } from "@/test/helpers";
import { authenticate } from "./accounts";
import { demoEnabled, ensureDemo } from "./demo";
import { listNotebooks } from "./notebooks";
import { listRevisions } from "./note-revisions";
import { getNote, listNotes } from "./notes";
import { searchNotes } from "./search";

const saved = process.env.QUIRE_DEMO;
afterEach(() => {
  if (saved === undefined) delete process.env.QUIRE_DEMO;
  else process.env.QUIRE_DEMO = saved;
});

describe("ensureDemo", () => {
  it("creates the demo user, notebook, owner membership and welcome note once, even when two starts race", async () => {
    const before = rowCounts();
    expect((await Promise.all([ensureDemo(), ensureDemo()])).sort()).toEqual([false, true]);
    expect(rowCounts()).toEqual({
      users: before.users + 1,
      notebooks: before.notebooks + 1,
      memberships: before.memberships + 1,
      notes: before.notes + DEMO_NOTES.length,
      events: before.events + 1,
    });
    const db = getDb();
    const user = db.select().from(users).where(eq(users.email, DEMO_USER.email)).get()!;
    expect(user.name).toBe(DEMO_USER.name);
    expect(user.passwordHash).not.toContain(DEMO_USER.password);
    const [nb] = listNotebooks(user);
    expect(nb).toMatchObject({ name: DEMO_NOTEBOOK.name, role: "owner", noteCount: DEMO_NOTES.length, memberCount: 1 });
    const welcome = listNotes(user, { notebookId: nb!.id }).find((n) => n.title === WELCOME_NOTE.title)!;
    expect(getNote(user, welcome.id)).toMatchObject({ body: WELCOME_NOTE.body, tags: WELCOME_NOTE.tags, version: 1 });
    expect(listRevisions(user, welcome.id)).toHaveLength(1);
    expect(listNotes(user, { notebookId: nb!.id, tag: "small-caps" }).map((n) => n.title)).toEqual([ROTATION_NOTE.title]);
    expect(searchNotes(user, { q: "Magnificent" }).hits.map((h) => h.title)).toContain(ROTATION_NOTE.title);
    expect(db.select().from(memberships).where(eq(memberships.notebookId, nb!.id)).all()).toHaveLength(1);
  });

  it("lets the demo user sign in with the documented password", async () => {
    expect(await authenticate(DEMO_USER.email, DEMO_USER.password, "10.8.0.1")).toMatchObject({ kind: "ok" });
  });

  it("creates nothing the second time, or when run twice at once", async () => {
    const before = dbSnapshot();
    expect(await ensureDemo()).toBe(false);
    expect(await Promise.all([ensureDemo(), ensureDemo()])).toEqual([false, false]);
    expect(dbSnapshot()).toEqual(before);
    expect(getDb().select().from(notebooks).where(eq(notebooks.name, DEMO_NOTEBOOK.name)).all()).toHaveLength(1);
  });
});

describe("demoEnabled", () => {
  it.each([
    [undefined, true],
    ["1", true],
    ["yes", true],
    ["0", false],
    ["false", false],
    ["OFF", false],
    ["no", false],
  ])("QUIRE_DEMO=%s gives %s", (value, expected) => {
    if (value === undefined) delete process.env.QUIRE_DEMO;
    else process.env.QUIRE_DEMO = value;
    expect(demoEnabled()).toBe(expected);
  });
});
