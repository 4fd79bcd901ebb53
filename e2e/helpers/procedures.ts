// Every tRPC procedure of the app, listed by hand (the HTTP specs import nothing from the app), with a sample input.
// The vitest tests server/trpc/root.test.ts and server/trpc/input-validation.test.ts enumerate the router itself, so a
// new procedure cannot be missed there; this list can miss one, so add each new procedure here as well.
import { asTrpc, type Reply, type TrpcReply } from "./http";
import { badAsOf, badSpecs, CHART_SPEC } from "./sample-inputs";
import type { Procedure, SampleIds } from "./procedure-types";
import { COMMENT_PROCEDURES, QUESTION_PROCEDURES } from "./procedures-questions";

export type { Procedure, SampleIds } from "./procedure-types";

const NOTE_BODY_OVER_MAX = 200_001;
const byId = (ids: SampleIds) => ({ id: ids.notebookId });
const byNote = (ids: SampleIds) => ({ id: ids.noteId });
const inNotebook = (ids: SampleIds) => ({ notebookId: ids.notebookId });
const revision = (ids: SampleIds) => ({ noteId: ids.noteId, revisionId: ids.revisionId });
const q = "query" as const;
const m = "mutation" as const;
const sub = "subscription" as const;
const p = "protected" as const;

export const PROCEDURES: Procedure[] = [
  { path: "health.ping", type: q, access: "public" },
  {
    path: "account.register",
    type: m,
    access: "public",
    sample: () => ({ name: "Input Probe", email: "input-probe@example.com", password: "violet kettle drums quietly" }),
  },
  { path: "account.me", type: q, access: p },
  {
    path: "account.changePassword",
    type: m,
    access: p,
    sample: () => ({ currentPassword: "violet kettle drums quietly", newPassword: "amber lantern rivers slowly" }),
  },
  { path: "account.signOutEverywhere", type: m, access: p },

  { path: "notebooks.list", type: q, access: p },
  { path: "notebooks.get", type: q, access: p, sample: byId },
  {
    path: "notebooks.activity",
    type: q,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, kind: "forecast", limit: 20 }),
    optional: ["actorId", "kind", "before", "limit"],
    extra: (ids) => [
      ["an unknown kind", { notebookId: ids.notebookId, kind: "everything" }],
      ["a limit above 100", { notebookId: ids.notebookId, limit: 101 }],
      ["a cursor that is not one", { notebookId: ids.notebookId, before: "yesterday" }],
    ],
  },
  { path: "notebooks.deletionImpact", type: q, access: p, sample: byId },
  { path: "notebooks.create", type: m, access: p, sample: () => ({ name: "Probe notebook", description: "Rates" }), optional: ["description"] },
  { path: "notebooks.rename", type: m, access: p, sample: (ids) => ({ id: ids.notebookId, name: "Renamed" }) },
  { path: "notebooks.setReminderDays", type: m, access: p, sample: (ids) => ({ id: ids.notebookId, days: 14 }) },
  { path: "notebooks.remove", type: m, access: p, sample: (ids) => ({ id: ids.notebookId, confirmName: ids.notebookName }) },
  { path: "notebooks.members.list", type: q, access: p, sample: byId },
  { path: "notebooks.members.add", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, email: ids.outsiderEmail, role: "editor" }) },
  { path: "notebooks.members.changeRole", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, userId: ids.memberId, role: "editor" }) },
  { path: "notebooks.members.remove", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, userId: ids.memberId }) },
  {
    path: "notebooks.members.setLeaderboardHidden",
    type: m,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, hidden: true }),
    extra: (ids) => [["hidden as text", { notebookId: ids.notebookId, hidden: "yes" }]],
  },

  { path: "notes.list", type: q, access: p, sample: (ids) => ({ notebookId: ids.notebookId, tag: "rates" }), optional: ["notebookId", "tag"] },
  { path: "notes.get", type: q, access: p, sample: byNote },
  { path: "notes.asOf", type: q, access: p, sample: (ids) => ({ id: ids.noteId, at: "2100-01-01T00:00:00Z" }), extra: (ids) => [["at not a moment", { id: ids.noteId, at: "yesterday" }]] },
  {
    path: "notes.create",
    type: m,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, title: "Probe note", body: "Rates first.", tags: ["rates"] }),
    optional: ["body", "tags"],
    oversized: { body: NOTE_BODY_OVER_MAX },
  },
  {
    path: "notes.update",
    type: m,
    access: p,
    sample: (ids) => ({ id: ids.noteId, baseVersion: ids.noteVersion, title: "Probe title", body: "Probe body" }),
    optional: ["title", "body"],
    oversized: { body: NOTE_BODY_OVER_MAX },
    extra: (ids) => [["neither title nor body", { id: ids.noteId, baseVersion: ids.noteVersion }]],
  },
  { path: "notes.remove", type: m, access: p, sample: byNote },
  { path: "notes.restore", type: m, access: p, sample: byNote },
  { path: "notes.trash", type: q, access: p, sample: inNotebook },
  { path: "notes.emptyTrash", type: m, access: p, sample: inNotebook },
  { path: "notes.revisions.list", type: q, access: p, sample: byNote },
  { path: "notes.revisions.get", type: q, access: p, sample: revision },
  { path: "notes.revisions.checkpoint", type: m, access: p, sample: byNote },
  { path: "notes.revisions.restore", type: m, access: p, sample: revision },
  { path: "notes.tags.list", type: q, access: p, sample: inNotebook },
  { path: "notes.tags.set", type: m, access: p, sample: (ids) => ({ id: ids.noteId, tags: ["macro"] }) },
  { path: "notes.tags.rename", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, from: "rates", to: "rates-2026" }) },

  { path: "inbox.list", type: q, access: p },
  { path: "inbox.dismiss", type: m, access: p, sample: (ids) => ({ key: `resolve-by:${ids.questionId}:2026-12-31:near` }) },

  {
    // asOf is coerced to a date like series.get's, so it is left out of the sample.
    path: "figures.evaluate",
    type: q,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, keys: ["series=RUT stat=last"] }),
    optional: ["asOf"],
    extra: (ids) => [["keys as one string", { notebookId: ids.notebookId, keys: "series=RUT stat=last" }]],
  },
  { path: "figures.changes", type: q, access: p, sample: (ids) => ({ noteId: ids.noteId }) },
  { path: "figures.accept", type: m, access: p, sample: (ids) => ({ noteId: ids.noteId, key: "series=RUT stat=last" }) },
  { path: "figures.pin", type: m, access: p, sample: (ids) => ({ noteId: ids.noteId, key: "series=RUT stat=last", baseVersion: ids.noteVersion }) },

  {
    path: "search.query",
    type: q,
    access: p,
    sample: (ids) => ({ q: "rates", notebookId: ids.notebookId, tag: "rates", limit: 10 }),
    optional: ["notebookId", "tag", "limit"],
  },

  { path: "series.list", type: q, access: p, sample: inNotebook, optional: ["notebookId"] },
  {
    // asOf is coerced to a date (a number is epoch milliseconds, and null or true coerce too), so it is not in the
    // sample, whose fields get values of other types; extra gives it values that are no date at all.
    path: "series.get",
    type: q,
    access: p,
    sample: (ids) => ({ id: ids.seriesId, from: "2026-01-01", to: "2026-01-31" }),
    optional: ["from", "to"],
    extra: (ids) => {
      const sample = { id: ids.seriesId, from: "2026-01-01", to: "2026-01-31" };
      return [
        ["from after to", { ...sample, from: "2026-02-01" }],
        ["from 2026-02-30", { ...sample, from: "2026-02-30" }],
        ["to not YYYY-MM-DD", { ...sample, to: "31/01/2026" }],
        ...badAsOf(sample),
      ];
    },
  },
  {
    // refreshIntervalMinutes is nullable, so a null is no fault; it is left out of the sample and checked in extra.
    path: "series.create",
    type: m,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, key: "SPX", name: "S&P 500", unit: "index points", frequency: "daily", source: "upload", sourceRef: "", notes: "" }),
    optional: ["unit", "frequency", "source", "sourceRef", "notes"],
    extra: (ids) => {
      const sample = { notebookId: ids.notebookId, key: "SPX", name: "S&P 500", unit: "index points", frequency: "daily", source: "upload", sourceRef: "", notes: "" };
      return [
        ["a FRED series without a FRED id", { ...sample, source: "fred" }],
        ["a key with a space", { ...sample, key: "S P X" }],
        ["a key of 65 characters", { ...sample, key: "K".repeat(65) }],
        ["an unknown frequency", { ...sample, frequency: "hourly" }],
        ["refreshIntervalMinutes below 15", { ...sample, refreshIntervalMinutes: 5 }],
        ["refreshIntervalMinutes as a fraction", { ...sample, refreshIntervalMinutes: 60.5 }],
        ["refreshIntervalMinutes as a string", { ...sample, refreshIntervalMinutes: "60" }],
      ];
    },
  },
  {
    path: "series.update",
    type: m,
    access: p,
    sample: (ids) => ({ id: ids.seriesId, name: "Russell 2000 Index", unit: "points", frequency: "daily", notes: "Small caps." }),
    optional: ["unit", "frequency", "notes"],
    extra: (ids) => [["refreshIntervalMinutes below 15", { id: ids.seriesId, name: "Russell 2000 Index", refreshIntervalMinutes: 5 }]],
  },
  { path: "series.remove", type: m, access: p, sample: (ids) => ({ id: ids.seriesId }) },
  {
    path: "series.import",
    type: m,
    access: p,
    sample: (ids) => ({ seriesId: ids.seriesId, text: "day,close\n2026-01-06,2021\n", mapping: { dateColumn: "day", valueColumn: "close" } }),
    optional: ["mapping"],
    extra: (ids) => {
      const sample = { seriesId: ids.seriesId, text: "day,close\n2026-01-06,2021\n", mapping: { dateColumn: "day", valueColumn: "close" } };
      return [
        ["a row whose value is not a number", { ...sample, text: "day,close\n2026-01-06,n/a?\n2026-01-07,abc\n" }],
        ["a row dated 2026-02-30", { ...sample, text: "day,close\n2026-02-30,2021\n" }],
        ["a file with a header only", { ...sample, text: "day,close\n" }],
        ["a mapping naming a missing column", { ...sample, mapping: { dateColumn: "day", valueColumn: "price" } }],
      ];
    },
  },
  {
    path: "series.importMany",
    type: m,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, text: "date,IWM,QQQ\n2026-01-06,250.1,610.2\n" }),
    optional: ["mapping"],
    extra: (ids) => {
      const sample = { notebookId: ids.notebookId, text: "date,IWM,QQQ\n2026-01-06,250.1,610.2\n" };
      return [
        ["a symbol that is no series key", { ...sample, text: "date,symbol,close\n2026-01-06,S&P 500,250\n" }],
        ["a row dated 2026-02-30", { ...sample, text: "date,IWM\n2026-02-30,250\n" }],
        ["a wide mapping with no columns", { ...sample, mapping: { layout: "wide", dateColumn: "date", valueColumns: [] } }],
        ["a mapping naming a missing column", { ...sample, mapping: { layout: "wide", dateColumn: "date", valueColumns: ["nope"] } }],
      ];
    },
  },
  {
    path: "series.addFromSource",
    type: m,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, source: "yahoo", ref: "^RUT", key: "RUT-YAHOO" }),
    optional: ["key"],
    extra: (ids) => [
      ["an unknown source", { notebookId: ids.notebookId, source: "ftp", ref: "^RUT" }],
      ["an empty ref", { notebookId: ids.notebookId, source: "fred", ref: "" }],
      ["a ref with a slash", { notebookId: ids.notebookId, source: "fred", ref: "a/b" }],
    ],
  },
  { path: "series.refresh", type: m, access: p, sample: (ids) => ({ id: ids.seriesId }) },
  { path: "series.changes", type: sub, access: p, sample: inNotebook, optional: ["notebookId"] },
  { path: "series.connectorSettings", type: q, access: p, sample: inNotebook },
  {
    // apiKey is nullable (null clears the key), and every field of a sample gets a null among its malformed values, so
    // the sample leaves apiKey out (each malformed variant then lacks it too) and extra sends keys that are no FRED key.
    path: "series.setFredApiKey",
    type: m,
    access: p,
    sample: inNotebook,
    extra: (ids) => [
      ["apiKey in capitals", { notebookId: ids.notebookId, apiKey: "0123456789ABCDEF0123456789ABCDEF" }],
      ["apiKey of 31 characters", { notebookId: ids.notebookId, apiKey: "a".repeat(31) }],
      ["apiKey with a space inside", { notebookId: ids.notebookId, apiKey: "0123456789abcdef 123456789abcdef" }],
      ["apiKey as a number", { notebookId: ids.notebookId, apiKey: 12345 }],
      ["apiKey as an empty string", { notebookId: ids.notebookId, apiKey: "" }],
      ["apiKey of 100,000 characters", { notebookId: ids.notebookId, apiKey: "a".repeat(100_000) }],
    ],
  },

  { path: "charts.list", type: q, access: p, sample: inNotebook, optional: ["notebookId"] },
  {
    path: "charts.get",
    type: q,
    access: p,
    sample: (ids) => ({ id: ids.chartId, width: 640 }),
    optional: ["width"],
    extra: (ids) => [["width below 200", { id: ids.chartId, width: 199 }], ["width above 2000", { id: ids.chartId, width: 2001 }], ...badAsOf({ id: ids.chartId })],
  },
  { path: "charts.table", type: q, access: p, sample: (ids) => ({ id: ids.chartId }), extra: (ids) => badAsOf({ id: ids.chartId }) },
  {
    path: "charts.preview",
    type: q,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, spec: CHART_SPEC, width: 640 }),
    optional: ["width"],
    extra: (ids) => badSpecs({ notebookId: ids.notebookId, spec: CHART_SPEC, width: 640 }),
  },
  {
    path: "charts.create",
    type: m,
    access: p,
    sample: (ids) => ({ notebookId: ids.notebookId, spec: { ...CHART_SPEC, title: "Probe chart" } }),
    extra: (ids) => badSpecs({ notebookId: ids.notebookId }),
  },
  {
    path: "charts.update",
    type: m,
    access: p,
    sample: (ids) => ({ id: ids.chartId, spec: { ...CHART_SPEC, kind: "rebased" }, baseVersion: ids.chartVersion }),
    optional: ["baseVersion"],
    extra: (ids) => badSpecs({ id: ids.chartId, baseVersion: ids.chartVersion }),
  },
  { path: "charts.remove", type: m, access: p, sample: (ids) => ({ id: ids.chartId }) },

  { path: "tokens.create", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, name: "Probe token" }), extra: (ids) => [["a blank name", { notebookId: ids.notebookId, name: "   " }]] },
  { path: "tokens.list", type: q, access: p },
  { path: "tokens.revoke", type: m, access: p, sample: (ids) => ({ id: ids.tokenId }) },

  ...QUESTION_PROCEDURES,

  {
    path: "share.create",
    type: m,
    access: p,
    sample: (ids) => ({ targetType: "note", targetId: ids.noteId, label: "Probe link", mode: "live", expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
    optional: ["expiresAt"],
    extra: (ids) => [
      ["a blank label", { targetType: "note", targetId: ids.noteId, label: "   ", mode: "live" }],
      ["an expiry in the past", { targetType: "note", targetId: ids.noteId, label: "Probe link", mode: "live", expiresAt: "2020-01-01T00:00:00Z" }],
      ["an unknown mode", { targetType: "note", targetId: ids.noteId, label: "Probe link", mode: "public" }],
      ["an unknown target type", { targetType: "series", targetId: ids.noteId, label: "Probe link", mode: "live" }],
    ],
  },
  { path: "share.list", type: q, access: p, sample: (ids) => ({ targetType: "note", targetId: ids.noteId }) },
  { path: "share.listMine", type: q, access: p },
  { path: "share.revoke", type: m, access: p, sample: (ids) => ({ id: ids.shareLinkId }) },

  ...COMMENT_PROCEDURES,
];

/** Well-formed ids that no row has: enough for calls that must be refused before any lookup. */
export const PLACEHOLDER_IDS: SampleIds = {
  notebookId: "nosuchnotebook00",
  notebookName: "No such notebook",
  memberId: "nosuchuser000000",
  outsiderEmail: "nobody@example.com",
  noteId: "nosuchnote000000",
  noteVersion: 1,
  revisionId: 1,
  seriesId: "nosuchseries0000",
  chartId: "nosuchchart00000",
  chartVersion: 1,
  tokenId: "nosuchtoken00000",
  questionId: "nosuchquestion00",
  shareLinkId: "nosuchsharelink0",
  commentId: "nosuchcomment000",
};

/**
 * A subscription's reply (GET /api/trpc/<path>?input=…) read as tRPC's server-sent events. tRPC answers a subscription
 * with HTTP 200 and text/event-stream before the procedure has decided anything: a refusal (UNAUTHORIZED, BAD_REQUEST)
 * is a `serialized-error` event carrying the usual error shape, after which the server ends the stream. `error` is
 * that event's error, `events` the names of all events, in order. A reply that is not an event stream (for example a
 * JSON error from before tRPC) is parsed as plain tRPC JSON.
 */
export function subscriptionReply(reply: Reply): TrpcReply & { events: string[] } {
  if (!String(reply.headers["content-type"]).includes("text/event-stream")) return { ...asTrpc(reply), events: [] };
  const events: string[] = [];
  let error: TrpcReply["error"];
  for (const block of reply.body.split(/\n\n+/)) {
    const lines = block.split("\n");
    const event = lines.find((l) => l.startsWith("event: "))?.slice("event: ".length) ?? "message";
    const data = lines.find((l) => l.startsWith("data: "))?.slice("data: ".length);
    if (!lines.some((l) => l.trim() !== "")) continue;
    events.push(event);
    if (event === "serialized-error" && data) {
      const e = (JSON.parse(data) as { json?: { message?: string; data?: { code?: string; httpStatus?: number } } }).json;
      error = { message: e?.message ?? "", code: e?.data?.code ?? "", httpStatus: e?.data?.httpStatus ?? 0 };
    }
  }
  return { ...reply, error, events };
}
