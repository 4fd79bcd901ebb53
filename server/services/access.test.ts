// Access rules: the role table, and a stranger cannot tell an existing notebook or note from a missing one.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { liveBusReady } from "@/db/client";
import type { SessionUser } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { allProcedures, callerFor, callPath, dbSnapshot, takesInput, trpcError } from "@/test/helpers";
import { makeFixture, validInputs, type Fixture } from "@/test/procedures";
import { ID_FIELDS, MISSING_ID } from "@/test/procedure-fields";
import { assertNotebookAccess, NOTEBOOK_ACTIONS, roleAllows, roleIn, type NotebookAction } from "./access";
import { listenerCount } from "./live";
import { createNotebook } from "./notebooks";
import { createSeries } from "./series";
import { importIntoSeries } from "./series-import";

let fixture: Fixture;
beforeAll(async () => {
  fixture = await makeFixture("acc");
});

describe("roleAllows", () => {
  const table: Record<NotebookAction, [boolean, boolean, boolean, boolean]> = {
    // [no role, viewer, editor, owner]
    read: [false, true, true, true],
    write: [false, false, true, true],
    rename: [false, false, true, true],
    share: [false, false, true, true],
    overseeShares: [false, false, false, true],
    manageMembers: [false, false, false, true],
    remove: [false, false, false, true],
  };

  it("covers every action", () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(NOTEBOOK_ACTIONS).sort());
  });

  it.each(Object.entries(table))("%s", (action, expected) => {
    const got = ([null, "viewer", "editor", "owner"] as const).map((role) => roleAllows(role, action as NotebookAction));
    expect(got).toEqual(expected);
  });
});

describe("assertNotebookAccess", () => {
  it("returns the role of a member and reads it from the database", async () => {
    expect(await roleIn(fixture.owner, fixture.notebookId)).toBe("owner");
    expect(await roleIn(fixture.member, fixture.notebookId)).toBe("viewer");
    expect(await roleIn(fixture.outsider, fixture.notebookId)).toBeNull();
    expect(await assertNotebookAccess(fixture.member, fixture.notebookId, "read")).toBe("viewer");
  });

  it("says NOT_FOUND to a non-member and FORBIDDEN to a member without the role", async () => {
    await expect(assertNotebookAccess(fixture.outsider, fixture.notebookId, "read")).rejects.toThrow(expect.objectContaining({ kind: "NOT_FOUND" }));
    await expect(assertNotebookAccess(fixture.member, fixture.notebookId, "write")).rejects.toThrow(expect.objectContaining({ kind: "FORBIDDEN" }));
  });
});

/** The input with every id replaced by one that does not exist. */
function withMissingIds(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, (ID_FIELDS as readonly string[]).includes(k) ? MISSING_ID : v]));
}

describe("a signed-in stranger", () => {
  // Subscriptions do not answer at all until something happens; they have their own test below.
  const idProcedures = () =>
    allProcedures()
      .filter(([path, p]) => /^(notebooks|notes|series|charts|tokens|questions|share)\./.test(path) && takesInput(p) && p._def.type !== "subscription")
      .map(([path]) => path)
      .filter((path) => Object.keys(validInputs(fixture)[path] ?? {}).some((k) => (ID_FIELDS as readonly string[]).includes(k)));

  /** A token is the caller's own or nobody's, so its NOT_FOUND says so. */
  const NOT_FOUND_MESSAGE: Record<string, RegExp> = { "tokens.revoke": /does not exist, or it is not yours/ };

  it("covers the notebook, member, note, series, chart, token and question procedures that take an id", () => {
    const paths = idProcedures();
    for (const path of [
      "notebooks.get",
      "notebooks.rename",
      "notebooks.remove",
      "notebooks.members.add",
      "notebooks.members.remove",
      "notes.get",
      "notes.list",
      "series.list",
      "series.get",
      "series.import",
      "series.refresh",
      "series.remove",
      "series.connectorSettings",
      "series.setFredApiKey",
      "charts.get",
      "charts.table",
      "charts.preview",
      "charts.update",
      "tokens.create",
      "tokens.revoke",
      "questions.list",
      "questions.get",
      "questions.create",
      "questions.update",
      "questions.forecast",
      "questions.resolve",
      "questions.reopen",
      "questions.calibration",
      "share.create",
      "share.list",
      "share.revoke",
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("gets the same NOT_FOUND for an existing id as for a missing one, from every such procedure", async () => {
    const stranger = callerFor(fixture.outsider);
    const before = await dbSnapshot();
    for (const path of idProcedures()) {
      const existing = validInputs(fixture)[path]!;
      const missing = withMissingIds(existing);
      expect(missing, path).not.toEqual(existing);
      const a = await trpcError(() => callPath(stranger, path, existing));
      const b = await trpcError(() => callPath(stranger, path, missing));
      expect({ path, code: a.code, message: a.message }).toEqual({ path, code: "NOT_FOUND", message: b.message });
      expect(b.code, path).toBe("NOT_FOUND");
      expect(a.message, path).toMatch(NOT_FOUND_MESSAGE[path] ?? /does not exist, or you have no access/);
    }
    expect(await dbSnapshot()).toEqual(before);
  });

  it("gets the same NOT_FOUND from a member procedure whatever the user id", async () => {
    const stranger = callerFor(fixture.outsider);
    const errors = await Promise.all(
      [fixture.member.id, fixture.owner.id, MISSING_ID].map((userId) =>
        trpcError(() => stranger.notebooks.members.remove({ notebookId: fixture.notebookId, userId })),
      ),
    );
    expect(new Set(errors.map((e) => `${e.code} ${e.message}`)).size).toBe(1);
    expect(errors[0]!.code).toBe("NOT_FOUND");
  });

  it("does not see the notebook or its notes in any list", async () => {
    const stranger = callerFor(fixture.outsider);
    expect(await stranger.notebooks.list()).toEqual([]);
    expect(await stranger.notes.list({})).toEqual([]);
    expect(await stranger.series.list({})).toEqual([]);
    expect(await stranger.charts.list({})).toEqual([]);
    expect(await stranger.tokens.list()).toEqual([]);
    expect(await stranger.questions.list({})).toEqual([]);
    expect(await stranger.share.listMine()).toEqual([]);
    expect(await stranger.questions.calibration({})).toMatchObject({ binaryCount: 0, numericCount: 0, resolved: [] });
  });

  it("hears nothing on the change feed about a notebook they cannot read (naming it is NOT_FOUND), while a viewer hears it", async () => {
    const controller = new AbortController();
    const caller = (user: SessionUser) => createCaller({ user, requestId: "test", clientIp: "127.0.0.1" }, { signal: controller.signal });
    const open = async (user: SessionUser, input: { notebookId?: string }) => (await caller(user).series.changes(input))[Symbol.asyncIterator]();
    const { id: ownNotebookId } = await createNotebook(fixture.outsider, { name: "The outsider's own", description: "" });
    const own = await createSeries(fixture.outsider, { notebookId: ownNotebookId, key: "OWN", name: "Own", unit: "", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null });
    const baseline = listenerCount();

    // Naming the notebook is refused with NOT_FOUND, exactly as naming a notebook that does not exist is.
    for (const notebookId of [fixture.notebookId, MISSING_ID]) {
      const refused = await open(fixture.outsider, { notebookId });
      await expect(refused.next()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const strangerAll = await open(fixture.outsider, {});
    const viewer = await open(fixture.member, { notebookId: fixture.notebookId });
    const heard = [strangerAll, viewer].map((it) => it.next());
    heard.forEach((p) => p.catch(() => undefined));
    // Each stream checks access in the database before it listens (a round trip on PostgreSQL).
    await vi.waitFor(() => expect(listenerCount()).toBe(baseline + 2));
    expect(await liveBusReady()).toBe(true);

    await importIntoSeries(fixture.owner, { seriesId: fixture.seriesId, text: "date,RUT\n2026-02-02,2200\n" });
    await importIntoSeries(fixture.outsider, { seriesId: own.id, text: "date,OWN\n2026-02-02,1\n" });

    await expect(heard[1]).resolves.toEqual({ done: false, value: expect.objectContaining({ notebookId: fixture.notebookId, seriesId: fixture.seriesId, key: "RUT" }) });
    // The outsider's unfiltered stream skipped the fixture's change and heard its own, announced after it.
    await expect(heard[0]).resolves.toEqual({ done: false, value: expect.objectContaining({ notebookId: ownNotebookId, seriesId: own.id, key: "OWN" }) });

    controller.abort();
    await Promise.allSettled(heard);
    await vi.waitFor(() => expect(listenerCount()).toBe(baseline));
  });

  it("is refused after being removed, like any stranger", async () => {
    const member = callerFor(fixture.member);
    await expect(member.notes.get({ id: fixture.noteId })).resolves.toMatchObject({ title: "First note" });
    await callerFor(fixture.owner).notebooks.members.remove({ notebookId: fixture.notebookId, userId: fixture.member.id });
    const gone = await trpcError(() => member.notes.get({ id: fixture.noteId }));
    const missing = await trpcError(() => member.notes.get({ id: MISSING_ID }));
    expect([gone.code, gone.message]).toEqual([missing.code, missing.message]);
    expect(gone.code).toBe("NOT_FOUND");
  });
});
