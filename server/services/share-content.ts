// What a share link shows, read with no actor: only share-links.ts calls these, after checking the token; nothing leaves the link's notebook.
import * as Plot from "@observablehq/plot";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { noteRevisions, notebooks, notes, questions, noteColumns } from "@/db/schema";
import { createServerDocument } from "@/lib/charts/server-document";
import { findEmbeds } from "@/lib/notes/directives";
import { forecastFigure } from "@/lib/questions/forecast-figure";
import type { SharedChart, SharedDocument, SharedNoteDocument, SharedQuestion, ShareMode } from "@/lib/share/model";
import { chartForSharedNote } from "./charts";
import { staticFiguresOf } from "./figures";
import { excerptOf } from "@/lib/notes/plain-text";
import { forecastsOf } from "./questions";
import { seriesMoves } from "./series-moves";

/** Widths the share page draws each chart at: the wide one for screens, the narrow one for phones (chosen by CSS). */
export const SHARE_CHART_WIDTHS = { wide: 720, narrow: 360 } as const;

/** The questions a snapshot's notes embed, as they stood: a snapshot shows these, not the questions' later edits. */
export type PinnedQuestions = { questions: Record<string, SharedQuestion> };

/** A notebook snapshot's pins: the revision of each note it showed, and the questions they embed. */
export type NotebookPins = PinnedQuestions & { notes: Array<{ noteId: string; revisionId: number }> };

export type ShareLinkRow = {
  id: string;
  targetType: "note" | "question" | "notebook";
  targetId: string;
  notebookId: string;
  mode: ShareMode;
  pinnedRevisionId: number | null;
  pinned: unknown;
  asOf: Date | null;
};

/**
 * The revision that holds the note's current text for a snapshot, and that text: the latest revision when it is a
 * checkpoint (or a restore) of exactly this text, else a new checkpoint (an open edit revision would take in later edits).
 */
export async function pinNoteRevision(tx: Tx, noteId: string, authorId: string, at: Date): Promise<{ revisionId: number; body: string }> {
  const [note] = await tx.select(noteColumns).from(notes).where(eq(notes.id, noteId));
  if (!note) throw new Error(`pinNoteRevision: no note ${noteId}`);
  const [latest] = await tx.select().from(noteRevisions).where(eq(noteRevisions.noteId, noteId)).orderBy(desc(noteRevisions.id)).limit(1);
  if (latest && latest.kind !== "edit" && latest.noteVersion === note.version && latest.body === note.body && latest.title === note.title) {
    return { revisionId: latest.id, body: note.body };
  }
  const [pinned] = await tx
    .insert(noteRevisions)
    .values({ noteId: note.id, noteVersion: note.version, title: note.title, body: note.body, kind: "checkpoint", authorId, createdAt: at, updatedAt: at })
    .returning({ id: noteRevisions.id });
  return { revisionId: pinned!.id, body: note.body };
}

/** The questions a snapshot's texts embed, as they stand at `at` (title and criteria included), by id. */
export async function pinQuestions(notebookId: string, bodies: string[], at: Date): Promise<PinnedQuestions> {
  const questionsById: Record<string, SharedQuestion> = {};
  for (const embed of bodies.flatMap((body) => findEmbeds(body))) {
    if (embed.kind !== "question" || embed.id in questionsById) continue;
    const state = await sharedQuestionState(notebookId, embed.id, at);
    if (state) questionsById[embed.id] = state;
  }
  return { questions: questionsById };
}

/** Pins every note of the notebook that is not in the trash, and the questions they embed, for a notebook snapshot. */
export async function pinNotebook(tx: Tx, notebookId: string, authorId: string, at: Date): Promise<NotebookPins> {
  const ids = await tx
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.notebookId, notebookId), isNull(notes.deletedAt)));
  const pins: Array<{ noteId: string; revisionId: number; body: string }> = [];
  for (const { id } of ids) pins.push({ noteId: id, ...(await pinNoteRevision(tx, id, authorId, at)) });
  return { notes: pins.map(({ noteId, revisionId }) => ({ noteId, revisionId })), ...(await pinQuestions(notebookId, pins.map((p) => p.body), at)) };
}

/**
 * A question of the notebook as a share page shows it, as it stood at `asOf` (now when null): forecasts made by
 * then, by forecaster letter; open again when it was resolved later. Null when it is not in the notebook.
 */
export async function sharedQuestionState(notebookId: string, questionId: string, asOf: Date | null): Promise<SharedQuestion | null> {
  const [row] = await getDb()
    .select()
    .from(questions)
    .where(and(eq(questions.id, questionId), eq(questions.notebookId, notebookId)));
  if (!row) return null;
  const letters = new Map<string, string>();
  const forecasts = (await forecastsOf([row.id]))
    .filter((f) => !asOf || f.at.getTime() <= asOf.getTime())
    .map((f) => {
      if (!letters.has(f.userId)) letters.set(f.userId, `Forecaster ${String.fromCharCode(65 + (letters.size % 26))}`);
      return { forecaster: letters.get(f.userId)!, at: f.at.toISOString(), probability: f.probability, value: f.value, low: f.low, high: f.high };
    });
  const laterResolution = asOf !== null && row.resolvedAt !== null && row.resolvedAt.getTime() > asOf.getTime();
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    criteria: row.criteria,
    kind: row.kind,
    unit: row.unit,
    rangeMin: row.rangeMin,
    rangeMax: row.rangeMax,
    resolveBy: row.resolveBy,
    status: laterResolution ? "open" : row.status,
    outcome: laterResolution ? null : row.outcome,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: laterResolution || !row.resolvedAt ? null : row.resolvedAt.toISOString(),
    forecasts,
  };
}

/** The forecast chart of a shared question as SVG markup, drawn on the server with no tooltips and no note markers. */
export function sharedQuestionFigure(q: SharedQuestion, width: number, now: Date): string {
  const { figure } = forecastFigure(
    Plot,
    {
      ...q,
      createdAt: new Date(q.createdAt),
      resolvedAt: q.resolvedAt ? new Date(q.resolvedAt) : null,
      forecasts: q.forecasts.map((f) => ({ ...f, userId: f.forecaster, userName: f.forecaster, at: new Date(f.at), rationale: "", noteId: null, noteTitle: null })),
      citedBy: [],
    },
    { meId: null, width, document: createServerDocument(), tips: false, now },
  );
  figure.setAttribute("role", "img");
  figure.setAttribute("aria-label", `Forecasts over time for “${q.title}”`);
  return figure.outerHTML;
}


/** A chart embedded in shared text, drawn at both share widths; on a snapshot, as of its moment and with the moves since. */
async function sharedChart(notebookId: string, chartId: string, asOf: Date | null, now: Date): Promise<SharedChart | null> {
  const wide = await chartForSharedNote(notebookId, chartId, { asOf: asOf ?? undefined, width: SHARE_CHART_WIDTHS.wide });
  const narrow = await chartForSharedNote(notebookId, chartId, { asOf: asOf ?? undefined, width: SHARE_CHART_WIDTHS.narrow });
  if (!wide || !narrow) return null;
  return { title: wide.title, description: wide.description, svg: wide.svg, narrowSvg: narrow.svg, moves: asOf ? (await seriesMoves(notebookId, wide.seriesKeys, asOf, now)) : [] };
}

async function noteDocument(link: ShareLinkRow, notebookName: string, shown: { title: string; body: string; editedAt: Date }, indexPath: string | null, now: Date): Promise<SharedNoteDocument> {
  const asOf = link.mode === "snapshot" ? link.asOf : null;
  // A snapshot made before questions were pinned with it has none: it shows them as of its moment instead.
  const pinned = asOf ? ((link.pinned as Partial<PinnedQuestions> | null)?.questions ?? null) : null;
  const charts = new Map<string, SharedChart>();
  const shownQuestions = new Map<string, SharedQuestion>();
  for (const embed of findEmbeds(shown.body)) {
    if (embed.kind === "chart" && !charts.has(embed.id)) {
      const chart = await sharedChart(link.notebookId, embed.id, asOf, now);
      if (chart) charts.set(embed.id, chart);
    } else if (embed.kind === "question" && !shownQuestions.has(embed.id)) {
      const question = pinned ? (pinned[embed.id] ?? null) : (await sharedQuestionState(link.notebookId, embed.id, asOf));
      if (question) shownQuestions.set(embed.id, question);
    }
  }
  const figures = await staticFiguresOf(link.notebookId, shown.body, asOf ?? undefined);
  return { kind: "note", mode: link.mode, notebookName, asOf, ...shown, charts, questions: shownQuestions, figures, indexPath };
}

/** A note's live text (null when it is gone, in the trash or in another notebook). */
async function liveNote(notebookId: string, noteId: string) {
  const [note] = await getDb()
    .select({ title: notes.title, body: notes.body, editedAt: notes.updatedAt, deletedAt: notes.deletedAt })
    .from(notes)
    .where(and(eq(notes.id, noteId), eq(notes.notebookId, notebookId)));
  return note && !note.deletedAt ? { title: note.title, body: note.body, editedAt: note.editedAt } : null;
}

/** A pinned revision's text, if it still belongs to a note of the notebook that is not in the trash. */
async function pinnedNote(notebookId: string, noteId: string, revisionId: number) {
  const [row] = await getDb()
    .select({ title: noteRevisions.title, body: noteRevisions.body, editedAt: noteRevisions.updatedAt, deletedAt: notes.deletedAt })
    .from(noteRevisions)
    .innerJoin(notes, eq(notes.id, noteRevisions.noteId))
    .where(and(eq(noteRevisions.id, revisionId), eq(noteRevisions.noteId, noteId), eq(notes.notebookId, notebookId)));
  return row && !row.deletedAt ? { title: row.title, body: row.body, editedAt: row.editedAt } : null;
}

/** A note snapshot's text: its pinned revision, or the text a past-moment snapshot keeps (while the note is not in the trash). */
async function snapshotNote(link: ShareLinkRow) {
  if (link.pinnedRevisionId !== null) return pinnedNote(link.notebookId, link.targetId, link.pinnedRevisionId);
  const kept = (link.pinned as { note?: { title: string; body: string; editedAt: string } } | null)?.note;
  if (!kept || !(await liveNote(link.notebookId, link.targetId))) return null;
  return { title: kept.title, body: kept.body, editedAt: new Date(kept.editedAt) };
}

function notebookPins(link: ShareLinkRow): NotebookPins {
  const pins = link.pinned as NotebookPins | null;
  return pins && Array.isArray(pins.notes) ? pins : { notes: [], questions: {} };
}

/**
 * The document a checked share link shows at `path` (the link's own page when empty; a note id inside a shared
 * notebook), or null when there is nothing there for this link: the same 404 as an unknown token.
 */
export async function sharedDocument(link: ShareLinkRow, basePath: string, subPath: string | null, now = new Date()): Promise<SharedDocument | null> {
  const [notebook] = await getDb().select({ name: notebooks.name, description: notebooks.description }).from(notebooks).where(eq(notebooks.id, link.notebookId));
  if (!notebook) return null;
  const snapshot = link.mode === "snapshot";
  if (link.targetType === "note") {
    if (subPath) return null;
    const shown = snapshot ? await snapshotNote(link) : await liveNote(link.notebookId, link.targetId);
    return shown ? (await noteDocument(link, notebook.name, shown, null, now)) : null;
  }
  if (link.targetType === "question") {
    if (subPath) return null;
    const question = snapshot ? (link.pinned as SharedQuestion | null) : (await sharedQuestionState(link.notebookId, link.targetId, null));
    // A live read finds nothing for a deleted question; a snapshot of one is gone too.
    if (!question || (snapshot && !(await questionStillExists(link)))) return null;
    const figureAt = snapshot && link.asOf ? link.asOf : now;
    return {
      kind: "question",
      mode: link.mode,
      notebookName: notebook.name,
      asOf: snapshot ? link.asOf : null,
      question,
      figureSvg: sharedQuestionFigure(question, SHARE_CHART_WIDTHS.wide, figureAt),
      narrowFigureSvg: sharedQuestionFigure(question, SHARE_CHART_WIDTHS.narrow, figureAt),
    };
  }
  if (subPath) {
    if (snapshot) {
      const pin = notebookPins(link).notes.find((p) => p.noteId === subPath);
      const shown = pin ? (await pinnedNote(link.notebookId, pin.noteId, pin.revisionId)) : null;
      return shown ? (await noteDocument(link, notebook.name, shown, basePath, now)) : null;
    }
    const shown = await liveNote(link.notebookId, subPath);
    return shown ? (await noteDocument(link, notebook.name, shown, basePath, now)) : null;
  }
  const index = snapshot ? (await pinnedIndex(link)) : (await liveIndex(link.notebookId));
  return {
    kind: "notebook",
    mode: link.mode,
    notebookName: notebook.name,
    description: notebook.description,
    asOf: snapshot ? link.asOf : null,
    notes: index.map((n) => ({ id: n.id, title: n.title, excerpt: excerptOf(n.body), editedAt: n.editedAt, path: `${basePath}/${n.id}` })),
  };
}

/** Whether the link's question is still in its notebook. */
async function questionStillExists(link: ShareLinkRow): Promise<boolean> {
  return (await getDb()
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.id, link.targetId), eq(questions.notebookId, link.notebookId))))[0] !== undefined;
}

async function liveIndex(notebookId: string) {
  return await getDb()
    .select({ id: notes.id, title: notes.title, body: notes.body, editedAt: notes.updatedAt })
    .from(notes)
    .where(and(eq(notes.notebookId, notebookId), isNull(notes.deletedAt)))
    .orderBy(desc(notes.updatedAt));
}

async function pinnedIndex(link: ShareLinkRow) {
  const pins = notebookPins(link).notes;
  if (pins.length === 0) return [];
  const rows = await getDb()
    .select({ id: notes.id, title: noteRevisions.title, body: noteRevisions.body, editedAt: noteRevisions.updatedAt, revisionId: noteRevisions.id, deletedAt: notes.deletedAt })
    .from(noteRevisions)
    .innerJoin(notes, eq(notes.id, noteRevisions.noteId))
    .where(and(inArray(noteRevisions.id, pins.map((p) => p.revisionId)), eq(notes.notebookId, link.notebookId)));
  return rows
    .filter((r) => !r.deletedAt && pins.some((p) => p.noteId === r.id && p.revisionId === r.revisionId))
    .sort((a, b) => b.editedAt.getTime() - a.editedAt.getTime());
}
