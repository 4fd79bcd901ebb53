// Notes reads: live notes only, excerpts without Markdown (in linear time), access through the notebook.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notes } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { SessionUser } from "@/server/trpc/init";
import { makeUser, trpcError } from "@/test/helpers";
import { createNotebook } from "./notebooks";
import { excerptOf } from "@/lib/notes/plain-text";
import { getNote, listNotes } from "./notes";

let owner: SessionUser;
let stranger: SessionUser;
let notebookId: string;

async function addNote(values: { title: string; body: string; updatedAt?: Date; deletedAt?: Date | null; nb?: string }): Promise<string> {
  const id = newId();
  await getDb()
    .insert(notes)
    .values({ id, notebookId: values.nb ?? notebookId, title: values.title, body: values.body, updatedAt: values.updatedAt, deletedAt: values.deletedAt ?? null, createdBy: owner.id, updatedBy: owner.id });
  return id;
}

beforeAll(async () => {
  owner = await makeUser("noteowner");
  stranger = await makeUser("notestranger");
  ({ id: notebookId } = await createNotebook(owner, { name: "Notes home" }));
});

describe("listNotes", () => {
  it("lists live notes newest first with a plain-text excerpt", async () => {
    const old = await addNote({ title: "Old", body: "Plain text", updatedAt: new Date("2026-01-02") });
    const recent = await addNote({ title: "Recent", body: "# Heading\n\n**Small caps** led: see [chart](https://example.com/x).", updatedAt: new Date("2026-02-01") });
    await addNote({ title: "Gone", body: "deleted", deletedAt: new Date() });
    const list = await listNotes(owner, { notebookId: notebookId });
    expect(list.map((n) => n.id)).toEqual([recent, old]);
    expect(list[0]).toMatchObject({ title: "Recent", notebookId, excerpt: "Small caps led: see chart." });
    expect(list[1]!.excerpt).toBe("Plain text");
  });

  it("cuts long excerpts at 220 characters with an ellipsis", async () => {
    const { id: nb } = await createNotebook(owner, { name: "Long" });
    await addNote({ title: "Long", body: "word ".repeat(200), nb });
    const [note] = await listNotes(owner, { notebookId: nb });
    expect(note!.excerpt.endsWith("…")).toBe(true);
    expect(note!.excerpt.length).toBeLessThanOrEqual(221);
  });

  it("lists every notebook the actor belongs to when none is given, and nothing of others", async () => {
    const { id: theirs } = await createNotebook(stranger, { name: "Not yours" });
    const hidden = await addNote({ title: "Private", body: "", nb: theirs });
    const all = await listNotes(owner);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((n) => n.notebookId !== theirs)).toBe(true);
    expect(all.find((n) => n.notebookId === notebookId)?.notebookName).toBe("Notes home");
    expect((await listNotes(stranger)).map((n) => n.id)).toEqual([hidden]);
  });

  it("refuses a stranger with NOT_FOUND", async () => {
    expect((await trpcError(() => listNotes(stranger, { notebookId: notebookId }))).code).toBe("NOT_FOUND");
  });
});

describe("getNote", () => {
  it("returns the note with its version and the name of who last changed it", async () => {
    const id = await addNote({ title: "Detail", body: "Body" });
    expect(await getNote(owner, id)).toMatchObject({ id, notebookId, title: "Detail", body: "Body", version: 1, updatedByName: owner.name });
  });

  it("shows a trashed note to a member as trashed, so it can be restored", async () => {
    const deletedAt = new Date("2026-03-01T10:00:00Z");
    const deleted = await addNote({ title: "Deleted", body: "", deletedAt });
    expect((await getNote(owner, deleted)).deletedAt).toEqual(deletedAt);
  });

  it("says NOT_FOUND, with one message, for a missing note and for a stranger", async () => {
    const deleted = await addNote({ title: "Deleted too", body: "", deletedAt: new Date() });
    const live = await addNote({ title: "Live", body: "" });
    const errors = [
      await trpcError(() => getNote(owner, "nosuchnote000000")),
      await trpcError(() => getNote(stranger, live)),
      await trpcError(() => getNote(stranger, deleted)),
    ];
    expect(errors.map((e) => e.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(new Set(errors.map((e) => e.message)).size).toBe(1);
    expect((await getDb().select().from(notes).where(eq(notes.id, live)))[0]).toBeTruthy();
  });
});

describe("excerptOf", () => {
  it("leaves out embed lines and link targets", () => {
    expect(excerptOf("::chart{id=ratio}\n\nRatio rose, see [FRED](https://fred.example/x?a=1).\n::question{id=q}  \nEnd")).toBe("Ratio rose, see FRED. End");
  });

  it.each([
    ["unclosed embed lines", "::chart{\n".repeat(22_000)],
    ["unclosed link targets", "(http:".repeat(33_000)],
    ["long heading runs", `${"#".repeat(100_000)}\n`.repeat(2)],
  ])("takes linear time on a 200,000-character body of %s", (_name, body) => {
    const started = performance.now();
    excerptOf(body);
    expect(performance.now() - started).toBeLessThan(150);
  });
});
