// Access rules: the role table, and a stranger cannot tell an existing notebook or note from a missing one.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { allProcedures, callerFor, callPath, dbSnapshot, makeUser, takesInput, trpcError } from "@/test/helpers";
import { MATRIX, type Outcome as MatrixOutcome } from "@/test/authorization-matrix";
import { ID_FIELDS, makeFixture, MISSING_ID, validInputs, type Fixture } from "@/test/procedures";
import { assertNotebookAccess, NOTEBOOK_ACTIONS, roleAllows, roleIn, type NotebookAction } from "./access";
import { listenerCount } from "./live";
import { addMember, createNotebook } from "./notebooks";
import { createSeries } from "./series";
import { importIntoSeries } from "./series-import";

/** Rows [path, viewer, editor, owner] taken from the one authorization matrix, in the order given. */
function fromMatrix(paths: string[]): Array<[path: string, viewer: MatrixOutcome, editor: MatrixOutcome, owner: MatrixOutcome]> {
  return paths.map((path) => {
    const row = MATRIX[path];
    if (!row) throw new Error(`${path} has no row in test/authorization-matrix.ts`);
    return [path, row.viewer, row.editor, row.owner];
  });
}

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
  it("returns the role of a member and reads it from the database", () => {
    expect(roleIn(fixture.owner, fixture.notebookId)).toBe("owner");
    expect(roleIn(fixture.member, fixture.notebookId)).toBe("viewer");
    expect(roleIn(fixture.outsider, fixture.notebookId)).toBeNull();
    expect(assertNotebookAccess(fixture.member, fixture.notebookId, "read")).toBe("viewer");
  });

  it("says NOT_FOUND to a non-member and FORBIDDEN to a member without the role", () => {
    expect(() => assertNotebookAccess(fixture.outsider, fixture.notebookId, "read")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => assertNotebookAccess(fixture.member, fixture.notebookId, "write")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
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
    const before = dbSnapshot();
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
    expect(dbSnapshot()).toEqual(before);
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
    const { id: ownNotebookId } = createNotebook(fixture.outsider, { name: "The outsider's own", description: "" });
    const own = createSeries(fixture.outsider, { notebookId: ownNotebookId, key: "OWN", name: "Own", unit: "", frequency: "daily", source: "upload", sourceRef: "", notes: "", refreshIntervalMinutes: null });
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
    await new Promise((r) => setTimeout(r, 0));
    expect(listenerCount()).toBe(baseline + 2);

    importIntoSeries(fixture.owner, { seriesId: fixture.seriesId, text: "date,RUT\n2026-02-02,2200\n" });
    importIntoSeries(fixture.outsider, { seriesId: own.id, text: "date,OWN\n2026-02-02,1\n" });

    await expect(heard[1]).resolves.toEqual({ done: false, value: expect.objectContaining({ notebookId: fixture.notebookId, seriesId: fixture.seriesId, key: "RUT" }) });
    // The outsider's unfiltered stream skipped the fixture's change and heard its own, announced after it.
    await expect(heard[0]).resolves.toEqual({ done: false, value: expect.objectContaining({ notebookId: ownNotebookId, seriesId: own.id, key: "OWN" }) });

    controller.abort();
    await Promise.allSettled(heard);
    await new Promise((r) => setTimeout(r, 0));
    expect(listenerCount()).toBe(baseline);
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

describe("roles on series, charts and API tokens", () => {
  type Outcome = MatrixOutcome;
  /**
   * The procedures in the order the calls are made (the removals last, so that every earlier call still finds its
   * series and chart); what each role gets is the authorization matrix's (test/authorization-matrix.ts). Viewers
   * read; editors and owners change. Tokens are personal: a token is made for a notebook the caller may write to,
   * and only its maker sees or revokes it, so the owner's token is NOT_FOUND to everyone else.
   */
  const TABLE = fromMatrix([
    "series.list",
    "series.get",
    "series.changes",
    "series.create",
    "series.update",
    "series.import",
    "series.refresh",
    "series.connectorSettings",
    "series.setFredApiKey",
    "charts.list",
    "charts.get",
    "charts.table",
    "charts.preview",
    "charts.create",
    "charts.update",
    "tokens.list",
    "tokens.create",
    "tokens.revoke",
    "charts.remove",
    "series.remove",
  ]);
  const ROLES = ["viewer", "editor", "owner"] as const;

  let f: Fixture;
  let editor: SessionUser;
  beforeAll(async () => {
    f = await makeFixture("roles");
    editor = await makeUser("roleseditor");
    addMember(f.owner, { notebookId: f.notebookId, email: editor.email, role: "editor" });
  });

  it("covers every series, chart and token procedure", () => {
    const paths = allProcedures()
      .map(([path]) => path)
      .filter((path) => /^(series|charts|tokens)\./.test(path));
    expect(TABLE.map(([path]) => path).sort()).toEqual(paths.sort());
  });

  /** Calls one procedure as `user` and tells what happened; a subscription that opens is closed at once. */
  async function outcome(on: Fixture, user: SessionUser, path: string): Promise<Outcome | string> {
    const input = validInputs(on)[path];
    try {
      const result = await callPath(callerFor(user), path, input);
      if (path === "series.changes") await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
      if (path === "series.refresh") expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Only FRED and Yahoo") });
      return "ok";
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  for (const [index, role] of ROLES.entries()) {
    const title = { viewer: "a viewer reads, and changes nothing", editor: "an editor reads and changes, and acts on its own tokens only", owner: "an owner reads and changes, and revokes its own token" }[role];
    it(title, async () => {
      // The viewer and then the editor share one fixture (the viewer changes nothing); the owner gets a fresh one.
      const on = role === "owner" ? await makeFixture("rolesowner") : f;
      const user = role === "viewer" ? on.member : role === "editor" ? editor : on.owner;
      const before = dbSnapshot();
      const got: string[] = [];
      const expected: string[] = [];
      for (const row of TABLE) {
        got.push(`${row[0]}: ${await outcome(on, user, row[0])}`);
        expected.push(`${row[0]}: ${row[index + 1]}`);
      }
      expect(got).toEqual(expected);
      if (role === "viewer") expect(dbSnapshot()).toEqual(before);
      else {
        // The changes took: the sample created SPX and a second chart, then removed the fixture's chart and RUT.
        expect((await callerFor(user).series.list({ notebookId: on.notebookId })).map((x) => x.key)).toEqual(["SPX"]);
        expect((await callerFor(user).charts.list({ notebookId: on.notebookId })).map((c) => c.title)).toEqual(["A second chart"]);
      }
      // The owner's token is untouched by anyone else, and nobody else's list shows it.
      const ownerTokens = await callerFor(on.owner).tokens.list();
      expect(ownerTokens.find((t) => t.id === on.tokenId)?.revokedAt ?? null).toEqual(role === "owner" ? expect.any(Date) : null);
      const mine = await callerFor(user).tokens.list();
      if (role !== "owner") expect(mine.map((t) => t.id)).not.toContain(on.tokenId);
      // The viewer made none; the editor made one (tokens.create); the owner has the fixture's and the one it made.
      expect(mine).toHaveLength({ viewer: 0, editor: 1, owner: 2 }[role]);
    });
  }
});

describe("roles on questions", () => {
  type Outcome = MatrixOutcome;
  /**
   * The questions procedures in the order the calls are made: reads, then a forecast (a forecast is one's own view,
   * so a viewer may make one), then the changes, with resolve before reopen (reopen needs a resolved question, and a
   * forecast an open one). What each role gets is the authorization matrix's: viewers read and forecast; editors also
   * create, edit and resolve; only owners reopen.
   */
  const TABLE = fromMatrix([
    "questions.list",
    "questions.get",
    "questions.calibration",
    "questions.forecast",
    "questions.create",
    "questions.update",
    "questions.resolve",
    "questions.reopen",
  ]);
  const ROLES = ["viewer", "editor", "owner"] as const;

  let f: Fixture;
  let editor: SessionUser;
  beforeAll(async () => {
    f = await makeFixture("qroles");
    editor = await makeUser("qroleseditor");
    addMember(f.owner, { notebookId: f.notebookId, email: editor.email, role: "editor" });
  });

  it("covers every questions procedure", () => {
    const paths = allProcedures()
      .map(([path]) => path)
      .filter((path) => path.startsWith("questions."));
    expect(TABLE.map(([path]) => path).sort()).toEqual(paths.sort());
  });

  /** Calls one procedure as `user` and tells what happened; a refused call must leave the database as it was. */
  async function outcome(on: Fixture, user: SessionUser, path: string): Promise<Outcome | string> {
    const before = dbSnapshot();
    try {
      await callPath(callerFor(user), path, validInputs(on)[path]);
      return "ok";
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error);
      expect(dbSnapshot(), `${path} refused with ${code} but changed the database`).toEqual(before);
      return code;
    }
  }

  for (const [index, role] of ROLES.entries()) {
    const title = {
      viewer: "a viewer reads and forecasts, and cannot create, edit, resolve or reopen",
      editor: "an editor reads, forecasts, creates, edits and resolves, and cannot reopen",
      owner: "an owner does everything, reopening included",
    }[role];
    it(title, async () => {
      // The viewer and then the editor share one fixture (the viewer adds only its own forecast); the owner gets a fresh one.
      const on = role === "owner" ? await makeFixture("qrolesowner") : f;
      const user = role === "viewer" ? on.member : role === "editor" ? editor : on.owner;
      const got: string[] = [];
      const expected: string[] = [];
      for (const row of TABLE) {
        got.push(`${row[0]}: ${await outcome(on, user, row[0])}`);
        expected.push(`${row[0]}: ${row[index + 1]}`);
      }
      expect(got).toEqual(expected);

      const question = await callerFor(on.owner).questions.get({ id: on.questionId });
      // Everyone's forecast is their own: the sample's 0.65 is recorded under the caller's name, beside the owner's 0.4.
      expect(question.forecasts.filter((x) => x.userId === user.id).map((x) => x.probability)).toEqual(role === "owner" ? [0.4, 0.65] : [0.65]);
      expect(question.forecasts.filter((x) => x.userId === on.owner.id).map((x) => x.probability)).toEqual(role === "owner" ? [0.4, 0.65] : [0.4]);
      const titles = (await callerFor(on.owner).questions.list({ notebookId: on.notebookId })).map((x) => x.title).sort();
      if (role === "viewer") {
        // Nothing but the forecast: the question is as it was, and no question was made.
        expect(question).toMatchObject({ status: "open", version: 1, title: "Will small caps beat large caps in 2026?", rule: null, outcome: null });
        expect(titles).toEqual(["Will small caps beat large caps in 2026?"]);
      } else {
        // Edited (version 2, the new criteria and rule) and resolved yes, then reopened by the owner only.
        expect(question).toMatchObject({ version: 2, criteria: "YES if the Russell 2000 closes 2026 above 2,000.", rule: { type: "value-threshold" } });
        expect(question).toMatchObject(role === "owner" ? { status: "open", outcome: null, resolvedBy: null } : { status: "resolved", outcome: 1, resolvedBy: editor.id });
        expect(titles).toEqual(["Where will the Russell 2000 close 2026?", "Will small caps beat large caps in 2026?"]);
      }
    });
  }

  it("resolving a question that is already resolved or annulled is BAD_REQUEST, as is forecasting on it or reopening an open one; nothing changes", async () => {
    const on = await makeFixture("qtwice");
    const owner = callerFor(on.owner);
    const open = await trpcError(() => owner.questions.reopen({ id: on.questionId }));
    expect([open.code, open.message]).toEqual(["BAD_REQUEST", "This question is already open."]);
    await owner.questions.resolve({ id: on.questionId, outcome: "no" });
    const before = dbSnapshot();
    for (const again of [{ outcome: "yes" as const }, { outcome: "no" as const }, { annulled: true as const }]) {
      const error = await trpcError(() => owner.questions.resolve({ id: on.questionId, ...again }));
      expect([error.code, error.message]).toEqual(["BAD_REQUEST", "This question is already resolved; reopen it first to resolve it differently."]);
    }
    const late = await trpcError(() => callerFor(on.member).questions.forecast({ questionId: on.questionId, probability: 0.9 }));
    expect(late.code).toBe("BAD_REQUEST");
    expect(late.message).toMatch(/resolved; forecasts are closed/);
    expect(dbSnapshot()).toEqual(before);

    await owner.questions.reopen({ id: on.questionId });
    await owner.questions.resolve({ id: on.questionId, annulled: true, comment: "The index was discontinued." });
    const annulled = await trpcError(() => owner.questions.resolve({ id: on.questionId, outcome: "yes" }));
    expect([annulled.code, annulled.message]).toEqual(["BAD_REQUEST", "This question is already annulled; reopen it first to resolve it differently."]);
  });
});

describe("roles on share links", () => {
  /**
   * The share procedures in call order (revoke last), with the authorization matrix's outcomes. Links are managed by
   * those who may write the note: viewers can neither make, list nor revoke them; everyone may list the links they
   * made themselves.
   */
  const TABLE = fromMatrix(["share.listMine", "share.list", "share.create", "share.revoke"]);
  const ROLES = ["viewer", "editor", "owner"] as const;

  it("covers every share procedure", () => {
    const paths = allProcedures()
      .map(([path]) => path)
      .filter((path) => path.startsWith("share."));
    expect(TABLE.map(([path]) => path).sort()).toEqual(paths.sort());
  });

  for (const [index, role] of ROLES.entries()) {
    it(`${role}: ${TABLE.map((r) => `${r[0]} ${r[index + 1]}`).join(", ")}`, async () => {
      const on = await makeFixture(`share${role}`);
      const editor = await makeUser(`share${role}editor`);
      addMember(on.owner, { notebookId: on.notebookId, email: editor.email, role: "editor" });
      const user = role === "viewer" ? on.member : role === "editor" ? editor : on.owner;
      const got: string[] = [];
      const expected: string[] = [];
      for (const row of TABLE) {
        const before = dbSnapshot();
        let outcome: string;
        try {
          await callPath(callerFor(user), row[0], validInputs(on)[row[0]]);
          outcome = "ok";
        } catch (error) {
          outcome = (error as { code?: string }).code ?? String(error);
          expect(dbSnapshot(), `${row[0]} refused but changed the database`).toEqual(before);
        }
        got.push(`${row[0]}: ${outcome}`);
        expected.push(`${row[0]}: ${row[index + 1]}`);
      }
      expect(got).toEqual(expected);
      const links = await callerFor(on.owner).share.list({ targetType: "note", targetId: on.noteId });
      expect(links.find((l) => l.id === on.shareLinkId)?.status).toBe(role === "viewer" ? "active" : "revoked");
      expect(links).toHaveLength(role === "viewer" ? 1 : 2);
    });
  }
});
