// Share links to notes: snapshot against live, revoked/expired/unknown alike, views counted, who may make and revoke them, and a token reaches only its note.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notes, shareLinks } from "@/db/schema";
import type { SessionUser } from "@/server/trpc/init";
import { callerFor, dbSnapshot, trpcError } from "@/test/helpers";
import { FIXTURE_CHART_SPEC, makeTeam, type Team } from "@/test/procedures";
import { createChart } from "./charts";
import { createNote, updateNote } from "./notes";
import { createSeries } from "./series";
import { importIntoSeries } from "./series-import";
import type { SharedNoteDocument } from "@/lib/share/model";
import { hashToken } from "./api-tokens";
import { sharedDocument } from "./share-content";
import { createShareLink, flushShareViews, listMyShareLinks, listShareLinks, openShareLink, recordShareView, revokeShareLink } from "./share-links";

let team: Team;
let noteId: string;
let otherNoteId: string;
let chartId: string;

beforeAll(async () => {
  team = await makeTeam("share");
  const { id: seriesId } = await createSeries(team.owner, { notebookId: team.notebookId, key: "RUT", name: "Russell 2000", unit: "", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null });
  await importIntoSeries(team.owner, { seriesId, text: "date,RUT\n2026-01-02,2000\n2026-01-05,2010.5\n2026-01-30,2140\n" });
  ({ id: chartId } = await createChart(team.owner, { notebookId: team.notebookId, spec: FIXTURE_CHART_SPEC }));
  ({ id: noteId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Rotation", body: `Small caps led.\n\n::chart{id=${chartId}}\n` }));
  ({ id: otherNoteId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Sibling", body: "Private sibling text." }));
});

/** What a note link shows now (null: the 404 page), counting a view as the share page does. */
async function resolveShareToken(token: string, opts: { now?: Date } = {}): Promise<SharedNoteDocument | null> {
  const open = await openShareLink(token, opts.now);
  const doc = open ? (await sharedDocument(open.link, `/s/${token}`, null)) : null;
  if (open && doc) await recordShareView(open.link.id);
  return doc as SharedNoteDocument | null;
}

const noteTarget = (id: string) => ({ targetType: "note" as const, targetId: id });

async function edit(user: SessionUser, id: string, body: string) {
  const [current] = await getDb().select({ version: notes.version }).from(notes).where(eq(notes.id, id));
  await updateNote(user, { id, baseVersion: current!.version, body });
}

describe("share links", () => {
  it("a snapshot keeps the old text after an edit (even one folded into the same revision), while a live link shows the new", async () => {
    const snapshot = await createShareLink(team.owner, { ...noteTarget(noteId), label: "Client A", mode: "snapshot" });
    const live = await createShareLink(team.owner, { ...noteTarget(noteId), label: "Colleague", mode: "live" });
    expect(snapshot.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(snapshot.path).toBe(`/s/${snapshot.token}`);
    await edit(team.owner, noteId, `Large caps caught up.\n\n::chart{id=${chartId}}\n`);
    await edit(team.owner, noteId, `Large caps caught up again.\n\n::chart{id=${chartId}}\n`);
    const old = (await resolveShareToken(snapshot.token))!;
    expect(old.body).toContain("Small caps led.");
    expect(old.asOf).toBeInstanceOf(Date);
    expect(old.mode).toBe("snapshot");
    expect(old.charts.get(chartId)?.svg).toContain("<svg");
    const now = (await resolveShareToken(live.token))!;
    expect(now.body).toContain("Large caps caught up again.");
    expect(now.asOf).toBeNull();
    expect(now.charts.get(chartId)?.title).toBe(FIXTURE_CHART_SPEC.title);
  });

  it("stores only the token's hash, and counts views with the last view", async () => {
    const { id, token } = await createShareLink(team.editor, { ...noteTarget(noteId), label: "Counted", mode: "live" });
    const row = (await getDb().select().from(shareLinks).where(eq(shareLinks.id, id)))[0]!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(await dbSnapshot())).not.toContain(token);
    expect(row.views).toBe(0);
    await resolveShareToken(token);
    await resolveShareToken(token);
    await flushShareViews();
    const listed = (await listShareLinks(team.owner, noteTarget(noteId))).find((l) => l.id === id)!;
    expect(listed).toMatchObject({ views: 2, label: "Counted", mode: "live", status: "active" });
    expect(listed.lastViewedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(await listShareLinks(team.owner, noteTarget(noteId)))).not.toContain(row.tokenHash);
  });

  it("unknown, malformed, revoked and expired tokens all give null, at once", async () => {
    const { id, token } = await createShareLink(team.owner, { ...noteTarget(noteId), label: "Soon revoked", mode: "live" });
    expect(await resolveShareToken(token)).not.toBeNull();
    await revokeShareLink(team.editor, id);
    expect(await resolveShareToken(token)).toBeNull();
    const expiring = await createShareLink(team.owner, { ...noteTarget(noteId), label: "Expiring", mode: "live", expiresAt: new Date(Date.now() + 60_000) });
    expect(await resolveShareToken(expiring.token)).not.toBeNull();
    expect(await resolveShareToken(expiring.token, { now: new Date(Date.now() + 61_000) })).toBeNull();
    expect(await resolveShareToken("A".repeat(43))).toBeNull();
    expect(await resolveShareToken("not a token")).toBeNull();
    expect(await resolveShareToken("")).toBeNull();
    await flushShareViews();
    const views = (await getDb().select({ views: shareLinks.views }).from(shareLinks).where(eq(shareLinks.id, id)))[0]!.views;
    expect(views).toBe(1);
    expect((await listShareLinks(team.owner, noteTarget(noteId))).find((l) => l.id === id)?.status).toBe("revoked");
  });

  it("refuses an expiry in the past", async () => {
    const error = await trpcError(() => createShareLink(team.owner, { ...noteTarget(noteId), label: "Late", mode: "live", expiresAt: new Date(Date.now() - 1000) }));
    expect(error.code).toBe("BAD_REQUEST");
    const viaApi = await trpcError(() => callerFor(team.owner).share.create({ ...noteTarget(noteId), label: "Late", mode: "live", expiresAt: "2020-01-01T00:00:00Z" }));
    expect([viaApi.code, viaApi.message]).toEqual(["BAD_REQUEST", expect.stringContaining("must be in the future")]);
  });

  it("a viewer cannot create, list or revoke; a stranger gets NOT_FOUND; nothing changes", async () => {
    const { id } = await createShareLink(team.owner, { ...noteTarget(noteId), label: "Kept", mode: "live" });
    const before = await dbSnapshot();
    for (const run of [
      () => createShareLink(team.viewer, { ...noteTarget(noteId), label: "Viewer's", mode: "live" }),
      () => listShareLinks(team.viewer, noteTarget(noteId)),
      () => revokeShareLink(team.viewer, id),
    ]) {
      expect((await trpcError(run)).code).toBe("FORBIDDEN");
    }
    for (const run of [
      () => createShareLink(team.stranger, { ...noteTarget(noteId), label: "Stranger's", mode: "live" }),
      () => listShareLinks(team.stranger, noteTarget(noteId)),
      () => revokeShareLink(team.stranger, id),
    ]) {
      expect((await trpcError(run)).code).toBe("NOT_FOUND");
    }
    const missing = await trpcError(() => revokeShareLink(team.stranger, "nosuchlink000000"));
    const existing = await trpcError(() => revokeShareLink(team.stranger, id));
    expect(existing.message).toBe(missing.message);
    expect(await listMyShareLinks(team.stranger)).toEqual([]);
    expect(await listMyShareLinks(team.viewer)).toEqual([]);
    expect(await dbSnapshot()).toEqual(before);
  });

  it("listMine shows the links the actor made, across notes", async () => {
    await createShareLink(team.editor, { ...noteTarget(otherNoteId), label: "Editor's sibling link", mode: "snapshot" });
    const mine = await listMyShareLinks(team.editor);
    expect(mine.every((l) => l.notebookId === team.notebookId)).toBe(true);
    expect(mine.map((l) => l.label)).toEqual(expect.arrayContaining(["Editor's sibling link", "Counted"]));
    expect(mine.map((l) => l.label)).not.toContain("Client A");
  });

  it("a token reaches only its own note: not a sibling, and not a chart of another notebook embedded by id", async () => {
    const { token } = await createShareLink(team.owner, { ...noteTarget(noteId), label: "Only this", mode: "live" });
    const elsewhere = await makeTeam("shareelse");
    const { id: foreignSeries } = await createSeries(elsewhere.owner, { notebookId: elsewhere.notebookId, key: "SECRET", name: "Secret", unit: "", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null });
    await importIntoSeries(elsewhere.owner, { seriesId: foreignSeries, text: "date,SECRET\n2026-01-02,1\n" });
    const { id: foreignChart } = await createChart(elsewhere.owner, { notebookId: elsewhere.notebookId, spec: { ...FIXTURE_CHART_SPEC, title: "Secret chart", series: ["SECRET"] } });
    await edit(team.owner, noteId, `Embeds a foreign chart.\n\n::chart{id=${foreignChart}}\n\n::chart{id=${chartId}}\n`);
    const shared = (await resolveShareToken(token))!;
    expect(shared.title).toBe("Rotation");
    expect(shared.body).not.toContain("Private sibling text.");
    expect([...shared.charts.keys()]).toEqual([chartId]);
    expect(JSON.stringify([...shared.charts.values()])).not.toContain("Secret chart");
    // A note moved to the trash is no longer shared.
    await callerFor(team.owner).notes.remove({ id: noteId });
    expect(await resolveShareToken(token)).toBeNull();
    await callerFor(team.owner).notes.restore({ id: noteId });
    expect(await resolveShareToken(token)).not.toBeNull();
  });
});
