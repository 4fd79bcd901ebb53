// A notebook's activity: sentences with names, filters by person and kind, folded autosave bursts, pages, and nothing from elsewhere.
import { beforeAll, describe, expect, it } from "vitest";
import { transaction } from "@/db/client";
import { noteRevisions } from "@/db/schema";
import { trpcError } from "@/test/helpers";
import { FIXTURE_FRED_API_KEY, makeFixture, type Fixture } from "@/test/procedures";
import { notebookActivity } from "./activity";
import { recordEvent } from "./audit";
import { setFredApiKey } from "./connector-settings";
import { createComment } from "./comments";
import { addMember, createNotebook } from "./notebooks";
import { createNote } from "./notes";

let f: Fixture;
let otherNotebookId: string;
let secretNoteId: string;

beforeAll(async () => {
  f = await makeFixture("activity");
  await addMember(f.owner, { notebookId: f.notebookId, email: f.outsider.email, role: "editor" });
  ({ id: otherNotebookId } = await createNotebook(f.member, { name: "Private desk", description: "" }));
  ({ id: secretNoteId } = await createNote(f.member, { notebookId: otherNotebookId, title: "Secret merger memo", body: "" }));
});

describe("notebookActivity", () => {
  it("tells who forecast and shared what, newest first, with links", async () => {
    const page = await notebookActivity(f.member, { notebookId: f.notebookId });
    const texts = page.items.map((i) => i.text);
    expect(texts).toContain(`${f.owner.name} forecast 40% on “Will small caps beat large caps in 2026?”`);
    expect(texts).toContain(`${f.owner.name} shared the note “First note” with a live link`);
    const forecast = page.items.find((i) => i.action === "question.forecast")!;
    expect(forecast).toMatchObject({ kind: "forecast", actor: { id: f.owner.id, name: f.owner.name }, href: `/questions/${f.questionId}` });
    expect(page.items.find((i) => i.action === "share.create")!.href).toBe(`/notes/${f.noteId}`);
    const times = page.items.map((i) => i.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.items.some((i) => i.action.startsWith("token."))).toBe(false);
    expect(JSON.stringify(page)).not.toContain(f.shareToken);
    expect(page.people.map((p) => p.id)).toContain(f.owner.id);
  });

  it("filters by kind and by person", async () => {
    const shared = await notebookActivity(f.member, { notebookId: f.notebookId, kind: "shared" });
    expect(shared.items.map((i) => i.action)).toEqual(["share.create"]);
    const members = await notebookActivity(f.member, { notebookId: f.notebookId, kind: "members" });
    expect(members.items.map((i) => i.text)).toContain(`${f.owner.name} added ${f.outsider.name} as an editor`);
    const byOutsider = await notebookActivity(f.member, { notebookId: f.notebookId, actorId: f.outsider.id });
    expect(byOutsider.items).toEqual([]);
    await createNote(f.outsider, { notebookId: f.notebookId, title: "Outsider's take", body: "" });
    const now = await notebookActivity(f.member, { notebookId: f.notebookId, actorId: f.outsider.id });
    expect(now.items.map((i) => i.text)).toEqual([`${f.outsider.name} wrote the note “Outsider's take”`]);
  });

  it("folds a burst of autosaved edits into one item", async () => {
    const base = Date.UTC(2026, 0, 10, 9, 0);
    const at = (min: number) => new Date(base + min * 60_000);
    await transaction(async (tx) => {
      for (const [start, end] of [[0, 4], [8, 12], [18, 21], [60, 62]] as const) {
        await tx.insert(noteRevisions).values({ noteId: f.noteId, noteVersion: 2, title: "First note", body: "x", kind: "edit", authorId: f.owner.id, createdAt: at(start), updatedAt: at(end) });
      }
    });
    const edits = (await notebookActivity(f.member, { notebookId: f.notebookId, kind: "wrote", actorId: f.owner.id })).items.filter((i) => i.action === "note.edited");
    expect(edits.map((e) => [e.count, e.at.toISOString()])).toEqual([
      [1, at(62).toISOString()],
      [3, at(21).toISOString()],
    ]);
    expect(edits[1]!.text).toBe(`${f.owner.name} edited the note “First note” (3 sessions)`);
  });

  it("pages with a cursor, each item once", async () => {
    const all = await notebookActivity(f.owner, { notebookId: f.notebookId, limit: 100 });
    const seen: string[] = [];
    let before: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await notebookActivity(f.owner, { notebookId: f.notebookId, limit: 2, before });
      seen.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((x) => x.id));
    expect(all.nextCursor).toBeNull();
  });

  it("never names things of another notebook, nor shows a FRED key", async () => {
    await transaction((tx) => recordEvent(tx, { actorId: f.owner.id, action: "note.trashed", targetType: "note", targetId: secretNoteId, notebookId: f.notebookId }));
    await setFredApiKey(f.owner, { notebookId: f.notebookId, apiKey: FIXTURE_FRED_API_KEY });
    const page = await notebookActivity(f.member, { notebookId: f.notebookId, limit: 100 });
    const text = JSON.stringify(page);
    expect(text).not.toContain("Secret merger memo");
    expect(text).not.toContain(FIXTURE_FRED_API_KEY);
    expect(page.items.map((i) => i.text)).toContain(`${f.owner.name} set the notebook's FRED API key`);
    expect(page.items.find((i) => i.action === "note.trashed")).toMatchObject({ href: null, text: `${f.owner.name} moved a note that was deleted to the trash` });
  });

  it("tells who commented on what, linking to the thread", async () => {
    const { threadId } = await createComment(f.member, { targetType: "question", targetId: f.questionId, body: "What about rates?" });
    const page = await notebookActivity(f.owner, { notebookId: f.notebookId, kind: "commented" });
    expect(page.items[0]).toMatchObject({ kind: "commented", text: `${f.member.name} commented on “Will small caps beat large caps in 2026?”`, href: `/questions/${f.questionId}#comment-${threadId}` });
    expect(page.items.map((i) => i.text)).toContain(`${f.owner.name} commented on the note “First note”`);
    expect(JSON.stringify(page)).not.toContain("What about rates?");
  });

  it("is NOT_FOUND for a stranger", async () => {
    expect((await trpcError(() => notebookActivity(f.outsider, { notebookId: otherNotebookId }))).code).toBe("NOT_FOUND");
  });
});
