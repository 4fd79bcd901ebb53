"use client";
// The titles of a notebook's charts and questions, for the editor's embed lines.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { EmbedTitles } from "./embed-titles";

export function useEmbedTitles(notebookId: string): EmbedTitles {
  const trpc = useTRPC();
  const charts = useQuery(trpc.charts.list.queryOptions({ notebookId }));
  const questions = useQuery(trpc.questions.list.queryOptions({ notebookId }));
  return useMemo(() => {
    const titles = new Map<string, string>();
    for (const c of charts.data ?? []) titles.set(`chart:${c.id}`, c.title);
    for (const q of questions.data ?? []) titles.set(`question:${q.id}`, q.title);
    return { loaded: charts.isSuccess && questions.isSuccess, titles };
  }, [charts.data, questions.data, charts.isSuccess, questions.isSuccess]);
}
