// The team's view of a question and a notebook: the team's forecast and its history, per-question log and peer scores, and the notebook's leaderboard.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { questions } from "@/db/schema";
import { aggregateAt, aggregateHistory, EXTREMIZE, type TeamAggregate, type TeamHistoryPoint } from "@/lib/questions/aggregate";
import { brier, scoredForecast } from "@/lib/questions/scoring";
import { competitionRanks, mean, peerOverTime, teamScores, type PeerPoint } from "@/lib/questions/team-scores";
import { type Actor } from "./access";
import { leaderboardMembers, type LeaderboardMember } from "./notebooks";
import { forecastsOf, questionFor, type ForecastPoint, type QuestionRow } from "./questions";

/** What others see in place of a member who hides their name. */
export const HIDDEN_NAME = "A member";

/** A member as the caller may see them: named, or "A member" without an id when they hide their name from others. */
export type ShownMember = { userId: string | null; name: string; you: boolean; hidden: boolean };

function shown(m: { userId: string; name: string; hidden: boolean }, actor: Actor): ShownMember {
  const you = m.userId === actor.id;
  if (m.hidden && !you) return { userId: null, name: HIDDEN_NAME, you, hidden: true };
  return { userId: m.userId, name: m.name, you, hidden: m.hidden };
}

/** One member's scores on a resolved question: the log score of their standing forecast (binary: ln of the probability given to what happened), the peer score against the team, Brier for binary. */
export type QuestionMemberScore = ShownMember & { logScore: number; peer: number; brier: number | null };

export type TeamView = {
  questionId: string;
  kind: "binary" | "numeric";
  /** Whether the log-odds mean is extremized, and by what factor when it is. */
  extremize: boolean;
  extremizeFactor: number;
  /** The team's forecast now (forecasts after the resolve-by date left out); null before anyone forecast. */
  current: TeamAggregate | null;
  /** Members whose forecast the current aggregate pools, and the notebook's members. */
  forecasters: number;
  members: number;
  /** The team's forecast after each forecast, oldest first (a step series). */
  history: TeamHistoryPoint[];
  /** The caller's own latest forecast, beside the team's. */
  mine: { at: Date; probability: number | null; value: number | null; low: number | null; high: number | null } | null;
  /** Per-member scores once the question resolved (null while open or annulled), best peer score first. */
  scores: QuestionMemberScore[] | null;
};

function scorable(q: QuestionRow) {
  return { kind: q.kind, status: q.status, resolveBy: q.resolveBy, outcome: q.outcome, rangeMin: q.rangeMin, rangeMax: q.rangeMax, resolvedAt: q.resolvedAt };
}

/** Brier of the forecast standing at the deadline, for a binary question. */
function brierOf(q: QuestionRow, own: ForecastPoint[]): number | null {
  if (q.kind !== "binary" || q.outcome === null) return null;
  const f = scoredForecast(own.filter((x) => x.probability !== null), q.resolveBy);
  return f ? brier(f.probability!, q.outcome) : null;
}

/** Each member's scores on one resolved question; [] while open or annulled, or when the numeric question has no plausible range. */
function questionScores(q: QuestionRow, fs: ForecastPoint[]): Array<{ userId: string; logScore: number; peer: number; brier: number | null }> {
  let scores: ReturnType<typeof teamScores>;
  try {
    scores = teamScores(scorable(q), fs);
  } catch {
    return [];
  }
  return scores.map((s) => ({ ...s, brier: brierOf(q, fs.filter((f) => f.userId === s.userId)) }));
}

/**
 * The team's forecast on a question the actor can read: the current aggregate (median, and the mean of
 * log-odds, extremized by EXTREMIZE when asked), how many it pools, its history, the actor's own latest
 * forecast, and once resolved each member's log and peer scores (hidden names respected).
 */
export async function questionTeam(actor: Actor, input: { id: string; extremize?: boolean }): Promise<TeamView> {
  const q = await questionFor(actor, input.id, "read");
  const extremize = input.extremize ?? false;
  const fs = await forecastsOf([q.id]);
  const members = await leaderboardMembers(actor, q.notebookId);
  const opts = { resolveBy: q.resolveBy, extremize };
  const current = aggregateAt(q.kind, fs, new Date(), opts);
  const own = fs.filter((f) => f.userId === actor.id).at(-1);
  let scores: QuestionMemberScore[] | null = null;
  if (q.status === "resolved") {
    const byId = new Map(members.map((m) => [m.userId, m]));
    const names = new Map(fs.map((f) => [f.userId, f.userName]));
    scores = questionScores(q, fs)
      .map((s) => ({ ...shown(byId.get(s.userId) ?? { userId: s.userId, name: names.get(s.userId) ?? "A former member", hidden: false }, actor), logScore: s.logScore, peer: s.peer, brier: s.brier }))
      .sort((a, b) => b.peer - a.peer);
  }
  return {
    questionId: q.id,
    kind: q.kind,
    extremize,
    extremizeFactor: EXTREMIZE,
    current,
    forecasters: current?.count ?? 0,
    members: members.length,
    history: aggregateHistory(q.kind, fs, opts),
    mine: own ? { at: own.at, probability: own.probability, value: own.value, low: own.low, high: own.high } : null,
    scores,
  };
}

/** One row of a notebook's leaderboard. Means are null when the member has no score of that kind; rank is by mean peer score (ties share one). */
export type LeaderboardRow = ShownMember & {
  count: number;
  meanBrier: number | null;
  meanLogScore: number | null;
  meanPeer: number | null;
  rank: number | null;
};

export type Leaderboard = {
  notebookId: string;
  /** Resolved questions in the notebook (annulled ones score nothing and are not counted). */
  resolvedCount: number;
  rows: LeaderboardRow[];
  /** Whether the caller hides their own name from others. */
  hidden: boolean;
  /** The caller's cumulative mean peer score, by resolution date. */
  myPeerOverTime: PeerPoint[];
};

/**
 * The notebook's leaderboard for a member: per current member over its resolved questions, how many
 * they were scored on, mean Brier and mean log score (yes/no questions), mean peer score (all), and
 * rank by mean peer score. Members who hide their name show to others as "A member" without an id.
 */
export async function notebookLeaderboard(actor: Actor, input: { notebookId: string }): Promise<Leaderboard> {
  const members: LeaderboardMember[] = await leaderboardMembers(actor, input.notebookId);
  const resolved = await getDb()
    .select()
    .from(questions)
    .where(and(eq(questions.notebookId, input.notebookId), eq(questions.status, "resolved")));
  const all = await forecastsOf(resolved.map((q) => q.id));
  const byQuestion = new Map<string, ForecastPoint[]>();
  for (const f of all) byQuestion.set(f.questionId, [...(byQuestion.get(f.questionId) ?? []), f]);
  type Acc = { briers: number[]; logs: number[]; peers: Array<{ at: Date; questionId: string; title: string; peer: number }> };
  const acc = new Map<string, Acc>(members.map((m) => [m.userId, { briers: [], logs: [], peers: [] }]));
  for (const q of resolved) {
    for (const s of questionScores(q, byQuestion.get(q.id) ?? [])) {
      const a = acc.get(s.userId);
      if (!a) continue;
      if (q.kind === "binary") a.logs.push(s.logScore);
      if (s.brier !== null) a.briers.push(s.brier);
      a.peers.push({ at: q.resolvedAt ?? new Date(0), questionId: q.id, title: q.title, peer: s.peer });
    }
  }
  const rows = members.map((m) => {
    const a = acc.get(m.userId)!;
    return { ...shown(m, actor), count: a.peers.length, meanBrier: mean(a.briers), meanLogScore: mean(a.logs), meanPeer: mean(a.peers.map((p) => p.peer)) };
  });
  const ranks = competitionRanks(rows.map((r) => r.meanPeer));
  const ranked: LeaderboardRow[] = rows.map((r, i) => ({ ...r, rank: ranks[i]! }));
  ranked.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || Number(a.hidden) - Number(b.hidden) || a.name.localeCompare(b.name));
  return {
    notebookId: input.notebookId,
    resolvedCount: resolved.length,
    rows: ranked,
    hidden: members.find((m) => m.userId === actor.id)?.hidden ?? false,
    myPeerOverTime: peerOverTime(acc.get(actor.id)?.peers ?? []),
  };
}

/**
 * The actor's log and peer scores on resolved questions, by question id, for rows the caller has
 * already scoped to what the actor may read (the calibration page's).
 */
export async function myTeamScores(actor: Actor, rows: QuestionRow[]): Promise<Map<string, { logScore: number; peer: number }>> {
  const resolved = rows.filter((q) => q.status === "resolved");
  const byQuestion = new Map<string, ForecastPoint[]>();
  for (const f of await forecastsOf(resolved.map((q) => q.id))) byQuestion.set(f.questionId, [...(byQuestion.get(f.questionId) ?? []), f]);
  const out = new Map<string, { logScore: number; peer: number }>();
  for (const q of resolved) {
    const mine = questionScores(q, byQuestion.get(q.id) ?? []).find((s) => s.userId === actor.id);
    if (mine) out.set(q.id, { logScore: mine.logScore, peer: mine.peer });
  }
  return out;
}
