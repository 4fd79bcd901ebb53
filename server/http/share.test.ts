// Share pages for questions and notebooks, the page cache (rendered once per state), views (not for previews or HEAD), and the 404/405 answers.
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { questionInputSchema } from "@/lib/questions/spec";
import { createChart } from "@/server/services/charts";
import { createNote, getNote, restoreNote, trashNote, updateNote } from "@/server/services/notes";
import { recordForecast } from "@/server/services/question-forecasts";
import { resolveQuestion } from "@/server/services/question-resolution";
import { createQuestion, updateQuestion } from "@/server/services/questions";
import { createSeries } from "@/server/services/series";
import { importIntoSeries } from "@/server/services/series-import";
import { createShareLink, flushShareViews, listShareLinks, revokeShareLink } from "@/server/services/share-links";
import { dbSnapshot } from "@/test/helpers";
import { FIXTURE_CHART_SPEC, FIXTURE_QUESTION, makeTeam, type Team } from "@/test/procedures";
import { sessionCookieFor } from "@/test/session-cookie";
import { respondToShare, shareViewsSettled } from "./share";

let team: Team;
let other: Team;
let noteId: string;
let siblingId: string;
let foreignNoteId: string;
let questionId: string;
let seriesId: string;
let chartId: string;

/** The share response, its body as text (unzipped when it came gzipped). */
async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const reply = await respondToShare({ method, path, header: (name) => headers[name] ?? null });
  return { ...reply, body: typeof reply.body === "string" ? reply.body : gunzipSync(reply.body).toString("utf8") };
}

async function viewsOf(id: string): Promise<number> {
  await flushShareViews();
  return (await listShareLinks(team.owner, { targetType: "note", targetId: noteId })).find((l) => l.id === id)!.views;
}

async function version(id: string): Promise<number> {
  return (await getNote(team.owner, id)).version;
}

beforeAll(async () => {
  team = await makeTeam("resp");
  other = await makeTeam("respother");
  ({ id: seriesId } = await createSeries(team.owner, { notebookId: team.notebookId, key: "RUT", name: "Russell 2000", unit: "pts", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null }));
  await importIntoSeries(team.owner, { seriesId, text: "date,RUT\n2026-01-02,2000\n2026-01-05,2010.5\n2026-01-30,2140\n" });
  ({ id: chartId } = await createChart(team.owner, { notebookId: team.notebookId, spec: { ...FIXTURE_CHART_SPEC, range: { preset: "max" } } }));
  ({ id: questionId } = await createQuestion(team.owner, { ...questionInputSchema.parse(FIXTURE_QUESTION), notebookId: team.notebookId }));
  await recordForecast(team.owner, { questionId, probability: 0.4, rationale: "Private reasoning of the owner." });
  await recordForecast(team.editor, { questionId, probability: 0.7, rationale: "" });
  ({ id: noteId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Rotation", body: `Small caps led.\n\n::chart{id=${chartId}}\n\n::question{id=${questionId}}\n` }));
  ({ id: siblingId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Sibling", body: "Sibling text." }));
  ({ id: foreignNoteId } = await createNote(other.owner, { notebookId: other.notebookId, title: "Foreign", body: "Another desk's secret." }));
});

describe("a question link", () => {
  it("live shows the latest forecasts by letter (no names, no rationales) and the criteria; a snapshot keeps them and the open status", async () => {
    const live = await createShareLink(team.owner, { targetType: "question", targetId: questionId, label: "Live", mode: "live" });
    const snapshot = await createShareLink(team.editor, { targetType: "question", targetId: questionId, label: "Pinned", mode: "snapshot" });
    await recordForecast(team.owner, { questionId, probability: 0.9, rationale: "" });
    await resolveQuestion(team.owner, { id: questionId, outcome: "yes", comment: "" });
    const now = await get(live.path);
    expect(now.status).toBe(200);
    expect(now.body).toContain("2026 total return is above the S&amp;P 500");
    expect(now.body).toContain("Resolved: Yes");
    expect(now.body).toContain("90% (Forecaster A");
    expect(now.body).toContain("70% (Forecaster B");
    expect(now.body).toMatch(/<(svg|figure)[^>]*aria-label="Forecasts over time/);
    // The notebook's name ("Notebook of <owner>") is shown; no forecaster's name is.
    const withoutNotebookName = now.body.replaceAll(`Notebook of ${team.owner.name}`, "");
    for (const secret of [team.owner.name, team.editor.name, "Private reasoning", "<script"]) expect(withoutNotebookName).not.toContain(secret);
    const then = await get(snapshot.path);
    expect(then.body).toContain("40% (Forecaster A");
    expect(then.body).not.toContain("90%");
    expect(then.body).toContain(">Open<");
    expect(then.body).toContain("as of");
    expect((await get(`${live.path}/${noteId}`)).status).toBe(404);
  });
});

describe("a note snapshot's questions", () => {
  it("keep the title, criteria and forecasts they had when the link was made; a live link shows the edit", async () => {
    const { id: asked } = await createQuestion(team.owner, { ...questionInputSchema.parse({ ...FIXTURE_QUESTION, title: "Will breadth improve?" }), notebookId: team.notebookId });
    await recordForecast(team.owner, { questionId: asked, probability: 0.3, rationale: "" });
    const { id: citing } = await createNote(team.owner, { notebookId: team.notebookId, title: "Breadth", body: `Watching breadth.\n\n::question{id=${asked}}\n` });
    const snapshot = await createShareLink(team.owner, { targetType: "note", targetId: citing, label: "Pinned", mode: "snapshot" });
    const notebookSnapshot = await createShareLink(team.owner, { targetType: "notebook", targetId: team.notebookId, label: "Pinned desk", mode: "snapshot" });
    const live = await createShareLink(team.owner, { targetType: "note", targetId: citing, label: "Live", mode: "live" });
    await updateQuestion(team.owner, { ...questionInputSchema.parse({ ...FIXTURE_QUESTION, title: "Will breadth keep improving?", criteria: "Rewritten criteria." }), id: asked });
    await recordForecast(team.owner, { questionId: asked, probability: 0.8, rationale: "" });
    for (const path of [snapshot.path, `${notebookSnapshot.path}/${citing}`]) {
      const then = (await get(path)).body;
      expect(then).toContain("Will breadth improve?");
      expect(then).toContain("30% (Forecaster A");
      expect(then).not.toContain("Rewritten criteria.");
    }
    const now = (await get(live.path)).body;
    expect(now).toContain("Will breadth keep improving?");
    expect(now).toContain("Rewritten criteria.");
    expect(now).toContain("80% (Forecaster A");
  });
});

describe("a notebook link", () => {
  it("lists the notebook's notes that are not in the trash and opens each; nothing of another notebook, trashed notes 404", async () => {
    const { path } = await createShareLink(team.owner, { targetType: "notebook", targetId: team.notebookId, label: "Desk", mode: "live" });
    const index = await get(path);
    expect(index.status).toBe(200);
    expect(index.body).toContain(`href="${path}/${noteId}"`);
    expect(index.body).toContain(`href="${path}/${siblingId}"`);
    expect(index.body).not.toContain("Foreign");
    const note = await get(`${path}/${noteId}`);
    expect(note.status).toBe(200);
    expect(note.body).toContain("Small caps led.");
    expect(note.body).toContain(`href="${path}"`);
    expect(note.body).toMatch(/<svg/);
    expect(note.body).toContain('data-testid="share-question-card"');
    expect((await get(`${path}/${foreignNoteId}`)).status).toBe(404);
    expect((await get(`${path}/${noteId}/more`)).status).toBe(404);
    await trashNote(team.owner, siblingId);
    expect((await get(`${path}/${siblingId}`)).status).toBe(404);
    expect((await get(path)).body).not.toContain(siblingId);
    await restoreNote(team.owner, siblingId);
  });

  it("a snapshot keeps each note's text and the list as they were; a note made later is not in it, but is in a live link", async () => {
    const snapshot = await createShareLink(team.owner, { targetType: "notebook", targetId: team.notebookId, label: "Pinned desk", mode: "snapshot" });
    const live = await createShareLink(team.owner, { targetType: "notebook", targetId: team.notebookId, label: "Live desk", mode: "live" });
    await updateNote(team.owner, { id: siblingId, baseVersion: await version(siblingId), body: "Sibling text, rewritten." });
    const { id: laterId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Later", body: "Written after the snapshot." });
    expect((await get(`${snapshot.path}/${siblingId}`)).body).toContain("Sibling text.");
    expect((await get(`${snapshot.path}/${siblingId}`)).body).not.toContain("rewritten");
    expect((await get(`${snapshot.path}/${laterId}`)).status).toBe(404);
    expect((await get(snapshot.path)).body).not.toContain(laterId);
    expect((await get(live.path)).body).toContain(laterId);
    expect((await get(`${live.path}/${siblingId}`)).body).toContain("rewritten");
  });
});

describe("the page cache", () => {
  it("renders once per state: the same page until the notebook changes, then the new one", async () => {
    const { path } = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Cached", mode: "live" });
    const first = await get(path);
    expect(first.headers["x-quire-cache"]).toBe("miss");
    const second = await get(path);
    expect([second.headers["x-quire-cache"], second.body]).toEqual(["hit", first.body]);
    await updateNote(team.owner, { id: noteId, baseVersion: await version(noteId), body: `Large caps caught up.\n\n::chart{id=${chartId}}\n` });
    const edited = await get(path);
    expect(edited.headers["x-quire-cache"]).toBe("miss");
    expect(edited.body).toContain("Large caps caught up.");
    expect((await get(path)).headers["x-quire-cache"]).toBe("hit");
  });

  it("a snapshot's charts say how the data moved since, and change when new data arrives", async () => {
    const { path } = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Moves", mode: "snapshot" });
    expect((await get(path)).body).toContain("Russell 2000: unchanged since the snapshot, 2,140 pts (2026-01-30).");
    await importIntoSeries(team.owner, { seriesId, text: "date,RUT\n2026-02-27,2354\n" });
    expect((await get(path)).body).toContain('Russell 2000: 2,140 pts (2026-01-30) then, 2,354 pts (2026-02-27) now, <span class="up">+10.0%</span>.');
  });

  it("a series whose last data is years old still says its last value, not 'no data'", async () => {
    const { id: oldSeries } = await createSeries(team.owner, { notebookId: team.notebookId, key: "OLD", name: "Old index", unit: "", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null });
    await importIntoSeries(team.owner, { seriesId: oldSeries, text: "date,OLD\n2019-12-30,100\n2019-12-31,101.5\n" });
    const { id: oldChart } = await createChart(team.owner, { notebookId: team.notebookId, spec: { ...FIXTURE_CHART_SPEC, title: "Old", series: ["OLD"], range: { preset: "max" } } });
    const { id: oldNote } = await createNote(team.owner, { notebookId: team.notebookId, title: "Old data", body: `::chart{id=${oldChart}}` });
    const { path } = await createShareLink(team.owner, { targetType: "note", targetId: oldNote, label: "Old", mode: "snapshot" });
    expect((await get(path)).body).toContain("Old index: unchanged since the snapshot, 101.5 (2019-12-31).");
  });

  it("a revoked link is 404 at once, even when its page is cached", async () => {
    const { id, path } = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Revoked", mode: "live" });
    expect((await get(path)).status).toBe(200);
    await revokeShareLink(team.owner, id);
    const gone = await get(path);
    expect(gone.status).toBe(404);
    expect(gone.body).toBe((await get("/s/" + "A".repeat(43))).body);
  });
});

describe("compression", () => {
  it("sends the page gzipped (compressed once) to clients that take gzip, and plain to the rest", async () => {
    const { path } = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Gzip", mode: "live" });
    const plain = await respondToShare({ method: "GET", path, header: () => null });
    expect(typeof plain.body).toBe("string");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    for (const accept of ["gzip, deflate, br, zstd", "br;q=1, gzip;q=0.8", "*"]) {
      const zipped = await respondToShare({ method: "GET", path, header: (name) => (name === "accept-encoding" ? accept : null) });
      expect([accept, zipped.headers["content-encoding"], zipped.headers.vary]).toEqual([accept, "gzip", "accept-encoding"]);
      expect(gunzipSync(zipped.body as Uint8Array).toString("utf8")).toBe(plain.body);
    }
    for (const accept of ["gzip;q=0", "br, deflate", "identity"]) {
      expect((await respondToShare({ method: "GET", path, header: (name) => (name === "accept-encoding" ? accept : null) })).headers["content-encoding"]).toBeUndefined();
    }
  });
});

describe("views and methods", () => {
  it("counts a GET, but not a HEAD, a prefetch or a link preview bot", async () => {
    const { id, path } = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Views", mode: "live" });
    await get(path);
    await get(path, { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130" });
    await get(path, {}, "HEAD");
    await get(path, { "sec-purpose": "prefetch" });
    await get(path, { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" });
    await get(path, { "user-agent": "facebookexternalhit/1.1" });
    expect(await viewsOf(id)).toBe(2);
  });

  it("does not count a signed-in member of the notebook, and shows them the same page; strangers and stale cookies count", async () => {
    const { id, path } = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Members", mode: "live" });
    const anonymous = (await get(path)).body;
    for (const member of [team.owner, team.editor, team.viewer]) {
      const seen = await get(path, { cookie: await sessionCookieFor(member) });
      expect(seen.body).toBe(anonymous);
    }
    await get(path, { cookie: await sessionCookieFor(team.stranger) });
    await get(path, { cookie: "authjs.session-token=not-a-session" });
    await shareViewsSettled();
    expect(await viewsOf(id)).toBe(3);
  });

  it("refuses writes with 405 and changes nothing; malformed paths get the 404 page", async () => {
    const { path } = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Methods", mode: "live" });
    await flushShareViews();
    const before = await dbSnapshot();
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) expect((await get(path, {}, method)).status).toBe(405);
    expect(await dbSnapshot()).toEqual(before);
    for (const bad of ["/s/", "/s/%E0%A4%A", "/s/short", `${path}/a/b`, "/s/../../etc/passwd"]) expect((await get(bad)).status).toBe(404);
    expect((await get(path, {}, "HEAD")).body).toBe("");
  });
});
