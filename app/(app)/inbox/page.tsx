// The inbox: stale figures, questions the data argues against, resolve-by dates and resolutions, across the user's notebooks.
import type { Metadata } from "next";
import { InboxPage } from "@/components/inbox/inbox-page";
import { HydrateClient, getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Inbox" };

export default async function Inbox() {
  await getQueryClient().prefetchQuery(trpc.inbox.list.queryOptions());
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Inbox</h1>
          <p className="muted">What needs you across your notebooks. Each item links to where to act; dismiss it once handled, and it comes back only if it changes again.</p>
        </div>
      </div>
      <HydrateClient>
        <InboxPage />
      </HydrateClient>
    </div>
  );
}
