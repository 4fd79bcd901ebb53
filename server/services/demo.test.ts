// The first-run demo: created once with its user, notebook, membership and welcome note; a second run adds nothing.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { memberships, notebooks, users } from "@/db/schema";
import { DEMO_NOTEBOOK, DEMO_NOTES, DEMO_USER, ROTATION_NOTE, WELCOME_NOTE } from "@/db/seed/demo-content";
import { DEMO_2026_CHART, DEMO_CHARTS, DEMO_SERIES } from "@/db/seed/demo-data";
import { DEMO_QUESTIONS } from "@/db/seed/demo-questions";
import { COLLEAGUE_FORECASTS, DEMO_COLLEAGUE, ROTATION_THREAD, SMALL_CAPS_COMMENT } from "@/db/seed/demo-team";
import { dbSnapshot, rowCounts } from "@/test/helpers";
import { authenticate } from "./accounts";
import { demoEnabled, ensureDemo } from "./demo";
import { noteFigureChanges } from "./figure-updates";
import { evaluateFigures } from "./figures";
import { inboxFor } from "./inbox";
import { listNotebooks } from "./notebooks";
import { listRevisions } from "./note-revisions";
import { getNote, listNotes } from "./notes";
import { searchNotes } from "./search";
import { chartTable, getChart, listCharts } from "./charts";
import { listComments } from "./comments";
import { myCalibration } from "./question-scores";
import { getQuestion, listQuestions } from "./questions";
import { getSeries, listSeries } from "./series";
import { maxDrawdown } from "@/lib/charts/transforms";

const saved = process.env.QUIRE_DEMO;
afterEach(() => {
  if (saved === undefined) delete process.env.QUIRE_DEMO;
  else process.env.QUIRE_DEMO = saved;
});

describe("ensureDemo", () => {
  it("creates the demo user, notebook, owner membership and welcome note once, even when two starts race", async () => {
    const before = await rowCounts();
    expect((await Promise.all([ensureDemo(), ensureDemo()])).sort()).toEqual([false, true]);
    expect(await rowCounts()).toEqual({
      users: before.users + 2,
      notebooks: before.notebooks + 1,
      memberships: before.memberships + 2,
      notes: before.notes + DEMO_NOTES.length + 1,
      // demo.seeded; series.create and series.data for each series; chart.create per chart (and the rotation note's);
      // question.create and one question.forecast per forecast (the analyst's and the colleague's) for each question; question.resolve for the two practice
      // questions; series.data for each correction made after the notes
      events:
        before.events +
        1 +
        DEMO_SERIES.length * 2 +
        Object.keys(DEMO_CHARTS).length +
        1 +
        DEMO_QUESTIONS.length +
        DEMO_QUESTIONS.reduce((n, q) => n + q.forecasts.length + COLLEAGUE_FORECASTS[q.key].length, 0) +
        // the colleague's thread on the rotation note, the analyst's reply, the colleague's comment on a question
        3 +
        2 +
        DEMO_SERIES.filter((s) => s.correctedLater).length,
    });
    const db = getDb();
    const user = (await db.select().from(users).where(eq(users.email, DEMO_USER.email)))[0]!;
    expect(user.name).toBe(DEMO_USER.name);
    expect(user.passwordHash).not.toContain(DEMO_USER.password);
    const [nb] = await listNotebooks(user);
    expect(nb).toMatchObject({ name: DEMO_NOTEBOOK.name, role: "owner", noteCount: DEMO_NOTES.length + 1, memberCount: 2 });
    const welcome = (await listNotes(user, { notebookId: nb!.id })).find((n) => n.title === WELCOME_NOTE.title)!;
    expect(await getNote(user, welcome.id)).toMatchObject({ body: WELCOME_NOTE.body, tags: WELCOME_NOTE.tags, version: 1 });
    expect(await listRevisions(user, welcome.id)).toHaveLength(1);
    expect((await listNotes(user, { notebookId: nb!.id, tag: "small-caps" })).map((n) => n.title)).toEqual([ROTATION_NOTE.title]);
    expect((await searchNotes(user, { q: "Magnificent" })).hits.map((h) => h.title)).toContain(ROTATION_NOTE.title);
    expect((await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.notebookId, nb!.id))).map((m) => m.role).sort()).toEqual(["editor", "owner"]);
  });

  it("has a colleague whose forecasts pool with the analyst's, whose thread on the rotation note mentions the analyst, and who signs in with the demo password", async () => {
    await ensureDemo();
    const db = getDb();
    const analyst = (await db.select().from(users).where(eq(users.email, DEMO_USER.email)))[0]!;
    const colleague = (await db.select().from(users).where(eq(users.email, DEMO_COLLEAGUE.email)))[0]!;
    expect(await authenticate(DEMO_COLLEAGUE.email, DEMO_USER.password, "10.8.0.2")).toMatchObject({ kind: "ok" });
    const [nb] = await listNotebooks(analyst);
    const rotation = (await listNotes(analyst, { notebookId: nb!.id })).find((n) => n.title === ROTATION_NOTE.title)!;
    const { threads } = await listComments(analyst, { targetType: "note", targetId: rotation.id });
    expect(threads).toHaveLength(1);
    expect(threads[0]!.anchor?.quote).toBe(ROTATION_THREAD.quote);
    expect(threads[0]!.comments.map((c) => [c.author?.name, c.deleted])).toEqual([
      [DEMO_COLLEAGUE.name, false],
      [DEMO_USER.name, false],
    ]);
    const mentions = (await inboxFor(analyst)).filter((i) => i.kind === "mention");
    expect(mentions.map((i) => i.href)).toEqual([`/notes/${rotation.id}#comment-${threads[0]!.id}`]);
    expect((await inboxFor(colleague)).filter((i) => i.kind === "mention")).toEqual([]);

    const smallCaps = (await listQuestions(analyst, { notebookId: nb!.id })).find((q) => q.title.startsWith("Will small caps"))!;
    const onQuestion = await listComments(colleague, { targetType: "question", targetId: smallCaps.id });
    expect(onQuestion.threads.map((t) => t.comments[0]!.body)).toEqual([SMALL_CAPS_COMMENT]);
    const page = await getQuestion(analyst, smallCaps.id);
    expect(new Set(page.forecasts.map((f) => f.userName))).toEqual(new Set([DEMO_USER.name, DEMO_COLLEAGUE.name]));
  });

  it("lets the demo user sign in with the documented password", async () => {
    expect(await authenticate(DEMO_USER.email, DEMO_USER.password, "10.8.0.1")).toMatchObject({ kind: "ok" });
  });

  it("creates nothing the second time, or when run twice at once", async () => {
    const before = await dbSnapshot();
    expect(await ensureDemo()).toBe(false);
    expect(await Promise.all([ensureDemo(), ensureDemo()])).toEqual([false, false]);
    expect(await dbSnapshot()).toEqual(before);
    expect(await getDb().select().from(notebooks).where(eq(notebooks.name, DEMO_NOTEBOOK.name))).toHaveLength(1);
  });
});

describe("the demo's data and charts", () => {
  const demoUser = async () => (await getDb().select().from(users).where(eq(users.email, DEMO_USER.email)))[0]!;

  it("imports the real vega-datasets prices and the reported 2026 figures", async () => {
    const user = await demoUser();
    const byKey = new Map((await listSeries(user)).map((s) => [s.key, s]));
    expect([...byKey.keys()].sort()).toEqual(DEMO_SERIES.map((s) => s.key).sort());
    // Every series the demo's charts and rules read has rows.
    for (const s of byKey.values()) expect(s.rowCount, s.key).toBeGreaterThan(0);
    // 107 as first entered, corrected to 106.4 after the notes were written.
    expect(byKey.get("RUT")).toMatchObject({ firstDate: "2025-12-31", lastDate: "2026-01-30", lastValue: 106.4, source: "manual" });
    expect(byKey.get("RUT")!.notes).toContain("Reported");
    expect(byKey.get("SPX")).toMatchObject({ firstDate: "2000-01-03", lastDate: "2020-04-17", source: "upload" });
    expect(byKey.get("SPX")!.rowCount).toBeGreaterThan(5000);
    expect(byKey.get("MSFT")).toMatchObject({ rowCount: 123, firstDate: "2000-01-01", lastValue: 28.8 });
    expect(byKey.get("GOOG")).toMatchObject({ firstDate: "2004-08-01" });
    expect(byKey.get("RUT-YTD-2026")).toMatchObject({ lastValue: 7, source: "manual", unit: "%" });
    expect(byKey.get("RUT-YTD-2026")!.notes).toContain("Reported");
  });

  it("writes the rotation note's figures live, and the corrected value leaves one stale, listed in the inbox", async () => {
    const user = await demoUser();
    const rotation = (await listNotes(user, {})).find((n) => n.title === ROTATION_NOTE.title)!;
    const changes = await noteFigureChanges(user, rotation.id);
    expect(changes.map((c) => [c.key, c.was.text, c.now.ok && c.now.text, c.reason])).toEqual([["series=RUT stat=ytd", "7.0%", "6.4%", "revised"]]);
    const inbox = await inboxFor(user);
    expect(inbox.filter((i) => i.kind === "stale-figures").map((i) => [i.title, i.href])).toEqual([[ROTATION_NOTE.title, `/notes/${rotation.id}`]]);
    const dotcom = (await listNotes(user, {})).find((n) => n.title.startsWith("2000–2002"))!;
    const note = await getNote(user, dotcom.id);
    const keys = [...note.body.matchAll(/:value\{([^}]*)\}/g)].map((m) => m[1]!);
    // Worked out from sp500-2000.csv: high 1527.46 (2000-03-24), 2002 low 776.76 (2002-10-09), so 776.76 / 1527.46 − 1
    // = −49.15%; 879.82 (2002-12-31) / 1455.22 (2000-01-03) − 1 = −39.54%.
    const figures = await evaluateFigures(user, { notebookId: note.notebookId, keys });
    expect(figures.map((f) => f.ok && f.text)).toEqual(["1,527", "777", "-49.1%", "-40%"]);
  });

  it("the note's facts match the data its charts draw", async () => {
    const user = await demoUser();
    const spx = (await getSeries(user, { id: (await listSeries(user)).find((s) => s.key === "SPX")!.id, from: "2000-01-01", to: "2002-12-31" })).observations;
    const drawdown = maxDrawdown(spx)!;
    expect(drawdown).toMatchObject({ peakDate: "2000-03-24", troughDate: "2002-10-09" });
    expect(drawdown.drawdown).toBeCloseTo(776.76001 / 1527.459961 - 1, 6);

    const charts = await listCharts(user);
    expect(charts.map((c) => c.title).sort()).toEqual([...Object.values(DEMO_CHARTS), DEMO_2026_CHART].map((c) => c.title).sort());
    for (const c of charts) {
      const chart = await getChart(user, { id: c.id });
      expect(chart.data.missing).toEqual([]);
      expect(chart.svg).toContain("<svg");
      expect(chart.embeddedIn.map((n) => n.title)).toEqual([c.title === DEMO_2026_CHART.title ? ROTATION_NOTE.title : "2000–2002: the last time the giants stopped leading"]);
    }
    const ratio = (await chartTable(user, { id: charts.find((c) => c.title === DEMO_CHARTS.ratio.title)!.id })).table;
    const column = ratio.columns.indexOf("Microsoft / S&P 500");
    const rows = ratio.rows.filter((r) => typeof r[column] === "number");
    const at = (from: string, to: string) => rows.filter((r) => String(r[0]) >= from && String(r[0]) <= to).map((r) => r[column] as number);
    const march2000High = Math.max(...at("2000-03-01", "2000-03-31"));
    // "Measured against the index, Microsoft never got back to its March 2000 high in the rest of the decade."
    expect(at("2001-01-01", "2010-03-31").length).toBeGreaterThan(2000);
    expect(Math.max(...at("2001-01-01", "2010-03-31"))).toBeLessThan(march2000High);
  });
});

describe("the demo's questions", () => {
  it("tracks the commentary's open questions with forecast histories citing the rotation note, and the practice questions resolved by their rules", async () => {
    const user = (await getDb().select().from(users).where(eq(users.email, DEMO_USER.email)))[0]!;
    const list = await listQuestions(user);
    expect(list.map((q) => [q.title, q.status])).toEqual(
      expect.arrayContaining([
        ["How many times will the Fed cut rates in 2026?", "open"],
        ["Will the Magnificent Seven beat the S&P 500 over 2026?", "open"],
        ["Will small caps hold their lead over the S&P 500 to year-end 2026?", "open"],
        ["Practice: will the S&P 500 end 2008 lower than it started?", "resolved"],
        ["Practice: will IBM beat the S&P 500 over 2000–2002?", "resolved"],
      ]),
    );
    const smallCaps = await getQuestion(user, list.find((q) => q.title.startsWith("Will small caps"))!.id);
    // The rule reads rows (RUT and SPX-2026 both have a start value) and waits only for the year-end value.
    expect(smallCaps.ruleStatus).toBe("Russell 2000, rebased to 100 at end-2025 (reported) has no value on or after 2026-12-31 yet (latest 2026-01-30).");
    expect(smallCaps.citedBy.map((n) => n.title)).toEqual([ROTATION_NOTE.title]);
    expect(smallCaps.forecasts.map((f) => [f.userName, f.probability, f.noteTitle])).toEqual([
      [DEMO_USER.name, 0.65, null],
      [DEMO_COLLEAGUE.name, 0.45, null],
      [DEMO_USER.name, 0.6, ROTATION_NOTE.title],
    ]);
    // S&P 500 2008: 1468.36 → 903.25 is a fall, so YES; IBM 2000–2002 (−29.8%) beat the S&P 500 (−39.5%), so YES.
    const practice = list.filter((q) => q.status === "resolved").map((q) => q.outcome);
    expect(practice).toEqual([1, 1]);
    // The practice forecasts that count: 0.85 (2008) and 0.4 (IBM): Brier (0.85−1)² = 0.0225 and (0.4−1)² = 0.36, mean 0.19125.
    expect((await myCalibration(user)).meanBrier).toBeCloseTo(0.19125, 12);
  });
});

describe("demoEnabled", () => {
  it.each([
    [undefined, true],
    ["1", true],
    ["yes", true],
    ["0", false],
    ["false", false],
    ["OFF", false],
    ["no", false],
  ])("QUIRE_DEMO=%s gives %s", (value, expected) => {
    if (value === undefined) delete process.env.QUIRE_DEMO;
    else process.env.QUIRE_DEMO = value;
    expect(demoEnabled()).toBe(expected);
  });
});
