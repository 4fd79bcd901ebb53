// Shown while the inbox loads.
import { InboxSkeleton } from "@/components/inbox/inbox-page";

export default function Loading() {
  return (
    <div className="page">
      <div className="skeleton" style={{ height: 32, width: 160 }} />
      <InboxSkeleton />
    </div>
  );
}
