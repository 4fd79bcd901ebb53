// In-process change feed: services announce that a notebook's data changed; subscriptions pass it on to open pages.
import { EventEmitter, on } from "node:events";
import { assertNotebookAccess, roleIn, type Actor } from "./access";

export type SeriesChange = { notebookId: string; seriesId: string; key: string; dataVersion: number; at: number };

const globalForLive = globalThis as unknown as { quireLive?: EventEmitter };

function bus(): EventEmitter {
  if (!globalForLive.quireLive) {
    globalForLive.quireLive = new EventEmitter();
    globalForLive.quireLive.setMaxListeners(0);
  }
  return globalForLive.quireLive;
}

/** Tells every listener that a series' data changed. */
export function announceSeriesChange(change: SeriesChange): void {
  bus().emit("series", change);
}

/** Yields every series change until the signal aborts. */
export async function* seriesChanges(signal?: AbortSignal): AsyncGenerator<SeriesChange> {
  for await (const [change] of on(bus(), "series", { signal })) yield change as SeriesChange;
}

/** How many pages are listening right now (for tests and health). */
export function listenerCount(): number {
  return bus().listenerCount("series");
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
