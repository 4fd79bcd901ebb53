// Server-only tRPC helpers for React Server Components: the options proxy, prefetch and hydration.
import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/query-client";
import { currentCaller } from "@/server/http/current-caller";
import { contextFor } from "./context";
import { appRouter, createCaller } from "./root";

/** One QueryClient per server request. */
export const getQueryClient = cache(makeQueryClient);

const requestContext = cache(async () => contextFor(await headers(), await currentCaller()));

export const trpc = createTRPCOptionsProxy({ ctx: requestContext, router: appRouter, queryClient: getQueryClient });

/** Calls procedures directly from a server component, with the request's context. */
export const caller = createCaller(requestContext);

/** Sends the queries prefetched on the server to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
