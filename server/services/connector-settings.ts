// A notebook's connector settings: its own FRED API key (owners set or clear it; it is never sent back, only whether it is set).
import { eq } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { notebooks } from "@/db/schema";
import { assertNotebookAccess, type Actor } from "./access";
import { recordEvent } from "./audit";

export type ConnectorSettings = { fredApiKey: "notebook" | "environment" | "none" };

/** Where FRED series in the notebook get their key from: the notebook's own, the server's FRED_API_KEY, or none (keyless CSV). */
export async function connectorSettings(actor: Actor, notebookId: string): Promise<ConnectorSettings> {
  await assertNotebookAccess(actor, notebookId, "read");
  const own = await fredApiKeyOf(notebookId);
  return { fredApiKey: own ? "notebook" : process.env.FRED_API_KEY ? "environment" : "none" };
}

/** The key a FRED refresh in this notebook uses (no access check: for the refresh job). */
export async function fredApiKeyOf(notebookId: string): Promise<string | undefined> {
  const [row] = await getDb().select({ key: notebooks.fredApiKey }).from(notebooks).where(eq(notebooks.id, notebookId));
  return row?.key ?? undefined;
}

/** Sets (or with null, clears) the notebook's FRED API key; owners only. The key itself is not logged or audited. */
export async function setFredApiKey(actor: Actor, input: { notebookId: string; apiKey: string | null }): Promise<ConnectorSettings> {
  await assertNotebookAccess(actor, input.notebookId, "manageMembers");
  await transaction(async (tx) => {
    await tx.update(notebooks).set({ fredApiKey: input.apiKey }).where(eq(notebooks.id, input.notebookId));
    await recordEvent(tx, { actorId: actor.id, action: input.apiKey ? "notebook.fredKeySet" : "notebook.fredKeyCleared", targetType: "notebook", targetId: input.notebookId, notebookId: input.notebookId });
  });
  return connectorSettings(actor, input.notebookId);
}
