// The audit trail: who did what to what, written in the same transaction as the change.
import { events } from "@/db/schema";
import type { Db } from "@/db/client";

type Tx = Pick<Db, "insert">;

export type AuditEvent = {
  actorId: string | null;
  action: string;
  targetType: "user" | "notebook" | "membership" | "note" | "series" | "chart" | "api_token" | "share_link" | "question" | "comment";
  targetId: string;
  notebookId?: string | null;
  data?: Record<string, unknown>;
  /** When it happened, if not now (a forecast recorded with its own moment). */
  at?: Date;
};

/** Appends one event; call it inside the transaction that makes the change. */
export async function recordEvent(tx: Tx, event: AuditEvent): Promise<void> {
  await tx.insert(events).values({ ...event, notebookId: event.notebookId ?? null, data: event.data ?? null });
}
