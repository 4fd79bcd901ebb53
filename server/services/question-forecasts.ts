// Forecasts on a question: any member who can read it records their own (with a rationale and the note that prompted it).
import { eq } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { forecasts, notes, questions } from "@/db/schema";
import { forecastSchemaFor, type ForecastInput, type Question } from "@/lib/questions/spec";
import { type Actor } from "./access";
import { recordEvent } from "./audit";
import { badRequest } from "./errors";

type FirstForecast = Omit<ForecastInput, "rationale" | "noteId"> & { rationale?: string };
import { resolveByRules } from "./question-resolution";
import { createQuestion, questionFor } from "./questions";

/**
 * Records the actor's forecast on an open question they can read (viewers included: a forecast is
 * one's own view). A note given as evidence must be a live note of the same notebook.
 */
export async function recordForecast(actor: Actor, input: Omit<ForecastInput, "rationale"> & { rationale?: string; questionId: string }, at: Date = new Date()): Promise<{ id: number; at: Date }> {
  const row = await questionFor(actor, input.questionId, "read");
  if (row.status !== "open") {
    throw badRequest(`This question is ${row.status}; forecasts are closed. ${row.status === "resolved" ? "An owner can reopen it." : ""}`.trim());
  }
  const parsed = forecastSchemaFor(row.kind).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(
      row.kind === "binary" && input.probability === undefined
        ? "This is a binary question: give a probability of yes (0 to 1)."
        : row.kind === "numeric" && input.value === undefined
          ? "This is a numeric question: give a value and the low and high ends of your 80% interval."
          : issue.message,
    );
  }
  if (input.noteId) {
    const [note] = await getDb().select({ notebookId: notes.notebookId, deletedAt: notes.deletedAt }).from(notes).where(eq(notes.id, input.noteId));
    if (!note || note.notebookId !== row.notebookId || note.deletedAt) {
      throw badRequest("The note given as evidence is not a note of this question's notebook.");
    }
  }
  const values =
    row.kind === "binary"
      ? { probability: input.probability!, value: null, low: null, high: null }
      : { probability: null, value: input.value!, low: input.low!, high: input.high! };
  return await transaction(async (tx) => {
    const [inserted] = await tx
      .insert(forecasts)
      .values({ questionId: row.id, userId: actor.id, at, rationale: input.rationale ?? "", noteId: input.noteId ?? null, ...values })
      .returning({ id: forecasts.id });
    await tx.update(questions).set({ updatedAt: at }).where(eq(questions.id, row.id));
    await recordEvent(tx, { actorId: actor.id, action: "question.forecast", targetType: "question", targetId: row.id, notebookId: row.notebookId, data: { ...values, noteId: input.noteId ?? null }, at });
    return { id: inserted!.id, at };
  });
}

/**
 * Creates a question and, when given, the creator's first forecast on it, in one transaction: a forecast that does
 * not fit the question's kind is refused before anything is written, so there is never a question without the
 * forecast its author typed. A data rule is checked once both are in.
 */
export async function createQuestionWithForecast(actor: Actor, input: Question & { notebookId: string; firstForecast?: FirstForecast }): Promise<{ id: string; forecastId: number | null }> {
  const { firstForecast, ...question } = input;
  if (firstForecast && !forecastSchemaFor(question.kind).safeParse(firstForecast).success) {
    throw badRequest(
      question.kind === "binary"
        ? "Your first forecast on a binary question is a probability of yes (0 to 1)."
        : "Your first forecast on a numeric question is a value with the low and high ends of your 80% interval (low ≤ value ≤ high).",
    );
  }
  const at = new Date();
  const made = await transaction(async () => {
    const { id } = await createQuestion(actor, question, { at, checkRule: false });
    const forecast = firstForecast ? await recordForecast(actor, { ...firstForecast, questionId: id }, at) : null;
    return { id, forecastId: forecast?.id ?? null };
  });
  if (question.rule) await resolveByRules({ notebookId: question.notebookId });
  return made;
}
