// Activity in words: one row of a notebook's feed (an audit event, or a note revision standing for edits) as the sentence a person reads, with a link to the thing while it exists in this notebook.
import { formatForecast, formatOutcome } from "@/lib/questions/format";

/** One row of the feed as read: an event ("e") or a note revision ("r"). */
export type Row = {
  src: "e" | "r";
  id: number;
  at: Date;
  /** When a note revision was opened (its edits run from here to `at`). */
  from: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data: Record<string, unknown> | null;
};

/** A finite number field of an event's data, or null. */
export const num = (data: Record<string, unknown> | null, key: string): number | null => (typeof data?.[key] === "number" && Number.isFinite(data[key]) ? (data[key] as number) : null);
/** A non-empty text field of an event's data, cut to `max` characters, or null. */
export const str = (data: Record<string, unknown> | null, key: string, max = 120): string | null => {
  const v = data?.[key];
  if (typeof v !== "string" || v.trim() === "") return null;
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
};
const quoted = (title: string) => `“${title}”`;
const ROLE_WORDS: Record<string, string> = { owner: "an owner", editor: "an editor", viewer: "a viewer" };

/** Names of the things rows point at, read only from the row's notebook. */
export type Names = {
  notes: Map<string, { title: string; deleted: boolean }>;
  questions: Map<string, { title: string; kind: "binary" | "numeric"; unit: string }>;
  charts: Map<string, string>;
  series: Map<string, { key: string; name: string }>;
  users: Map<string, string>;
  shares: Map<string, { targetType: string; targetId: string }>;
  forecastQuestion: Map<string, string>;
};

export type Described = { text: string; href: string | null };

/** A thing of this notebook in words with its link: `note` and `question` (and a forecast's question), or nothing when it is gone or elsewhere. */
function thing(names: Names, type: string | null | undefined, id: string | null | undefined, notebookId: string): Described {
  if (type === "notebook") return { text: "the notebook", href: `/notebooks/${notebookId}` };
  if (!id) return { text: type === "question" ? "a question" : type === "forecast" ? "a forecast" : "a note", href: null };
  if (type === "note") {
    const n = names.notes.get(id);
    if (!n) return { text: "a note that was deleted", href: null };
    return { text: `the note ${quoted(n.title)}`, href: n.deleted ? null : `/notes/${id}` };
  }
  if (type === "question" || type === "forecast") {
    const qid = type === "forecast" ? names.forecastQuestion.get(id) : id;
    const q = qid ? names.questions.get(qid) : undefined;
    if (!q) return { text: type === "forecast" ? "a forecast" : "a question", href: null };
    return { text: `${type === "forecast" ? "a forecast on " : ""}${quoted(q.title)}`, href: `/questions/${qid}` };
  }
  return { text: "something", href: null };
}

/** Who did it, in words: a name, or the rule, a scheduled refresh, or a former member. */
export function actorWords(row: Row): string {
  if (row.actorName) return row.actorName;
  if (row.action === "question.resolve" && row.data?.source === "rule") return "The data rule";
  if (row.action === "series.data") return "A scheduled refresh";
  return "A former member";
}

/** The sentence after the actor's name, and the link; only whitelisted fields of `data` are read (never a token, a key or a secret). */
export function describe(row: Row, names: Names, notebookId: string, count: number): Described {
  const d = row.data;
  const note = () => thing(names, "note", row.targetId, notebookId);
  const question = () => names.questions.get(row.targetId);
  const qText = () => thing(names, "question", row.targetId, notebookId);
  const chart = () => names.charts.get(row.targetId);
  const seriesName = () => {
    const s = names.series.get(row.targetId);
    return s ? { text: s.name && s.name !== s.key ? `${s.name} (${s.key})` : s.key, href: `/data/${row.targetId}` } : { text: str(d, "key", 64) ?? "a series", href: null };
  };
  const member = () => names.users.get(row.targetId) ?? "a former member";
  const times = count > 1 ? ` (${count} times)` : "";
  switch (row.action) {
    case "note.edited": {
      const n = note();
      return { text: `edited ${n.text}${count > 1 ? ` (${count} sessions)` : ""}`, href: n.href };
    }
    case "note.created": {
      const n = note();
      return { text: `wrote ${n.text}`, href: n.href };
    }
    case "note.trashed": {
      const n = note();
      return { text: `moved ${n.text} to the trash`, href: null };
    }
    case "note.restored": {
      const n = note();
      return { text: `restored ${n.text} from the trash`, href: n.href };
    }
    case "note.revision_restored": {
      const n = note();
      return { text: `restored an earlier version of ${n.text}`, href: n.href };
    }
    case "note.tagged": {
      const n = note();
      const tags = Array.isArray(d?.tags) ? d.tags.filter((t): t is string => typeof t === "string").slice(0, 8) : [];
      return { text: tags.length > 0 ? `tagged ${n.text} ${tags.map((t) => `#${t}`).join(" ")}` : `removed the tags of ${n.text}`, href: n.href };
    }
    case "note.trash_emptied": {
      const n = num(d, "deleted");
      return { text: `emptied the trash${n !== null ? ` (${n} ${n === 1 ? "note" : "notes"})` : ""}`, href: null };
    }
    case "tag.renamed":
      return { text: `renamed the tag #${str(d, "from", 60) ?? "?"} to #${str(d, "to", 60) ?? "?"}`, href: `/notebooks/${notebookId}` };
    case "figure.accepted": {
      const n = note();
      return { text: `accepted a figure's new value in ${n.text}`, href: n.href };
    }
    case "question.create": {
      const q = qText();
      return { text: `asked ${q.text}`, href: q.href };
    }
    case "question.update": {
      const q = qText();
      return { text: `edited the question ${q.text}${times}`, href: q.href };
    }
    case "question.criteria": {
      const q = qText();
      return { text: `changed the resolution criteria of ${q.text}`, href: q.href };
    }
    case "question.forecast": {
      const q = qText();
      const values = { probability: num(d, "probability"), value: num(d, "value"), low: num(d, "low"), high: num(d, "high") };
      const said = values.probability !== null || values.value !== null ? formatForecast(values, question()?.unit ?? "") : null;
      return { text: said ? `forecast ${said} on ${q.text}` : `forecast on ${q.text}`, href: q.href };
    }
    case "question.resolve": {
      const q = qText();
      const info = question();
      const outcome = num(d, "outcome");
      const as = info && outcome !== null ? ` as ${formatOutcome({ kind: info.kind, status: "resolved", outcome, unit: info.unit })}` : "";
      return { text: `resolved ${q.text}${as}`, href: q.href };
    }
    case "question.annul": {
      const q = qText();
      return { text: `annulled ${q.text}`, href: q.href };
    }
    case "question.reopen": {
      const q = qText();
      return { text: `reopened ${q.text}`, href: q.href };
    }
    case "chart.create":
    case "chart.update": {
      const title = chart();
      const what = title ? `the chart ${quoted(title)}` : "a chart that was deleted";
      return { text: `${row.action === "chart.create" ? "made" : "edited"} ${what}${row.action === "chart.update" ? times : ""}`, href: title ? `/charts/${row.targetId}` : null };
    }
    case "chart.remove": {
      const title = str(d, "title");
      return { text: `deleted the chart${title ? ` ${quoted(title)}` : ""}`, href: null };
    }
    case "series.create": {
      const s = seriesName();
      return { text: `added the series ${s.text}`, href: s.href };
    }
    case "series.update": {
      const s = seriesName();
      return { text: `edited the series ${s.text}${times}`, href: s.href };
    }
    case "series.remove":
      return { text: `deleted the series ${str(d, "key", 64) ?? ""}`.trimEnd(), href: null };
    case "series.data": {
      const s = seriesName();
      const inserted = num(d, "inserted") ?? 0;
      const revised = num(d, "revised") ?? 0;
      const parts = [inserted > 0 ? `${inserted} new` : "", revised > 0 ? `${revised} revised` : ""].filter(Boolean).join(", ");
      const verb = row.actorId === null ? "updated" : "added data to";
      return { text: `${verb} ${s.text}${parts ? ` (${parts}${count > 1 ? ` over ${count} updates` : ""})` : ""}`, href: s.href };
    }
    case "series.bulk-import": {
      const created = num(d, "created") ?? 0;
      const updated = num(d, "updated") ?? 0;
      return { text: `imported a file: ${created} new and ${updated} updated series`, href: `/data` };
    }
    case "notebook.fredKeySet":
      return { text: "set the notebook's FRED API key", href: null };
    case "notebook.fredKeyCleared":
      return { text: "removed the notebook's FRED API key", href: null };
    case "share.create":
    case "share.revoke": {
      const share = row.action === "share.create" ? { targetType: str(d, "targetType"), targetId: str(d, "targetId", 64) } : names.shares.get(row.targetId);
      const t = thing(names, share?.targetType, share?.targetId, notebookId);
      const mode = row.action === "share.create" ? str(d, "mode") : null;
      const kindWords = mode === "snapshot" ? "a snapshot link" : mode === "live" ? "a live link" : "a link";
      return row.action === "share.create"
        ? { text: `shared ${t.text} with ${kindWords}`, href: t.href }
        : { text: `revoked a share link${share ? ` to ${t.text}` : ""}`, href: t.href };
    }
    case "member.added": {
      const role = ROLE_WORDS[str(d, "role", 20) ?? ""];
      return { text: `added ${member()}${role ? ` as ${role}` : ""}`, href: `/notebooks/${notebookId}?tab=members` };
    }
    case "member.removed":
      return { text: `removed ${member()} from the notebook`, href: `/notebooks/${notebookId}?tab=members` };
    case "member.role_changed": {
      return { text: `made ${member()} ${ROLE_WORDS[str(d, "to", 20) ?? ""] ?? "a member"}`, href: `/notebooks/${notebookId}?tab=members` };
    }
    case "notebook.created":
      return { text: "created the notebook", href: `/notebooks/${notebookId}` };
    case "notebook.renamed": {
      const to = str(d, "to");
      return { text: to ? `renamed the notebook to ${quoted(to)}` : "renamed the notebook", href: `/notebooks/${notebookId}` };
    }
    case "notebook.reminders": {
      const to = num(d, "to");
      return { text: to ? `set forecast reminders to every ${to} days` : "turned forecast reminders off", href: `/notebooks/${notebookId}?tab=settings` };
    }
  }
  if (row.targetType === "comment") {
    const t = thing(names, str(d, "targetType"), str(d, "targetId", 64), notebookId);
    const verb: Record<string, string> = {
      "comment.create": "commented on",
      "comment.reply": "replied to a comment on",
      "comment.edit": "edited a comment on",
      "comment.delete": "deleted a comment on",
      "comment.resolve": "resolved a comment thread on",
      "comment.reopen": "reopened a comment thread on",
    };
    const thread = str(d, "threadId", 64);
    const anchor = thread && /^[a-z0-9]+$/.test(thread) && row.action !== "comment.delete" ? `#comment-${thread}` : "";
    return { text: `${verb[row.action] ?? "commented on"} ${t.text}`, href: t.href ? `${t.href}${anchor}` : null };
  }
  return { text: "did something", href: null };
}
