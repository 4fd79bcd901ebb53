// Shown while the list loads (only list pages stream, so a missing item elsewhere still answers 404).
import { PageSkeleton } from "@/components/ui/page-skeleton";

export default PageSkeleton;
