// The role tables: what a viewer, an editor and the owner get from each series, chart, token, question and share procedure (outcomes from test/authorization-matrix.ts).
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/trpc/init";
import { allProcedures, callerFor, callPath, dbSnapshot, makeUser, trpcError } from "@/test/helpers";
import { MATRIX, type Outcome as MatrixOutcome } from "@/test/authorization-matrix";
import { makeFixture, validInputs, type Fixture } from "@/test/procedures";
import { addMember } from "./notebooks";

/** Rows [path, viewer, editor, owner] taken from the one authorization matrix, in the order given. */
function fromMatrix(paths: string[]): Array<[path: string, viewer: MatrixOutcome, editor: MatrixOutcome, owner: MatrixOutcome]> {
  return paths.map((path) => {
    const row = MATRIX[path];
    if (!row) throw new Error(`${path} has no row in test/authorization-matrix.ts`);
    return [path, row.viewer, row.editor, row.owner];
  });
}

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
    "series.importMany",
    "series.addFromSource",
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
    await addMember(f.owner, { notebookId: f.notebookId, email: editor.email, role: "editor" });
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
      const before = await dbSnapshot();
      const got: string[] = [];
      const expected: string[] = [];
      for (const row of TABLE) {
        got.push(`${row[0]}: ${await outcome(on, user, row[0])}`);
        expected.push(`${row[0]}: ${row[index + 1]}`);
      }
      expect(got).toEqual(expected);
      if (role === "viewer") expect(await dbSnapshot()).toEqual(before);
      else {
        // The changes took: the samples created SPX, IWM and QQQ (Yahoo cannot be reached here, so RUT-YAHOO is not
        // made) and a second chart, then removed the fixture's chart and RUT.
        expect((await callerFor(user).series.list({ notebookId: on.notebookId })).map((x) => x.key).sort()).toEqual(["IWM", "QQQ", "SPX"]);
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
    "questions.team",
    "questions.leaderboard",
    "questions.ruleChart",
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
    await addMember(f.owner, { notebookId: f.notebookId, email: editor.email, role: "editor" });
  });

  it("covers every questions procedure", () => {
    const paths = allProcedures()
      .map(([path]) => path)
      .filter((path) => path.startsWith("questions."));
    expect(TABLE.map(([path]) => path).sort()).toEqual(paths.sort());
  });

  /** Calls one procedure as `user` and tells what happened; a refused call must leave the database as it was. */
  async function outcome(on: Fixture, user: SessionUser, path: string): Promise<Outcome | string> {
    const before = await dbSnapshot();
    try {
      await callPath(callerFor(user), path, validInputs(on)[path]);
      return "ok";
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error);
      expect(await dbSnapshot(), `${path} refused with ${code} but changed the database`).toEqual(before);
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
    const before = await dbSnapshot();
    for (const again of [{ outcome: "yes" as const }, { outcome: "no" as const }, { annulled: true as const }]) {
      const error = await trpcError(() => owner.questions.resolve({ id: on.questionId, ...again }));
      expect([error.code, error.message]).toEqual(["BAD_REQUEST", "This question is already resolved; reopen it first to resolve it differently."]);
    }
    const late = await trpcError(() => callerFor(on.member).questions.forecast({ questionId: on.questionId, probability: 0.9 }));
    expect(late.code).toBe("BAD_REQUEST");
    expect(late.message).toMatch(/resolved; forecasts are closed/);
    expect(await dbSnapshot()).toEqual(before);

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
      await addMember(on.owner, { notebookId: on.notebookId, email: editor.email, role: "editor" });
      const user = role === "viewer" ? on.member : role === "editor" ? editor : on.owner;
      const got: string[] = [];
      const expected: string[] = [];
      for (const row of TABLE) {
        const before = await dbSnapshot();
        let outcome: string;
        try {
          await callPath(callerFor(user), row[0], validInputs(on)[row[0]]);
          outcome = "ok";
        } catch (error) {
          outcome = (error as { code?: string }).code ?? String(error);
          expect(await dbSnapshot(), `${row[0]} refused but changed the database`).toEqual(before);
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
