// First-run demo: a demo user and a notebook with its notes (tagged, with revisions), created once, never overwritten.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, noteRevisions, noteTags, notebooks, notes, users } from "@/db/schema";
import { DEMO_NOTEBOOK, DEMO_NOTES, DEMO_USER } from "@/db/seed/demo-content";
import { newId } from "@/lib/ids";
import { recordEvent } from "./audit";
import { writeNoteLinks } from "./note-links";
import { hashPassword } from "./passwords";

/** True unless QUIRE_DEMO is set to 0, false or off. */
export function demoEnabled(): boolean {
  return !["0", "false", "off", "no"].includes((process.env.QUIRE_DEMO ?? "1").toLowerCase());
}

/** The demo sign-in to show on the sign-in page, or null when the demo is off. */
export function demoSignIn(): { email: string; password: string } | null {
  return demoEnabled() ? { email: DEMO_USER.email, password: DEMO_USER.password } : null;
}

/** Creates the demo user and notebook when the demo user does not exist yet; returns whether it did. */
export async function ensureDemo(): Promise<boolean> {
  const db = getDb();
  if (db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER.email)).get()) return false;
  const passwordHash = await hashPassword(DEMO_USER.password);
  const userId = newId();
  const notebookId = newId();
  return db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER.email)).get()) return false;
    tx.insert(users).values({ id: userId, email: DEMO_USER.email, name: DEMO_USER.name, passwordHash }).run();
    tx.insert(notebooks).values({ id: notebookId, ...DEMO_NOTEBOOK, createdBy: userId }).run();
    tx.insert(memberships).values({ notebookId, userId, role: "owner" }).run();
    DEMO_NOTES.forEach((note, i) => {
      const id = newId();
      const at = new Date(Date.now() - (DEMO_NOTES.length - i) * 60_000);
      tx.insert(notes).values({ id, notebookId, title: note.title, body: note.body, createdBy: userId, updatedBy: userId, createdAt: at, updatedAt: at }).run();
      tx.insert(noteRevisions).values({ noteId: id, noteVersion: 1, title: note.title, body: note.body, kind: "created", authorId: userId, createdAt: at, updatedAt: at }).run();
      if (note.tags.length > 0) tx.insert(noteTags).values(note.tags.map((tag) => ({ noteId: id, tag }))).run();
      writeNoteLinks(tx, id, note.body);
    });
    recordEvent(tx, { actorId: userId, action: "demo.seeded", targetType: "notebook", targetId: notebookId, notebookId });
    return true;
  });
}
