"use client";
// Listens to series.changes and refetches the series queries when data arrives, so pushes from scripts show without a reload.
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/provider";

const BATCH_MS = 250;

/** Subscribes while mounted; returns whether the live feed is connected. */
export function useSeriesLive(notebookId?: string): { live: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const sub = useSubscription(
    trpc.series.changes.subscriptionOptions(notebookId ? { notebookId } : {}, {
      onData: () => {
        if (timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
        }, BATCH_MS);
      },
    }),
  );
  return { live: sub.status === "pending" };
}
