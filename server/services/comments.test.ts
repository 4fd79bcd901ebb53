// Comments through the router and the services: threads on a passage that follow the note's edits, replies, edits and deletes by their author, resolving, access.
import { describe, expect, it } from "vitest";
import { callerFor, dbSnapshot, trpcError } from "@/test/helpers";
import { eventsAbout, makeTeam } from "@/test/procedures";
import { listComments } from "./comments";
import { createNote, updateNote } from "./notes";
import { recordForecast } from "./question-forecasts";
import { createQuestion } from "./questions";

const BODY = "Rates first. Small caps led in January: the Russell 2000 rose 7%. Large caps lagged behind all month.";
const QUOTE = "led in January";

async function setUp(label: string) {
  const team = await makeTeam(label);
  const note = await createNote(team.editor, { notebookId: team.notebookId, title: "Rotation", body: BODY });
  return { team, noteId: note.id, as: { owner: callerFor(team.owner), editor: callerFor(team.editor), viewer: callerFor(team.viewer), stranger: callerFor(team.stranger), anonymous: callerFor(null) } };
}

describe("comments", () => {
  it("lets a viewer start a thread on a passage and reply, and lists it with authors, oldest first", async () => {
    const { team, noteId, as } = await setUp("cm1");
    const { id, threadId } = await as.viewer.comments.create({ targetType: "note", targetId: noteId, body: "Source for the 7%?", anchor: { quote: QUOTE, start: BODY.indexOf(QUOTE) } });
    expect(threadId).toBe(id);
    const reply = await as.editor.comments.reply({ threadId, body: "FTSE Russell, daily closes." });
    await as.viewer.comments.reply({ threadId, body: "Thanks." });
    expect(reply.threadId).toBe(threadId);
    const { threads } = await as.viewer.comments.list({ targetType: "note", targetId: noteId });
    expect(threads).toHaveLength(1);
    const [t] = threads;
    expect(t!.anchor).toMatchObject({ quote: QUOTE, start: BODY.indexOf(QUOTE), prefix: "Rates first. Small caps " });
    expect(t!.detached).toBe(false);
    expect(t!.comments.map((c) => [c.author?.id, c.body, c.mine])).toEqual([
      [team.viewer.id, "Source for the 7%?", true],
      [team.editor.id, "FTSE Russell, daily closes.", false],
      [team.viewer.id, "Thanks.", true],
    ]);
    expect((await eventsAbout(id)).map(([action, data]) => [action, data])).toEqual([["comment.create", { targetType: "note", targetId: noteId, threadId: id }]]);
    expect(await eventsAbout(reply.id)).toEqual([["comment.reply", { targetType: "note", targetId: noteId, threadId: id }]]);
  });

  it("finds a passage selected in the reading view though the Markdown has marks the view does not show", async () => {
    const { team, as } = await setUp("cm2");
    const body = "**Small caps** led in _January_: the [Russell 2000](https://example.org) rose.";
    const note = await createNote(team.editor, { notebookId: team.notebookId, title: "Marked up", body });
    await as.viewer.comments.create({ targetType: "note", targetId: note.id, body: "Why?", anchor: { quote: "Small caps led in January: the Russell 2000", start: 0 } });
    const [t] = (await as.viewer.comments.list({ targetType: "note", targetId: note.id })).threads;
    expect(body.slice(t!.anchor!.start, t!.anchor!.end)).toBe("Small caps** led in _January_: the [Russell 2000");
    const before = await dbSnapshot();
    const error = await trpcError(() => as.viewer.comments.create({ targetType: "note", targetId: note.id, body: "Why?", anchor: { quote: "Large caps led" } }));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", "That passage is no longer in the note: select it again."]);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("follows the passage through the note's saves: text inserted before it, an edit inside it, and its deletion (detached, quote kept)", async () => {
    const { team, noteId, as } = await setUp("cm3");
    const { threadId } = await as.viewer.comments.create({ targetType: "note", targetId: noteId, body: "Check this.", anchor: { quote: QUOTE } });
    const anchorOf = async () => (await listComments(team.viewer, { targetType: "note", targetId: noteId })).threads[0]!;

    let body = `An opening line.\n\n${BODY}`;
    await updateNote(team.editor, { id: noteId, baseVersion: 1, body });
    let t = await anchorOf();
    expect([t.anchor!.quote, t.anchor!.start, t.detached]).toEqual([QUOTE, body.indexOf(QUOTE), false]);

    body = body.replace(QUOTE, "led strongly through January");
    await updateNote(team.editor, { id: noteId, baseVersion: 2, body });
    t = await anchorOf();
    expect([t.anchor!.quote, body.slice(t.anchor!.start, t.anchor!.end), t.detached]).toEqual(["led strongly through January", "led strongly through January", false]);

    body = body.replace("Small caps led strongly through January: the Russell 2000 rose 7%. ", "");
    await updateNote(team.editor, { id: noteId, baseVersion: 3, body });
    t = await anchorOf();
    expect(t.detached).toBe(true);
    expect(t.anchor!.quote).toBe("led strongly through January");
    expect(t.id).toBe(threadId);
    // A save that leaves the text alone writes nothing to the thread.
    const before = JSON.stringify((await dbSnapshot()).comments);
    await updateNote(team.editor, { id: noteId, baseVersion: 4, title: "Rotation, again" });
    expect(JSON.stringify((await dbSnapshot()).comments)).toBe(before);
  });

  it("puts threads on a question's forecasts beside the question's own, each naming its target", async () => {
    const { team, as } = await setUp("cm4");
    const q = await createQuestion(team.owner, { notebookId: team.notebookId, title: "Will small caps lead?", details: "", criteria: "YES if they do.", resolveBy: "2026-12-31", tags: [], kind: "binary", unit: "" });
    await recordForecast(team.viewer, { questionId: q.id, probability: 0.6 });
    const forecastId = (await callerFor(team.viewer).questions.get({ id: q.id })).forecasts[0]!.id;
    await as.editor.comments.create({ targetType: "question", targetId: q.id, body: "Criteria look fine." });
    await as.owner.comments.create({ targetType: "forecast", targetId: String(forecastId), body: "Why 60%?" });
    const { threads } = await as.viewer.comments.list({ targetType: "question", targetId: q.id });
    expect(threads.map((t) => [t.targetType, t.targetId, t.comments[0]!.body])).toEqual([
      ["question", q.id, "Criteria look fine."],
      ["forecast", String(forecastId), "Why 60%?"],
    ]);
    expect((await as.viewer.comments.list({ targetType: "forecast", targetId: String(forecastId) })).threads).toHaveLength(1);
    for (const targetId of ["999999", "99999999999", "abc"]) {
      expect((await trpcError(() => as.owner.comments.create({ targetType: "forecast", targetId, body: "x" }))).code).toBe("NOT_FOUND");
    }
    expect((await trpcError(() => as.stranger.comments.list({ targetType: "forecast", targetId: String(forecastId) }))).code).toBe("NOT_FOUND");
  });

  it("shows strangers nothing (NOT_FOUND, as for a missing note) and anonymous callers UNAUTHORIZED", async () => {
    const { noteId, as } = await setUp("cm5");
    const { threadId } = await as.editor.comments.create({ targetType: "note", targetId: noteId, body: "Private remark." });
    const before = await dbSnapshot();
    const missing = await trpcError(() => as.stranger.comments.list({ targetType: "note", targetId: "nosuchnote000000" }));
    for (const call of [
      () => as.stranger.comments.list({ targetType: "note", targetId: noteId }),
      () => as.stranger.comments.create({ targetType: "note", targetId: noteId, body: "hi" }),
      () => as.stranger.comments.reply({ threadId, body: "hi" }),
      () => as.stranger.comments.edit({ id: threadId, body: "hi" }),
      () => as.stranger.comments.remove({ id: threadId }),
      () => as.stranger.comments.resolve({ threadId }),
    ]) {
      const error = await trpcError(call);
      expect(error.code).toBe("NOT_FOUND");
    }
    expect((await trpcError(() => as.stranger.comments.list({ targetType: "note", targetId: noteId }))).message).toBe(missing.message);
    expect((await trpcError(() => as.anonymous.comments.list({ targetType: "note", targetId: noteId }))).code).toBe("UNAUTHORIZED");
    expect(await dbSnapshot()).toEqual(before);
  });

  it("lets only the author edit a comment; the author or the notebook's owner delete it, and a deleted one keeps its place only before replies", async () => {
    const { noteId, as } = await setUp("cm6");
    const { threadId } = await as.viewer.comments.create({ targetType: "note", targetId: noteId, body: "First." });
    const second = await as.editor.comments.reply({ threadId, body: "Second." });
    const before = await dbSnapshot();
    const error = await trpcError(() => as.editor.comments.edit({ id: threadId, body: "Rewritten." }));
    expect([error.code, error.message]).toEqual(["FORBIDDEN", "Only its author can edit a comment."]);
    expect((await trpcError(() => as.owner.comments.edit({ id: threadId, body: "Rewritten." }))).code).toBe("FORBIDDEN");
    expect((await trpcError(() => as.editor.comments.remove({ id: threadId }))).code).toBe("FORBIDDEN");
    expect(await dbSnapshot()).toEqual(before);

    const edited = await as.viewer.comments.edit({ id: threadId, body: "First, revised." });
    expect(edited.editedAt).toBeInstanceOf(Date);
    await as.viewer.comments.remove({ id: threadId });
    let [t] = (await as.editor.comments.list({ targetType: "note", targetId: noteId })).threads;
    expect(t!.comments.map((c) => [c.body, c.deleted])).toEqual([
      ["", true],
      ["Second.", false],
    ]);
    expect((await trpcError(() => as.viewer.comments.edit({ id: threadId, body: "Back?" }))).code).toBe("NOT_FOUND");
    // The owner may delete anyone's comment; a thread with nothing left is not listed.
    await as.owner.comments.remove({ id: second.id });
    expect((await as.editor.comments.list({ targetType: "note", targetId: noteId })).threads).toEqual([]);
    expect((await eventsAbout(second.id)).map(([a]) => a)).toEqual(["comment.reply", "comment.delete"]);
    [t] = (await as.editor.comments.list({ targetType: "note", targetId: noteId })).threads;
    expect(t).toBeUndefined();
  });

  it("refuses a comment over 10,000 characters with a message that says what to do, and changes nothing", async () => {
    const { noteId, as } = await setUp("cm7");
    const before = await dbSnapshot();
    const error = await trpcError(() => as.viewer.comments.create({ targetType: "note", targetId: noteId, body: "x".repeat(10_001) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("A comment can be at most 10,000 characters; split it or link a note.");
    expect((await trpcError(() => as.viewer.comments.create({ targetType: "question", targetId: noteId, body: "x", anchor: { quote: "Rates" } }))).code).toBe("NOT_FOUND");
    expect(await dbSnapshot()).toEqual(before);
  });

  it("lets any member resolve and reopen a thread, with an audit event each", async () => {
    const { team, noteId, as } = await setUp("cm8");
    const { threadId } = await as.editor.comments.create({ targetType: "note", targetId: noteId, body: "Done?" });
    const resolved = await as.viewer.comments.resolve({ threadId });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const [t] = (await as.editor.comments.list({ targetType: "note", targetId: noteId })).threads;
    expect(t!.resolvedBy).toEqual({ id: team.viewer.id, name: team.viewer.name });
    expect(await as.editor.comments.resolve({ threadId })).toEqual(resolved);
    expect(await as.viewer.comments.reopen({ threadId })).toEqual({ threadId, resolvedAt: null });
    expect((await eventsAbout(threadId)).map(([a]) => a)).toEqual(["comment.create", "comment.resolve", "comment.reopen"]);
    const reply = await as.viewer.comments.reply({ threadId, body: "ok" });
    expect((await trpcError(() => as.viewer.comments.resolve({ threadId: reply.id }))).code).toBe("NOT_FOUND");
  });
});
