// A notebook's activity: checks access on the server (a stranger gets the 404 page), prefetches the first page for the URL's filters, then hands over to the client view.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { activityFeedKey, activityFilters } from "@/components/notebooks/activity-filters";
import { NotebookActivity } from "@/components/notebooks/notebook-activity";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ person?: string; kind?: string }> };

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityRoute({ params, searchParams }: Props) {
  const { id } = await params;
  const filters = activityFilters(await searchParams);
  const queryClient = getQueryClient();
  try {
    queryClient.setQueryData(trpc.notebooks.get.queryKey({ id }), await caller.notebooks.get({ id }));
    const input = { notebookId: id, ...filters };
    queryClient.setQueryData(activityFeedKey(input), { pages: [await caller.notebooks.activity(input)], pageParams: [null] });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <NotebookActivity notebookId={id} />
    </HydrateClient>
  );
}
