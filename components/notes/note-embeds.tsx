"use client";
// The live embeds of a note's MarkdownView: charts, questions (a question embed records the note it is viewed in as forecast evidence) and figures.
import { useMemo } from "react";
import { ChartEmbed } from "@/components/charts/chart-embed";
import { QuestionEmbed } from "@/components/questions/question-embed";
import type { EmbedRenderers } from "./markdown-view";

/** The renderers for a note; `noteId` is the note being viewed or edited, if any; figures read the notebook's series. */
export function noteEmbeds(noteId: string | undefined, notebookId: string): EmbedRenderers {
  return {
    chart: (id: string) => <ChartEmbed id={id} />,
    question: (id: string) => <QuestionEmbed id={id} noteId={noteId} />,
    figures: { notebookId },
  };
}

/** noteEmbeds, kept stable across renders for the same note. */
export function useNoteEmbeds(noteId: string | undefined, notebookId: string): EmbedRenderers {
  return useMemo(() => noteEmbeds(noteId, notebookId), [noteId, notebookId]);
}
