// One note's page: checks access on the server, prefetches the note, its charts and its figures, then hands over to the client workspace (reading view, or the editor with ?edit).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { NoteWorkspace } from "@/components/notes/note-workspace";
import { figureKeysOf } from "@/lib/figures/find";
import { withoutRepeatedTitle } from "@/lib/notes/repeated-title";
import { MAX_FIGURES_PER_CALL } from "@/server/services/figures";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ edit?: string | string[] }> };

const loadNote = cache(async (id: string) => {
  try {
    return await caller.notes.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  try {
    return { title: (await loadNote((await params).id)).title };
  } catch {
    return { title: "Note" };
  }
}

export default async function NotePage({ params, searchParams }: Props) {
  const { id } = await params;
  const startEditing = (await searchParams)?.edit !== undefined;
  const note = await loadNote(id);
  const queryClient = getQueryClient();
  queryClient.setQueryData(trpc.notes.get.queryKey({ id }), note);
  // Charts come with the first paint as server-rendered SVG; one that fails shows its own card on the client.
  // Figures too, so the text reads with its numbers at once (the reading view asks for the same keys).
  const figureKeys = figureKeysOf(withoutRepeatedTitle(note.body, note.title)).slice(0, MAX_FIGURES_PER_CALL);
  await Promise.all([
    ...note.links.filter((l) => l.kind === "chart").map((l) => queryClient.prefetchQuery(trpc.charts.get.queryOptions({ id: l.id, withPoints: false }))),
    ...(figureKeys.length > 0 ? [queryClient.prefetchQuery(trpc.figures.evaluate.queryOptions({ notebookId: note.notebookId, keys: figureKeys }))] : []),
  ]);
  return (
    <HydrateClient>
      <NoteWorkspace id={id} startEditing={startEditing} />
    </HydrateClient>
  );
}
