// The one table of who may call which tRPC procedure: six callers, from an anonymous visitor to the notebook's owner.
import type { Context } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { allProcedures, callPath, type Caller } from "./helpers";
import type { Fixture } from "./procedures";

export const CALLERS = ["anonymous", "stranger", "viewer", "editor", "owner", "shareHolder"] as const;
export type CallerName = (typeof CALLERS)[number];
export type Outcome = "ok" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN";

/** What a caller gets from a procedure with the fixture's valid sample input (test/procedures.ts validInputs). */
export type MatrixRow = Record<CallerName, Outcome>;

const ok = "ok" as const;
const U = "UNAUTHORIZED" as const;
const NF = "NOT_FOUND" as const;
const F = "FORBIDDEN" as const;

/**
 * The callers, in column order:
 * - anonymous: no session;
 * - stranger: signed in, registered, not a member of the fixture's notebook;
 * - viewer, editor, owner: members of the notebook in that role;
 * - shareHolder: no account, holds the owner's /s/{token} link to the fixture's note. A share token is no credential
 *   for tRPC: sent as a Bearer header, a session cookie or any other header, the request is anonymous, so this column
 *   equals the anonymous one, and the test says so.
 *
 * Strangers get NOT_FOUND for anything in the notebook (they cannot tell it from a missing one); members without the
 * role get FORBIDDEN. API tokens are personal: only their maker sees or revokes one, so the owner's token is NOT_FOUND
 * to every other member. Procedures about the caller's own account or own lists are open to any signed-in user.
 */
function row(anonymous: Outcome, stranger: Outcome, viewer: Outcome, editor: Outcome, owner: Outcome, shareHolder: Outcome): MatrixRow {
  return { anonymous, stranger, viewer, editor, owner, shareHolder };
}

const PUBLIC = row(ok, ok, ok, ok, ok, ok);
/** The caller's own account, own lists, or a new notebook of their own. */
const SIGNED_IN = row(U, ok, ok, ok, ok, U);
/** Reading what is in the notebook (and a forecast, which is the caller's own view). */
const READ = row(U, NF, ok, ok, ok, U);
/** Changing what is in the notebook: editors and owners. */
const WRITE = row(U, NF, F, ok, ok, U);
/** Members, the FRED key, deleting the notebook or reopening a question: owners only. */
const OWNER = row(U, NF, F, F, ok, U);
/** Something only its maker may act on (the owner's API token). */
const MAKER = row(U, NF, NF, NF, ok, U);

export const MATRIX: Record<string, MatrixRow> = {
  "health.ping": PUBLIC,

  "account.register": PUBLIC,
  "account.me": SIGNED_IN,
  "account.changePassword": SIGNED_IN,
  "account.signOutEverywhere": SIGNED_IN,

  "notebooks.list": SIGNED_IN,
  "notebooks.create": SIGNED_IN,
  "notebooks.get": READ,
  "notebooks.activity": READ,
  "notebooks.deletionImpact": OWNER,
  "notebooks.rename": WRITE,
  "notebooks.setReminderDays": WRITE,
  "notebooks.remove": OWNER,
  "notebooks.members.list": READ,
  "notebooks.members.add": OWNER,
  "notebooks.members.changeRole": OWNER,
  "notebooks.members.remove": OWNER,
  "notebooks.members.setLeaderboardHidden": READ,

  "notes.list": READ,
  "notes.get": READ,
  "notes.asOf": READ,
  "notes.trash": READ,
  "notes.create": WRITE,
  "notes.update": WRITE,
  "notes.remove": WRITE,
  "notes.restore": WRITE,
  "notes.emptyTrash": WRITE,
  "notes.revisions.list": READ,
  "notes.revisions.get": READ,
  "notes.revisions.checkpoint": WRITE,
  "notes.revisions.restore": WRITE,
  "notes.tags.list": READ,
  "notes.tags.set": WRITE,
  "notes.tags.rename": WRITE,

  "search.query": READ,
  "inbox.list": SIGNED_IN,
  "inbox.dismiss": SIGNED_IN,
  "figures.evaluate": READ,
  "figures.changes": READ,
  "figures.accept": WRITE,
  "figures.pin": WRITE,

  "series.list": READ,
  "series.get": READ,
  "series.changes": READ,
  "series.connectorSettings": READ,
  "series.create": WRITE,
  "series.update": WRITE,
  "series.import": WRITE,
  "series.importMany": WRITE,
  "series.addFromSource": WRITE,
  "series.refresh": WRITE,
  "series.remove": WRITE,
  "series.setFredApiKey": OWNER,

  "charts.list": READ,
  "charts.get": READ,
  "charts.table": READ,
  "charts.preview": READ,
  "charts.create": WRITE,
  "charts.update": WRITE,
  "charts.remove": WRITE,

  "tokens.list": SIGNED_IN,
  "tokens.create": WRITE,
  "tokens.revoke": MAKER,

  "questions.list": READ,
  "questions.get": READ,
  "questions.ruleChart": READ,
  "questions.calibration": READ,
  "questions.forecast": READ,
  "questions.create": WRITE,
  "questions.update": WRITE,
  "questions.resolve": WRITE,
  "questions.reopen": OWNER,
  "questions.team": READ,
  "questions.leaderboard": READ,

  "share.listMine": SIGNED_IN,
  "share.create": WRITE,
  "share.list": WRITE,
  "share.revoke": WRITE,

  // Every member comments, viewers included. The sample comment is the owner's: only its author edits it, and the
  // author or the notebook's owner deletes it, so the other members are FORBIDDEN.
  "comments.list": READ,
  "comments.create": READ,
  "comments.reply": READ,
  "comments.resolve": READ,
  "comments.reopen": READ,
  "comments.edit": OWNER,
  "comments.remove": OWNER,
};

/**
 * What must be true before a row's sample can succeed for the owner (done by the owner on a fresh fixture): a note
 * is restored from the trash, so it is put there first; a question is reopened, so it is resolved first.
 */
export const PREPARE: Record<string, (owner: Caller, f: Fixture) => Promise<unknown>> = {
  "notes.restore": (owner, f) => owner.notes.remove({ id: f.noteId }),
  "notes.emptyTrash": (owner, f) => owner.notes.remove({ id: f.noteId }),
  "questions.reopen": (owner, f) => owner.questions.resolve({ id: f.questionId, outcome: "yes" }),
  "comments.reopen": (owner, f) => owner.comments.resolve({ threadId: f.commentId }),
};

const SUBSCRIPTIONS = new Set(allProcedures().filter(([, p]) => p._def.type === "subscription").map(([path]) => path));

/** How long a subscription that opened is given to fail before it counts as allowed (a refusal comes at once). */
const SUBSCRIPTION_GRACE_MS = 25;

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? `threw ${String(error)}`;
}

/**
 * Calls one procedure in the given context and tells what happened: "ok" or the error code. A subscription that
 * opened and did not fail within the grace period is "ok", and is closed.
 */
export async function outcomeOf(ctx: Context, path: string, input: unknown): Promise<string> {
  const controller = new AbortController();
  try {
    const result = await callPath(createCaller(ctx, { signal: controller.signal }), path, input);
    if (!SUBSCRIPTIONS.has(path)) return "ok";
    const events = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const first = events.next().then(
      () => "ok",
      (error: unknown) => codeOf(error),
    );
    const outcome = await Promise.race([first, new Promise<string>((resolve) => setTimeout(() => resolve("ok"), SUBSCRIPTION_GRACE_MS))]);
    controller.abort();
    await events.return?.().catch(() => undefined);
    return outcome;
  } catch (error) {
    return codeOf(error);
  } finally {
    controller.abort();
  }
}

/** The headers a share-link holder's browser might send with the token in every place a credential could be looked for. */
export function shareHolderHeaders(token: string): Headers {
  return new Headers({
    authorization: `Bearer ${token}`,
    cookie: `authjs.session-token=${token}; __Secure-authjs.session-token=${token}; share=${token}`,
    "x-share-token": token,
    "x-api-key": token,
  });
}
