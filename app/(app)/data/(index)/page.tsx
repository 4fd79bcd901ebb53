// The Data page: every series the user can read (or one notebook's, with ?notebook=), prefetched on the server.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { DataCatalogue } from "@/components/data/data-catalogue";
import { idSchema } from "@/lib/validation/notebooks";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Data" };

type Props = { searchParams: Promise<{ notebook?: string | string[] }> };

export default async function DataPage({ searchParams }: Props) {
  const raw = (await searchParams).notebook;
  let notebookId: string | undefined;
  if (raw !== undefined) {
    const parsed = idSchema.safeParse(raw);
    if (!parsed.success) notFound();
    notebookId = parsed.data;
  }
  const queryClient = getQueryClient();
  try {
    queryClient.setQueryData(trpc.series.list.queryKey(notebookId ? { notebookId } : {}), await caller.series.list(notebookId ? { notebookId } : {}));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  await queryClient.prefetchQuery(trpc.notebooks.list.queryOptions());
  return (
    <HydrateClient>
      <DataCatalogue notebookId={notebookId} />
    </HydrateClient>
  );
}
