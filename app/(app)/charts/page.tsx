// The Charts page: prefetched on the server, shown by the client list.
import type { Metadata } from "next";
import { ChartList } from "@/components/charts/chart-list";
import { HydrateClient, getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Charts" };

export default async function ChartsPage() {
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.charts.list.queryOptions({})), queryClient.prefetchQuery(trpc.notebooks.list.queryOptions())]);
  return (
    <HydrateClient>
      <ChartList />
    </HydrateClient>
  );
}
