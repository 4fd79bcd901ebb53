// The Shared links page: every read-only link the signed-in user made, across the notebooks they still belong to.
import type { Metadata } from "next";
import { ShareLinksPage } from "@/components/share/share-links-page";
import { HydrateClient, getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Shared links" };

export default async function SharesPage() {
  await getQueryClient().prefetchQuery(trpc.share.listMine.queryOptions());
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Shared links</h1>
          <p className="muted">Every read-only link you made to a note, a question or a notebook: who opened it, when it expires, and a way to revoke it at once.</p>
        </div>
      </div>
      <HydrateClient>
        <ShareLinksPage />
      </HydrateClient>
    </div>
  );
}
