// Change feed: services announce that a notebook's data changed; every server's subscriptions pass it on to open pages.
import { on } from "node:events";
import { announce, localBus } from "@/db/client";
import { assertNotebookAccess, roleIn, type Actor } from "./access";

export type SeriesChange = { notebookId: string; seriesId: string; key: string; dataVersion: number; at: number };

/** Tells every listener, on this server and the others, that a series' data changed (once the change commits). */
export async function announceSeriesChange(change: SeriesChange): Promise<void> {
  await announce("series", change);
}

/** Yields every series change until the signal aborts. */
export async function* seriesChanges(signal?: AbortSignal): AsyncGenerator<SeriesChange> {
  for await (const [change] of on(localBus(), "series", { signal })) yield change as SeriesChange;
}

/** How many pages are listening right now (for tests and health). */
export function listenerCount(): number {
  return localBus().listenerCount("series");
}

/**
 * The series changes the actor may hear: in one notebook (naming one they cannot read is NOT_FOUND, on the first read)
 * or in all of theirs. Access is checked per change, so a member who is removed stops hearing at once.
 */
export async function* seriesChangesFor(actor: Actor, input: { notebookId?: string }, signal?: AbortSignal): AsyncGenerator<SeriesChange> {
  if (input.notebookId) await assertNotebookAccess(actor, input.notebookId, "read");
  for await (const change of seriesChanges(signal)) {
    if (input.notebookId && change.notebookId !== input.notebookId) continue;
    if ((await roleIn(actor, change.notebookId)) === null) continue;
    yield change;
  }
}
