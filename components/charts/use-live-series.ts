"use client";
// Keeps charts and series on the page current: one SSE subscription per page refetches them when their data changes.
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/provider";

/** Changes arriving together (an import touching several series) cause one refetch. */
const BATCH_MS = 250;

/**
 * Subscribes to series changes (of one notebook, or all the user's) while mounted and refetches the chart
 * and series queries after each burst; returns whether the live feed is connected.
 */
export function useLiveSeries(notebookId?: string): { live: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const subscription = useSubscription(
    trpc.series.changes.subscriptionOptions(notebookId ? { notebookId } : {}, {
      onData: () => {
        if (timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.charts.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
        }, BATCH_MS);
      },
    }),
  );
  return { live: subscription.status === "pending" };
}
