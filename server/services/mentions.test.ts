// Mentions in comments and notes: an inbox item for the mentioned member only, with who, where and a line around it; nothing for a non-member.
import { describe, expect, it } from "vitest";
import { mentionMarkdown } from "@/lib/comments/mentions";
import { callerFor, makeUser } from "@/test/helpers";
import { makeTeam } from "@/test/procedures";
import { inboxFor } from "./inbox";
import { createNote, updateNote } from "./notes";
import { recordForecast } from "./question-forecasts";
import { createQuestion } from "./questions";

const BODY = "Rates first. Small caps led in January: the Russell 2000 rose 7%. Large caps lagged behind all month.";
const QUOTE = "led in January";

async function setUp(label: string) {
  const team = await makeTeam(label);
  const note = await createNote(team.editor, { notebookId: team.notebookId, title: "Rotation", body: BODY });
  return { team, noteId: note.id, as: { owner: callerFor(team.owner), editor: callerFor(team.editor), viewer: callerFor(team.viewer) } };
}

describe("mentions", () => {
  it("reach the mentioned member's inbox, link to the thread, and nobody else's; a non-member mentioned gets nothing", async () => {
    const { team, noteId, as } = await setUp("mn1");
    const outsider = await makeUser("mn1outsider");
    const body = `${mentionMarkdown(team.viewer)} can you check the source? Also ${mentionMarkdown(outsider)}.`;
    const { threadId } = await as.editor.comments.create({ targetType: "note", targetId: noteId, body, anchor: { quote: QUOTE } });
    const inbox = await inboxFor(team.viewer);
    const item = inbox.find((i) => i.kind === "mention");
    expect(item).toMatchObject({ key: expect.stringMatching(/^mention:\d+$/), title: "Rotation", href: `/notes/${noteId}#comment-${threadId}` });
    expect(item!.detail).toBe(`${team.editor.name} mentioned you in a comment on “Rotation”: @${team.viewer.name} can you check the source? Also @${outsider.name}.`);
    for (const other of [team.owner, team.editor, team.stranger, outsider]) expect((await inboxFor(other)).filter((i) => i.kind === "mention")).toEqual([]);
    // Editing the comment adds the newly mentioned only; the viewer keeps one item.
    await as.editor.comments.edit({ id: threadId, body: `${body} And ${mentionMarkdown(team.owner)}.` });
    expect((await inboxFor(team.viewer)).filter((i) => i.kind === "mention")).toHaveLength(1);
    expect((await inboxFor(team.owner)).filter((i) => i.kind === "mention").map((i) => i.href)).toEqual([`/notes/${noteId}#comment-${threadId}`]);
    // Dismissed, it stays away; the comment deleted, it goes.
    await callerFor(team.owner).inbox.dismiss({ key: (await inboxFor(team.owner)).find((i) => i.kind === "mention")!.key });
    expect((await inboxFor(team.owner)).filter((i) => i.kind === "mention")).toEqual([]);
    await as.editor.comments.remove({ id: threadId });
    expect((await inboxFor(team.viewer)).filter((i) => i.kind === "mention")).toEqual([]);
  });

  it("in a note's text reach the member once, and go when they leave the notebook's readers", async () => {
    const { team, noteId } = await setUp("mn2");
    await updateNote(team.editor, { id: noteId, baseVersion: 1, body: `${BODY}\n\nOver to ${mentionMarkdown(team.viewer)} for the chart.` });
    await updateNote(team.editor, { id: noteId, baseVersion: 2, body: `${BODY}\n\nOver to ${mentionMarkdown(team.viewer)} for the chart, please.` });
    const items = (await inboxFor(team.viewer)).filter((i) => i.kind === "mention");
    expect(items.map((i) => [i.href, i.detail])).toEqual([[`/notes/${noteId}`, `${team.editor.name} mentioned you in “Rotation”: Over to @${team.viewer.name} for the chart.`]]);
    await callerFor(team.owner).notebooks.members.remove({ notebookId: team.notebookId, userId: team.viewer.id });
    expect((await inboxFor(team.viewer)).filter((i) => i.kind === "mention")).toEqual([]);
  });

  it("on a question's forecast link to the question", async () => {
    const { team, as } = await setUp("mn3");
    const q = await createQuestion(team.owner, { notebookId: team.notebookId, title: "Will small caps lead?", details: "", criteria: "YES if they do.", resolveBy: "2026-12-31", tags: [], kind: "binary", unit: "" });
    await recordForecast(team.viewer, { questionId: q.id, probability: 0.6 });
    const forecastId = (await callerFor(team.viewer).questions.get({ id: q.id })).forecasts[0]!.id;
    const { threadId } = await as.owner.comments.create({ targetType: "forecast", targetId: String(forecastId), body: `Why 60%, ${mentionMarkdown(team.viewer)}?` });
    const [item] = (await inboxFor(team.viewer)).filter((i) => i.kind === "mention");
    expect(item).toMatchObject({ title: "Will small caps lead?", href: `/questions/${q.id}#comment-${threadId}` });
    expect(item!.detail).toContain("mentioned you in a comment on a forecast on “Will small caps lead?”");
  });
});
