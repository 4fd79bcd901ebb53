// Notebook fixtures (one viewer, or a whole team) and a valid sample input for every procedure that takes one.
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, noteRevisions } from "@/db/schema";
import type { ChartSpec } from "@/lib/charts/spec";
import { questionInputSchema } from "@/lib/questions/spec";
import { createToken } from "@/server/services/api-tokens";
import { createChart } from "@/server/services/charts";
import { createComment } from "@/server/services/comments";
import { addMember, createNotebook } from "@/server/services/notebooks";
import { createNote } from "@/server/services/notes";
import { recordForecast } from "@/server/services/question-forecasts";
import { createQuestion } from "@/server/services/questions";
import { createSeries } from "@/server/services/series";
import { createShareLink } from "@/server/services/share-links";
import { importIntoSeries } from "@/server/services/series-import";
import type { SessionUser } from "@/server/trpc/init";
import { makeUser, OTHER_STRONG_PASSWORD, STRONG_PASSWORD } from "./helpers";

export type Fixture = {
  owner: SessionUser;
  member: SessionUser;
  outsider: SessionUser;
  notebookId: string;
  notebookName: string;
  noteId: string;
  revisionId: number;
  /** An uploaded series with the key "RUT" and a few January 2026 observations. */
  seriesId: string;
  /** A line chart over RUT (FIXTURE_CHART_SPEC), at version 1. */
  chartId: string;
  /** The owner's API token for the notebook. */
  tokenId: string;
  /** An open binary question (FIXTURE_QUESTION, no data rule), at version 1, with one forecast by the owner citing the note. */
  questionId: string;
  /** The owner's live share link to the note. */
  shareLinkId: string;
  /** The owner's comment thread on the note's first passage ("Small caps led in January"). */
  commentId: string;
  /** That link's token (a holder opens /s/{shareToken}). */
  shareToken: string;
};

/** People to reuse instead of registering new ones (registration hashes a password: slow when done hundreds of times). */
export type FixturePeople = { owner: SessionUser; member: SessionUser; outsider: SessionUser };

/** A well-formed FRED API key (32 lowercase letters and digits) that FRED never issued. */
/** The fixture note's text: a sentence with one live figure over the fixture's RUT series. */
export const FIXTURE_NOTE_BODY = "Small caps led in January: the Russell 2000 rose :value{series=RUT stat=return from=2026-01-02}.";
export const FIXTURE_FIGURE_KEY = "series=RUT stat=return from=2026-01-02";

export const FIXTURE_FRED_API_KEY = "0123456789abcdef0123456789abcdef";

/** The fixture question: binary, open, resolving by hand (no rule), tagged "small-caps". */
export const FIXTURE_QUESTION = {
  title: "Will small caps beat large caps in 2026?",
  details: "Russell 2000 against the S&P 500.",
  criteria: "YES if the Russell 2000's 2026 total return is above the S&P 500's.",
  resolveBy: "2026-12-31",
  tags: ["small-caps"],
  kind: "binary",
} as const;

/** The fixture chart: valid, over the fixture's one series, with custom dates around its observations. */
export const FIXTURE_CHART_SPEC: ChartSpec = {
  title: "Russell 2000 in January",
  description: "",
  kind: "line",
  series: ["RUT"],
  range: { preset: "custom", from: "2026-01-01", to: "2026-01-31" },
  annotations: [{ date: "2026-01-15", label: "CPI" }],
};

/**
 * An owner's notebook with one viewer, one note (tagged "macro"), a series "RUT" with observations, a chart over it,
 * an API token of the owner's and an open binary question with the owner's forecast, plus a registered user who is
 * not a member. Everything is made through the services.
 */
export async function makeFixture(label = "fx", people?: FixturePeople): Promise<Fixture> {
  const owner = people?.owner ?? (await makeUser(`${label}owner`));
  const member = people?.member ?? (await makeUser(`${label}member`));
  const outsider = people?.outsider ?? (await makeUser(`${label}outsider`));
  const notebookName = `Notebook of ${owner.name}`;
  const { id: notebookId } = await createNotebook(owner, { name: notebookName, description: "" });
  await addMember(owner, { notebookId, email: member.email, role: "viewer" });
  const { id: noteId } = await createNote(owner, { notebookId, title: "First note", body: FIXTURE_NOTE_BODY, tags: ["macro"] });
  const revision = (await getDb().select({ id: noteRevisions.id }).from(noteRevisions).where(eq(noteRevisions.noteId, noteId)))[0];
  const { id: seriesId } = await createSeries(owner, {
    notebookId,
    key: "RUT",
    name: "Russell 2000",
    unit: "index points",
    frequency: "daily",
    source: "upload",
    sourceRef: "",
    notes: "",
    refreshIntervalMinutes: null,
  });
  await importIntoSeries(owner, { seriesId, text: "date,RUT\n2026-01-02,2000\n2026-01-05,2010.5\n2026-01-30,2140\n" });
  const { id: chartId } = await createChart(owner, { notebookId, spec: FIXTURE_CHART_SPEC });
  const { id: tokenId } = await createToken(owner, { notebookId, name: "nightly push" });
  const { id: questionId } = await createQuestion(owner, { ...questionInputSchema.parse(FIXTURE_QUESTION), notebookId });
  await recordForecast(owner, { questionId, probability: 0.4, rationale: "Small caps led in January.", noteId });
  const { id: shareLinkId, token: shareToken } = await createShareLink(owner, { targetType: "note", targetId: noteId, label: "Client: Acme", mode: "live" });
  const { id: commentId } = await createComment(owner, { targetType: "note", targetId: noteId, body: "Which close is this from?", anchor: { quote: "Small caps led in January", start: 0 } });
  return { owner, member, outsider, notebookId, notebookName, noteId, revisionId: revision!.id, seriesId, chartId, tokenId, questionId, shareLinkId, shareToken, commentId };
}

export type Team = { owner: SessionUser; editor: SessionUser; viewer: SessionUser; stranger: SessionUser; notebookId: string };

/** A notebook with an owner, an editor and a viewer, plus a registered stranger. */
export async function makeTeam(label = "team"): Promise<Team> {
  const [owner, editor, viewer, stranger] = [await makeUser(`${label}owner`), await makeUser(`${label}editor`), await makeUser(`${label}viewer`), await makeUser(`${label}stranger`)];
  const { id: notebookId } = await createNotebook(owner, { name: `Notebook of ${owner.name}`, description: "" });
  await addMember(owner, { notebookId, email: editor.email, role: "editor" });
  await addMember(owner, { notebookId, email: viewer.email, role: "viewer" });
  return { owner, editor, viewer, stranger, notebookId };
}

/** The audit events about one target, oldest first, as [action, data]. */
export async function eventsAbout(targetId: string): Promise<Array<[string, unknown]>> {
  return (await getDb()
    .select({ action: events.action, data: events.data })
    .from(events)
    .where(eq(events.targetId, targetId))
    .orderBy(asc(events.id)))
    .map((e) => [e.action, e.data]);
}

let registrations = 0;

/** Inputs that would succeed for the fixture's owner, keyed by procedure path. */
export function validInputs(f: Fixture): Record<string, Record<string, unknown>> {
  registrations += 1;
  return {
    "account.register": { name: "New Person", email: `newperson${registrations}@example.com`, password: OTHER_STRONG_PASSWORD },
    "account.changePassword": { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD },
    "notebooks.get": { id: f.notebookId },
    "notebooks.activity": { notebookId: f.notebookId, kind: "forecast", limit: 20 },
    "notebooks.deletionImpact": { id: f.notebookId },
    "notebooks.create": { name: "A new notebook", description: "Rates and small caps" },
    "notebooks.rename": { id: f.notebookId, name: "Renamed notebook" },
    "notebooks.setReminderDays": { id: f.notebookId, days: 14 },
    "notebooks.remove": { id: f.notebookId, confirmName: f.notebookName },
    "notebooks.members.list": { id: f.notebookId },
    "notebooks.members.add": { notebookId: f.notebookId, email: f.outsider.email, role: "editor" },
    "notebooks.members.changeRole": { notebookId: f.notebookId, userId: f.member.id, role: "editor" },
    "notebooks.members.remove": { notebookId: f.notebookId, userId: f.member.id },
    "notebooks.members.setLeaderboardHidden": { notebookId: f.notebookId, hidden: true },
    "notes.list": { notebookId: f.notebookId },
    "notes.get": { id: f.noteId },
    "notes.asOf": { id: f.noteId, at: new Date() },
    "notes.create": { notebookId: f.notebookId, title: "A new note", body: "Rates first.", tags: ["rates"] },
    "notes.update": { id: f.noteId, baseVersion: 1, title: "First note, revised" },
    "notes.remove": { id: f.noteId },
    "notes.restore": { id: f.noteId },
    "notes.trash": { notebookId: f.notebookId },
    "notes.emptyTrash": { notebookId: f.notebookId },
    "notes.revisions.list": { id: f.noteId },
    "notes.revisions.get": { noteId: f.noteId, revisionId: f.revisionId },
    "notes.revisions.checkpoint": { id: f.noteId },
    "notes.revisions.restore": { noteId: f.noteId, revisionId: f.revisionId },
    "notes.tags.list": { notebookId: f.notebookId },
    "notes.tags.set": { id: f.noteId, tags: ["macro", "small-caps"] },
    "notes.tags.rename": { notebookId: f.notebookId, from: "macro", to: "macro-2026" },
    "inbox.dismiss": { key: `resolve-by:${f.questionId}:2026-12-31:near` },
    "figures.evaluate": { notebookId: f.notebookId, keys: [FIXTURE_FIGURE_KEY], asOf: new Date() },
    "figures.changes": { noteId: f.noteId },
    "figures.accept": { noteId: f.noteId, key: FIXTURE_FIGURE_KEY },
    "figures.pin": { noteId: f.noteId, key: FIXTURE_FIGURE_KEY, baseVersion: 1 },
    "search.query": { q: "small caps", notebookId: f.notebookId, tag: "macro", limit: 10 },
    "series.list": { notebookId: f.notebookId },
    "series.get": { id: f.seriesId, from: "2026-01-01", to: "2026-01-31", asOf: new Date() },
    "series.create": {
      notebookId: f.notebookId,
      key: "SPX",
      name: "S&P 500",
      unit: "index points",
      frequency: "daily",
      source: "upload",
      sourceRef: "",
      notes: "Large caps.",
      refreshIntervalMinutes: 1440,
    },
    "series.update": { id: f.seriesId, name: "Russell 2000 Index", unit: "points", frequency: "daily", notes: "Small caps.", sourceRef: "", refreshIntervalMinutes: 1440 },
    "series.remove": { id: f.seriesId },
    "series.import": { seriesId: f.seriesId, text: "day,close\n2026-01-06,2021\n2026-01-07,2033\n", mapping: { dateColumn: "day", valueColumn: "close" } },
    "series.importMany": { notebookId: f.notebookId, text: "date,IWM,QQQ\n2026-01-06,250.1,610.2\n2026-01-07,252.3,611.9\n", mapping: { layout: "wide", dateColumn: "date", valueColumns: ["IWM", "QQQ"] } },
    "series.addFromSource": { notebookId: f.notebookId, source: "yahoo", ref: "^RUT", key: "RUT-YAHOO" },
    "series.refresh": { id: f.seriesId },
    "series.changes": { notebookId: f.notebookId },
    "series.connectorSettings": { notebookId: f.notebookId },
    "series.setFredApiKey": { notebookId: f.notebookId, apiKey: FIXTURE_FRED_API_KEY },
    "charts.list": { notebookId: f.notebookId },
    "charts.get": { id: f.chartId, asOf: new Date(), width: 640 },
    "charts.table": { id: f.chartId, asOf: new Date() },
    "charts.preview": { notebookId: f.notebookId, spec: FIXTURE_CHART_SPEC, width: 640 },
    "charts.create": { notebookId: f.notebookId, spec: { ...FIXTURE_CHART_SPEC, title: "A second chart" } },
    "charts.update": { id: f.chartId, spec: { ...FIXTURE_CHART_SPEC, kind: "rebased" }, baseVersion: 1 },
    "charts.remove": { id: f.chartId },
    "tokens.create": { notebookId: f.notebookId, name: "weekly push" },
    "tokens.revoke": { id: f.tokenId },
    "questions.list": { notebookId: f.notebookId, status: "open" },
    "questions.get": { id: f.questionId },
    "questions.ruleChart": { id: f.questionId, width: 640 },
    // A numeric question (the fixture's is binary), so the range and unit rules are reached; its rule waits for
    // data that the fixture does not have (RUT ends in January), so creating it does not resolve it.
    "questions.create": {
      notebookId: f.notebookId,
      title: "Where will the Russell 2000 close 2026?",
      details: "The year-end close.",
      criteria: "The Russell 2000's close on 2026-12-31.",
      resolveBy: "2026-12-31",
      tags: ["small-caps", "year-end"],
      kind: "numeric",
      unit: "index points",
      rangeMin: 1500,
      rangeMax: 2500,
      rule: { type: "value-on-date", a: "RUT", date: "2026-12-31" },
      firstForecast: { value: 2100, low: 1900, high: 2300, rationale: "Rate cuts help small caps." },
    },
    // The fixture's binary question edited whole (an edit sends every field), gaining a rule that waits.
    "questions.update": {
      id: f.questionId,
      baseVersion: 1,
      ...FIXTURE_QUESTION,
      tags: ["small-caps", "rates"],
      unit: "",
      criteria: "YES if the Russell 2000 closes 2026 above 2,000.",
      rule: { type: "value-threshold", a: "RUT", date: "2026-12-31", op: ">", threshold: 2000 },
    },
    "questions.forecast": { questionId: f.questionId, probability: 0.65, rationale: "Rates are falling.", noteId: f.noteId },
    "questions.resolve": { id: f.questionId, outcome: "yes", comment: "RUT closed at 2,150." },
    "questions.reopen": { id: f.questionId },
    "questions.calibration": { notebookId: f.notebookId },
    "questions.team": { id: f.questionId, extremize: true },
    "questions.leaderboard": { notebookId: f.notebookId },
    "share.create": { targetType: "note", targetId: f.noteId, label: "Client: Globex", mode: "snapshot", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    "share.list": { targetType: "note", targetId: f.noteId },
    "share.revoke": { id: f.shareLinkId },
    "comments.list": { targetType: "note", targetId: f.noteId },
    "comments.create": { targetType: "note", targetId: f.noteId, body: "Is the 2,140 close final?", anchor: { quote: "the Russell 2000 rose", prefix: "January: ", suffix: " " } },
    "comments.reply": { threadId: f.commentId, body: "The January 30 close." },
    "comments.edit": { id: f.commentId, body: "Which close is this from, the 30th?" },
    "comments.remove": { id: f.commentId },
    "comments.resolve": { threadId: f.commentId },
    "comments.reopen": { threadId: f.commentId },
  };
}
