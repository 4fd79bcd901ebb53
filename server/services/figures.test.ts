// Live figures through the API: computed over a notebook's series with provenance, as known at a moment, recorded at save, flagged when data or a revision moves them, accepted or pinned.
import { describe, expect, it } from "vitest";
import { computeFigure } from "@/lib/figures/compute";
import { figureSpecOfKey } from "@/lib/figures/spec";
import { respondToShare } from "@/server/http/share";
import { callerFor, trpcError } from "@/test/helpers";
import { eventsAbout, makeTeam } from "@/test/procedures";
import { applyObservations } from "./observations";
import { createNote, updateNote } from "./notes";
import { createSeries } from "./series";
import { createShareLink } from "./share-links";

const base = { unit: "index points", frequency: "daily" as const, source: "upload" as const, sourceRef: "", notes: "", refreshIntervalMinutes: null };
const T1 = Date.parse("2026-02-01T12:00:00Z");
const T2 = Date.parse("2026-02-03T12:00:00Z");

/** A team notebook with RUT (2025-12-31 100, 2026-01-30 107, known from T1) and SPX (200 → 203). */
async function notebookWithSeries(label: string) {
  const team = await makeTeam(label);
  const rut = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "RUT", name: "Russell 2000" });
  const spx = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "SPX", name: "S&P 500" });
  await applyObservations(rut.id, [{ date: "2025-12-31", value: 100 }, { date: "2026-01-30", value: 107 }], T1);
  await applyObservations(spx.id, [{ date: "2025-12-31", value: 200 }, { date: "2026-01-30", value: 203 }], T1);
  return { team, rutId: rut.id, spxId: spx.id };
}

describe("figures.evaluate", () => {
  it("computes each figure with the values it used and when they became known, and says why one cannot be computed", async () => {
    const { team } = await notebookWithSeries("figeval");
    const viewer = callerFor(team.viewer);
    const [ytd, ratio, missing, early] = await viewer.figures.evaluate({
      notebookId: team.notebookId,
      keys: ["series=RUT stat=ytd", "series=RUT stat=ratio over=SPX from=2025-12-31 digits=2", "series=IWM stat=last", "series=RUT stat=value date=2025-06-30"],
    });
    // 107 / 100 − 1 = 7%; (107/203) / (100/200) − 1 = 214/203 − 1 = 5.4187…%.
    expect(ytd).toMatchObject({ ok: true, text: "7.0%", value: expect.closeTo(7, 10), style: "percent", series: { RUT: { name: "Russell 2000", unit: "index points", dataVersion: 1 } } });
    expect(ytd?.ok && ytd.used).toEqual([
      { series: "RUT", role: "start", date: "2025-12-31", value: 100, knownFrom: new Date(T1) },
      { series: "RUT", role: "end", date: "2026-01-30", value: 107, knownFrom: new Date(T1) },
    ]);
    expect(ratio).toMatchObject({ ok: true, text: "5.42%" });
    expect(missing).toEqual({ key: "series=IWM stat=last", ok: false, reason: "no series “IWM” in this notebook" });
    expect(early).toMatchObject({ ok: false, reason: expect.stringContaining("no value on or before 2025-06-30") });

    // Figures are remembered by their series' data versions: a series made later, or a new value, is seen at once.
    const iwm = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "IWM", name: "iShares Russell 2000" });
    await applyObservations(iwm.id, [{ date: "2026-01-30", value: 262.5 }], T1);
    const [made] = await viewer.figures.evaluate({ notebookId: team.notebookId, keys: ["series=IWM stat=last"] });
    expect(made).toMatchObject({ ok: true, text: "262.50" });
    await applyObservations(iwm.id, [{ date: "2026-02-02", value: 265 }], T2);
    const [moved] = await viewer.figures.evaluate({ notebookId: team.notebookId, keys: ["series=IWM stat=last"] });
    expect(moved).toMatchObject({ ok: true, text: "265.00" });
  });

  it("reads the data as known at asOf, and a figure's own asOf too", async () => {
    const { team, rutId } = await notebookWithSeries("figasof");
    await applyObservations(rutId, [{ date: "2026-01-30", value: 106 }], T2); // revised down
    const owner = callerFor(team.owner);
    const keys = ["series=RUT stat=ytd", "series=RUT stat=ytd asOf=2026-02-02"];
    const [now, pinned] = await owner.figures.evaluate({ notebookId: team.notebookId, keys });
    expect(now).toMatchObject({ ok: true, text: "6.0%", asOf: null });
    expect(pinned).toMatchObject({ ok: true, text: "7.0%", asOf: new Date("2026-02-02T23:59:59.999Z") });
    const [then] = await owner.figures.evaluate({ notebookId: team.notebookId, keys: keys.slice(0, 1), asOf: new Date(T1 + 1) });
    expect(then).toMatchObject({ ok: true, text: "7.0%", asOf: new Date(T1 + 1) });
  });

  it("refuses strangers and malformed keys, and caps the number of figures", async () => {
    const { team } = await notebookWithSeries("figdeny");
    expect((await trpcError(() => callerFor(team.stranger).figures.evaluate({ notebookId: team.notebookId, keys: ["series=RUT stat=last"] }))).code).toBe("NOT_FOUND");
    const bad = await trpcError(() => callerFor(team.owner).figures.evaluate({ notebookId: team.notebookId, keys: ["RUT"] }));
    expect(bad.code).toBe("BAD_REQUEST");
    const many = Array.from({ length: 201 }, (_, i) => `series=RUT stat=value date=2026-01-${String((i % 28) + 1).padStart(2, "0")}`);
    expect((await trpcError(() => callerFor(team.owner).figures.evaluate({ notebookId: team.notebookId, keys: many }))).code).toBe("BAD_REQUEST");
  });
});

describe("stale figures", () => {
  const body = "Small caps are up :value{series=RUT stat=ytd} this year, against :value{stat=ytd series=SPX} for the S&P 500.";

  it("records what each figure showed at save, lists those a revision or new data moved, and clears them when accepted", async () => {
    const { team, rutId, spxId } = await notebookWithSeries("figstale");
    const owner = callerFor(team.owner);
    const { id: noteId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Rotation", body });
    expect(await owner.figures.changes({ noteId })).toEqual([]);

    await applyObservations(rutId, [{ date: "2026-01-30", value: 106.2 }], T2); // a revision of a value used
    await applyObservations(spxId, [{ date: "2026-02-02", value: 205 }], T2); // a new day
    const changes = await callerFor(team.viewer).figures.changes({ noteId });
    expect(changes.map((c) => [c.key, c.was.text, c.now.ok && c.now.text, c.reason, c.detail])).toEqual([
      ["series=RUT stat=ytd", "7.0%", "6.2%", "revised", "RUT for 2026-01-30 was revised from 107 to 106.2"],
      ["series=SPX stat=ytd", "1.5%", "2.5%", "new data", "SPX now uses 2026-02-02 where it used 2026-01-30"],
    ]);

    // A viewer may not answer; an editor accepts the new RUT figure, and only SPX is left.
    expect((await trpcError(() => callerFor(team.viewer).figures.accept({ noteId, key: "series=RUT stat=ytd" }))).code).toBe("FORBIDDEN");
    await expect(callerFor(team.editor).figures.accept({ noteId, key: "series=RUT stat=ytd" })).resolves.toEqual({ key: "series=RUT stat=ytd", text: "6.2%" });
    expect((await owner.figures.changes({ noteId })).map((c) => c.key)).toEqual(["series=SPX stat=ytd"]);
    expect((await eventsAbout(noteId)).filter(([action]) => action === "figure.accepted")).toEqual([["figure.accepted", { key: "series=RUT stat=ytd", was: "7.0%", now: "6.2%" }]]);
  });

  it("pins a figure to the data as known when it was written: the text gains asOf and the figure shows the old value again", async () => {
    const { team, spxId } = await notebookWithSeries("figpin");
    const owner = callerFor(team.owner);
    const { id: noteId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Rotation", body });
    await applyObservations(spxId, [{ date: "2026-02-02", value: 205 }], Date.now() + 1000);
    const [change] = await owner.figures.changes({ noteId });
    expect(change).toMatchObject({ key: "series=SPX stat=ytd", was: { text: "1.5%" }, reason: "new data" });

    expect((await trpcError(() => owner.figures.pin({ noteId, key: change!.key, baseVersion: 7 }))).code).toBe("CONFLICT");
    const pinned = await owner.figures.pin({ noteId, key: change!.key, baseVersion: 1 });
    expect(pinned.version).toBe(2);
    expect(pinned.key).toMatch(/^series=SPX stat=ytd asOf=\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    const note = await owner.notes.get({ id: noteId });
    expect(note.body).toBe(body.replace(":value{stat=ytd series=SPX}", `:value{${pinned.key}}`));
    expect(await owner.figures.changes({ noteId })).toEqual([]);
    const [shown] = await owner.figures.evaluate({ notebookId: team.notebookId, keys: [pinned.key] });
    expect(shown).toMatchObject({ ok: true, text: "1.5%" });
    // A figure the text no longer holds cannot be answered.
    expect((await trpcError(() => owner.figures.accept({ noteId, key: "series=SPX stat=ytd" }))).code).toBe("BAD_REQUEST");
  });
});

describe("figures on share pages", () => {
  it("a live link shows each figure as the data stands, a snapshot as known when it was made, with provenance and no directive", async () => {
    const { team, rutId } = await notebookWithSeries("figshare");
    const { id: noteId } = await createNote(team.owner, {
      notebookId: team.notebookId,
      title: "Rotation",
      body: "Small caps are up :value{series=RUT stat=ytd} this year; :value{series=NOPE stat=last} and :value{series=RUT stat=bogus}.",
    });
    const live = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Client", mode: "live" });
    const snapshot = await createShareLink(team.owner, { targetType: "note", targetId: noteId, label: "Client", mode: "snapshot" });
    await applyObservations(rutId, [{ date: "2026-01-30", value: 109 }], Date.now() + 1000);
    const page = async (token: string) => String((await respondToShare({ method: "GET", path: `/s/${token}`, header: () => null })).body);

    const livePage = await page(live.token);
    expect(livePage).toContain('<span class="figure" title="Russell 2000 (RUT) · from RUT 2025-12-31: 100; to RUT 2026-01-30: 109 · data as known when this page was made">9.0%</span>');
    expect(livePage).toContain('<span class="figure figure-error">⚠ no series “NOPE” in this notebook</span>');
    expect(livePage).toMatch(/<span class="figure figure-error">⚠ unknown stat “bogus”/);
    expect(livePage).not.toContain(":value{");
    expect(await page(snapshot.token)).toMatch(/<span class="figure" title="[^"]*to RUT 2026-01-30: 107 · data as known on [^"]*">7\.0%<\/span>/);
  });
});

describe("a note as of a moment", () => {
  it("shows the revision that stood then, and the figures and chart series that moved since", async () => {
    const { team, rutId } = await notebookWithSeries("figasofnote");
    const { id: noteId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Rotation", body: "Small caps are up :value{series=RUT stat=ytd}." });
    await new Promise((r) => setTimeout(r, 15));
    const then = new Date();
    await new Promise((r) => setTimeout(r, 15));
    await updateNote(team.editor, { id: noteId, baseVersion: 1, body: "Small caps are up :value{series=RUT stat=ytd}, and holding." });
    await applyObservations(rutId, [{ date: "2026-01-30", value: 106.2 }], Date.now());

    const viewer = callerFor(team.viewer);
    const past = await viewer.notes.asOf({ id: noteId, at: then });
    expect(past).toMatchObject({ body: "Small caps are up :value{series=RUT stat=ytd}.", revision: { noteVersion: 1 }, at: then });
    expect(past.figuresSince).toEqual([{ key: "series=RUT stat=ytd", then: "7.0%", now: "6.2%" }]);
    expect((await viewer.notes.asOf({ id: noteId, at: new Date(Date.now() + 60_000) })).body).toBe("Small caps are up :value{series=RUT stat=ytd}, and holding.");
    const early = await trpcError(() => viewer.notes.asOf({ id: noteId, at: new Date("2020-01-01") }));
    expect([early.code, early.message]).toEqual(["BAD_REQUEST", expect.stringMatching(/^This note did not exist yet at that moment: it was created on \d{4}-/)]);
    expect((await trpcError(() => callerFor(team.stranger).notes.asOf({ id: noteId, at: then }))).code).toBe("NOT_FOUND");
  });
});

describe("figures over a long series", () => {
  it("read in the ranges each figure needs, give the same figures as the whole series", async () => {
    const team = await makeTeam("figlong");
    const long = await createSeries(team.owner, { ...base, notebookId: team.notebookId, key: "LONG", name: "Long" });
    // 25,000 days (above the 20,000 rows read whole) from 1950, a deterministic walk, weekends left out.
    const points: Array<{ date: string; value: number }> = [];
    let value = 100;
    for (let i = 0; i < 25_000; i++) {
      const date = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000);
      value *= 1 + Math.sin(i * 0.37) * 0.01;
      if (date.getUTCDay() % 6 !== 0) points.push({ date: date.toISOString().slice(0, 10), value: Math.round(value * 1000) / 1000 });
    }
    await applyObservations(long.id, points, T1);
    const keys = [
      "series=LONG stat=last",
      "series=LONG stat=value date=1990-07-01",
      "series=LONG stat=return from=1960-01-01 to=2010-01-01",
      "series=LONG stat=change from=1999-12-31",
      "series=LONG stat=ytd to=1985-06-15",
      "series=LONG stat=drawdown from=1970-01-01 to=1980-12-31",
      "series=LONG stat=high from=2000-01-01",
      "series=LONG stat=low",
    ];
    const results = await callerFor(team.owner).figures.evaluate({ notebookId: team.notebookId, keys });
    const whole = (k: string) => (k === "LONG" ? { key: "LONG", name: "Long", unit: "index points", points } : undefined);
    for (const [i, key] of keys.entries()) {
      const spec = figureSpecOfKey(key);
      if (!spec.ok) throw new Error(spec.reason);
      const expected = computeFigure(spec.spec, whole);
      if (!expected.ok) throw new Error(expected.reason);
      expect(results[i], key).toMatchObject({ ok: true, value: expected.figure.value, used: expected.figure.used.map((u) => expect.objectContaining(u)) });
    }
  });
});

describe("a snapshot of a past moment", () => {
  it("shares a note as it stood then: its text, and its figures as the data was known then", async () => {
    const { team, rutId } = await notebookWithSeries("figpastshare");
    const { id: noteId } = await createNote(team.owner, { notebookId: team.notebookId, title: "Rotation", body: "Then: small caps up :value{series=RUT stat=ytd}." });
    await new Promise((r) => setTimeout(r, 15));
    const then = new Date();
    await new Promise((r) => setTimeout(r, 15));
    await updateNote(team.editor, { id: noteId, baseVersion: 1, body: "Now: small caps up :value{series=RUT stat=ytd}, still." });
    await applyObservations(rutId, [{ date: "2026-01-30", value: 106.2 }], Date.now());

    const owner = callerFor(team.owner);
    const link = await owner.share.create({ targetType: "note", targetId: noteId, label: "As it stood", mode: "snapshot", asOf: then.toISOString() } as never);
    const page = String((await respondToShare({ method: "GET", path: link.path, header: () => null })).body);
    expect(page).toContain("Then: small caps up");
    expect(page).not.toContain("Now: small caps up");
    expect(page).toMatch(/<span class="figure" title="[^"]*">7\.0%<\/span>/);

    const refused = async (input: Record<string, unknown>) => {
      const error = await trpcError(() => owner.share.create({ targetType: "note", targetId: noteId, label: "x", mode: "snapshot", ...input } as never));
      return [error.code, error.message];
    };
    expect(await refused({ mode: "live", asOf: then.toISOString() })).toEqual(["BAD_REQUEST", expect.stringContaining("Only a snapshot shows a past moment; a live link always shows now.")]);
    expect(await refused({ asOf: new Date(Date.now() + 3_600_000).toISOString() })).toEqual(["BAD_REQUEST", expect.stringContaining("pick a date and time that has passed")]);
    expect(await refused({ asOf: "2020-01-01T00:00:00Z" })).toEqual(["BAD_REQUEST", expect.stringContaining("did not exist yet")]);
    expect(await refused({ targetType: "notebook", targetId: team.notebookId, asOf: then.toISOString() })).toEqual(["BAD_REQUEST", expect.stringContaining("share a note or a question as of a past moment")]);
  });
});
