// The activity page's filters as they stand in the URL (?person=…&kind=…), and the cache key of its feed (server prefetch and client agree).
import { ACTIVITY_KINDS, type ActivityKind } from "@/lib/validation/activity";

/** The filters of a notebook's activity page. */
export type ActivityFilters = { actorId?: string; kind?: ActivityKind };

/** The filters in the URL's search params; anything malformed is ignored. */
export function activityFilters(params: { person?: string | null; kind?: string | null }): ActivityFilters {
  const person = params.person && /^[a-z0-9]{1,64}$/.test(params.person) ? params.person : undefined;
  const kind = params.kind && params.kind in ACTIVITY_KINDS ? (params.kind as ActivityKind) : undefined;
  return { ...(person ? { actorId: person } : {}), ...(kind ? { kind } : {}) };
}

/** The query key of the feed's pages for one notebook and filters. */
export function activityFeedKey(input: { notebookId: string } & ActivityFilters) {
  return ["notebook-activity", input.notebookId, input.actorId ?? null, input.kind ?? null] as const;
}

/** The page's URL for the filters. */
export function activityHref(notebookId: string, filters: ActivityFilters): string {
  const q = new URLSearchParams();
  if (filters.actorId) q.set("person", filters.actorId);
  if (filters.kind) q.set("kind", filters.kind);
  const s = q.toString();
  return `/notebooks/${notebookId}/activity${s ? `?${s}` : ""}`;
}
