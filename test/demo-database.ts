// What the copy and backup tests start from: the demo seeded into the test's database with its owner, first notebook
// and one of its notes, and a plain PostgreSQL client for reading a database as it stands.
import { eq } from "drizzle-orm";
import pg from "pg";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { notebooks, notes, users } from "@/db/schema";
import { DEMO_USER } from "@/db/seed/demo-content";
import { ensureDemo } from "@/server/services/demo";

/** Seeds the demo (the database must not hold it yet) and returns its owner, first notebook and a note of it. */
export async function seedDemo(): Promise<{ owner: { id: string }; notebookId: string; noteId: string }> {
  expect(await ensureDemo()).toBe(true);
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.email, DEMO_USER.email));
  const [notebook] = await db.select().from(notebooks);
  const [note] = await db.select().from(notes).where(eq(notes.notebookId, notebook!.id)).limit(1);
  return { owner: { id: user!.id }, notebookId: notebook!.id, noteId: note!.id };
}

/** Runs `fn` with a client of its own connected to `url`, closed afterwards. */
export async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
