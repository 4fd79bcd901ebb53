// Every tRPC procedure of the app, listed by hand (the HTTP specs import nothing from the app), with a sample input.
// The vitest tests server/trpc/root.test.ts and server/trpc/input-validation.test.ts enumerate the router itself, so a
// new procedure cannot be missed there; this list can miss one, so add each new procedure here as well.

/** Real ids from the signed-in owner's fixture, so that a call which skipped validation would change something visible. */
export type SampleIds = {
  notebookId: string;
  notebookName: string;
  memberId: string;
  outsiderEmail: string;
  noteId: string;
  noteVersion: number;
  revisionId: number;
};

export type Procedure = {
  path: string;
  type: "query" | "mutation";
  access: "public" | "protected";
  /** A well-formed input (undefined: the procedure takes none). */
  sample?: (ids: SampleIds) => Record<string, unknown>;
  /** Fields that may be left out (they have defaults or widen the scope). */
  optional?: string[];
  /** Length of an oversized string for fields whose limit is above the specs' default size. */
  oversized?: Record<string, number>;
  /** Malformed inputs that only this procedure has (e.g. a rule across fields). */
  extra?: (ids: SampleIds) => Array<[string, unknown]>;
};

const NOTE_BODY_OVER_MAX = 200_001;
const byId = (ids: SampleIds) => ({ id: ids.notebookId });
const byNote = (ids: SampleIds) => ({ id: ids.noteId });
const inNotebook = (ids: SampleIds) => ({ notebookId: ids.notebookId });
const revision = (ids: SampleIds) => ({ noteId: ids.noteId, revisionId: ids.revisionId });
const q = "query" as const;
const m = "mutation" as const;
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
  { path: "notebooks.deletionImpact", type: q, access: p, sample: byId },
  { path: "notebooks.create", type: m, access: p, sample: () => ({ name: "Probe notebook", description: "Rates" }), optional: ["description"] },
  { path: "notebooks.rename", type: m, access: p, sample: (ids) => ({ id: ids.notebookId, name: "Renamed" }) },
  { path: "notebooks.remove", type: m, access: p, sample: (ids) => ({ id: ids.notebookId, confirmName: ids.notebookName }) },
  { path: "notebooks.members.list", type: q, access: p, sample: byId },
  { path: "notebooks.members.add", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, email: ids.outsiderEmail, role: "editor" }) },
  { path: "notebooks.members.changeRole", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, userId: ids.memberId, role: "editor" }) },
  { path: "notebooks.members.remove", type: m, access: p, sample: (ids) => ({ notebookId: ids.notebookId, userId: ids.memberId }) },

  { path: "notes.list", type: q, access: p, sample: (ids) => ({ notebookId: ids.notebookId, tag: "rates" }), optional: ["notebookId", "tag"] },
  { path: "notes.get", type: q, access: p, sample: byNote },
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

  {
    path: "search.query",
    type: q,
    access: p,
    sample: (ids) => ({ q: "rates", notebookId: ids.notebookId, tag: "rates", limit: 10 }),
    optional: ["notebookId", "tag", "limit"],
  },
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
};
