// Shown while the Shared links page loads.
import { ShareLinksSkeleton } from "@/components/share/share-links-page";

export default function Loading() {
  return (
    <div className="page">
      <div className="skeleton" style={{ height: 32, width: 220 }} />
      <div className="skeleton" style={{ height: 18, width: 460, maxWidth: "100%" }} />
      <ShareLinksSkeleton />
    </div>
  );
}
