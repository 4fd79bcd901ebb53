// The notebooks page: prefetched on the server, shown by the client list.
import type { Metadata } from "next";
import { NotebookList } from "@/components/notebooks/notebook-list";
import { HydrateClient, getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Notebooks" };

export default async function NotebooksPage() {
  await getQueryClient().prefetchQuery(trpc.notebooks.list.queryOptions());
  return (
    <HydrateClient>
      <NotebookList />
    </HydrateClient>
  );
}
