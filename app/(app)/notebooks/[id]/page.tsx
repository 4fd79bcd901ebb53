// One notebook's page: checks access on the server, prefetches the open tab (the overview's charts drawn here as thumbnails), then hands over to the client view.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { OVERVIEW_CHARTS } from "@/components/notebooks/overview-limits";
import { NotebookView, type NotebookTab } from "@/components/notebooks/notebook-view";
import { tagSchema } from "@/lib/validation/notes";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string; tag?: string }> };

const TABS: NotebookTab[] = ["notes", "members", "settings", "trash"];

async function loadNotebook(id: string) {
  try {
    return await caller.notebooks.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    return { title: (await caller.notebooks.get({ id })).name };
  } catch {
    return { title: "Notebook" };
  }
}

export default async function NotebookPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { tab: rawTab, tag: rawTag } = await searchParams;
  const parsedTag = tagSchema.safeParse(rawTag);
  const tag = parsedTag.success ? parsedTag.data : undefined;
  const tab = TABS.find((t) => t === rawTab) ?? "notes";
  const notebook = await loadNotebook(id);
  const queryClient = getQueryClient();
  queryClient.setQueryData(trpc.notebooks.get.queryKey({ id }), notebook);
  let thumbnails: Record<string, string> = {};
  if (tab === "notes") {
    const [charts] = await Promise.all([
      tag ? Promise.resolve([]) : queryClient.fetchQuery(trpc.charts.list.queryOptions({ notebookId: id })),
      queryClient.prefetchQuery(trpc.notes.list.queryOptions({ notebookId: id, tag })),
      tag ? null : queryClient.prefetchQuery(trpc.questions.list.queryOptions({ notebookId: id })),
      tag ? null : queryClient.prefetchQuery(trpc.series.list.queryOptions({ notebookId: id })),
    ]);
    const drawn = await Promise.all(charts.slice(0, OVERVIEW_CHARTS).map((c) => caller.charts.get({ id: c.id, width: 320 }).then((r) => [c.id, r.svg] as const, () => null)));
    thumbnails = Object.fromEntries(drawn.filter((d) => d !== null));
  }
  if (tab === "members") await queryClient.prefetchQuery(trpc.notebooks.members.list.queryOptions({ id }));
  if (tab === "trash") await queryClient.prefetchQuery(trpc.notes.trash.queryOptions({ notebookId: id }));
  return (
    <HydrateClient>
      <NotebookView id={id} tab={tab} tag={tag} thumbnails={thumbnails} />
    </HydrateClient>
  );
}
