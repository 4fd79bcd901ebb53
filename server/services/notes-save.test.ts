// An autosave's fewer statements: the access check in the note's read, and the threads' read only for a note with anchored threads.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { comments, notes } from "@/db/schema";
import { callerFor, dbSnapshot, trpcError } from "@/test/helpers";
import { makeTeam } from "@/test/procedures";
import { createComment, hasAnchoredThreads, resolveThread } from "./comments";
import { createNote, trashNote, updateNote } from "./notes";

const BODY = "Rates first. Small caps led in January: the Russell 2000 rose 7%. Large caps lagged.";
const QUOTE = "led in January";

/** What a save's UPDATE ... RETURNING reads for the note: does it have open threads anchored to its text? */
async function anchored(noteId: string): Promise<boolean> {
  const [row] = await getDb().select({ v: hasAnchoredThreads(notes.id) }).from(notes).where(eq(notes.id, noteId));
  return row!.v;
}

describe("updateNote", () => {
  it("checks access in the note's own read: NOT_FOUND for a stranger and a missing note, FORBIDDEN for a viewer, BAD_REQUEST in the trash; nothing changes", async () => {
    const team = await makeTeam("save1");
    const { id } = await createNote(team.editor, { notebookId: team.notebookId, title: "Held", body: BODY });
    const before = await dbSnapshot();
    const stranger = await trpcError(() => updateNote(team.stranger, { id, baseVersion: 1, body: "x" }));
    const missing = await trpcError(() => updateNote(team.editor, { id: "no-such-note", baseVersion: 1, body: "x" }));
    const viewer = await trpcError(() => updateNote(team.viewer, { id, baseVersion: 1, body: "x" }));
    expect([stranger.code, missing.code, viewer.code]).toEqual(["NOT_FOUND", "NOT_FOUND", "FORBIDDEN"]);
    expect(stranger.message).toBe(missing.message);
    expect(await dbSnapshot()).toEqual(before);
    await trashNote(team.editor, id);
    const trashed = await trpcError(() => updateNote(team.editor, { id, baseVersion: 2, body: "x" }));
    expect([trashed.code, trashed.message]).toEqual(["BAD_REQUEST", "This note is in the trash. Restore it before editing."]);
  });

  it("of two saves from one version, exactly one lands; the other is CONFLICT with the text that landed", async () => {
    const team = await makeTeam("save2");
    const { id } = await createNote(team.editor, { notebookId: team.notebookId, title: "Raced", body: BODY });
    const results = await Promise.allSettled([
      updateNote(team.editor, { id, baseVersion: 1, body: "From the first tab." }),
      updateNote(team.owner, { id, baseVersion: 1, body: "From the second tab." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = await trpcError(() => updateNote(team.editor, { id, baseVersion: 1, body: "Late." }));
    expect(refused.code).toBe("CONFLICT");
    const [row] = await getDb().select({ body: notes.body, version: notes.version }).from(notes).where(eq(notes.id, id));
    expect(row!.version).toBe(2);
    expect(["From the first tab.", "From the second tab."]).toContain(row!.body);
  });

  it("knows a note has anchored threads exactly when one is open on its text: none, on another note, open, resolved", async () => {
    const team = await makeTeam("save3");
    const { id } = await createNote(team.editor, { notebookId: team.notebookId, title: "Threads", body: BODY });
    const other = await createNote(team.editor, { notebookId: team.notebookId, title: "Other", body: BODY });
    const viewer = callerFor(team.viewer);
    expect(await anchored(id)).toBe(false);
    await viewer.comments.create({ targetType: "note", targetId: other.id, body: "Elsewhere.", anchor: { quote: QUOTE } });
    expect(await anchored(id)).toBe(false);
    const { threadId } = await createComment(team.viewer, { targetType: "note", targetId: id, body: "Source?", anchor: { quote: QUOTE } });
    expect(await anchored(id)).toBe(true);
    await resolveThread(team.viewer, { threadId });
    expect(await anchored(id)).toBe(false);
    await createComment(team.viewer, { targetType: "note", targetId: id, body: "And this?", anchor: { quote: "Large caps" } });
    expect(await anchored(id)).toBe(true);
  });

  it("re-anchors a thread started after the note's last save, and leaves a resolved one where it was", async () => {
    const team = await makeTeam("save4");
    const { id } = await createNote(team.editor, { notebookId: team.notebookId, title: "Moved", body: BODY });
    let body = `A new opening.\n\n${BODY}`;
    await updateNote(team.editor, { id, baseVersion: 1, body });
    const open = await createComment(team.viewer, { targetType: "note", targetId: id, body: "Source?", anchor: { quote: QUOTE } });
    const resolved = await createComment(team.viewer, { targetType: "note", targetId: id, body: "Done.", anchor: { quote: "Large caps" } });
    await resolveThread(team.viewer, { threadId: resolved.threadId });
    const stored = async (threadId: string) => (await getDb().select({ anchor: comments.anchor, detached: comments.detached }).from(comments).where(eq(comments.id, threadId)))[0]!;
    const resolvedBefore = await stored(resolved.threadId);
    body = `Another line.\n\n${body}`;
    await updateNote(team.editor, { id, baseVersion: 2, body });
    const moved = await stored(open.threadId);
    expect([moved.anchor!.start, body.slice(moved.anchor!.start, moved.anchor!.end), moved.detached]).toEqual([body.indexOf(QUOTE), QUOTE, false]);
    expect(await stored(resolved.threadId)).toEqual(resolvedBefore);
  });
});
