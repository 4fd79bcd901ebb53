"use client";
// Keeps charts and series on the page current: one SSE subscription per page refetches them when their data changes.
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/trpc/provider";

/** Subscribes to series changes (of one notebook, or all the user's) and refetches charts and series queries on each. */
export function useLiveSeries(notebookId?: string): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useSubscription(
    trpc.series.changes.subscriptionOptions(notebookId ? { notebookId } : {}, {
      onData: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.charts.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
      },
    }),
  );
}
