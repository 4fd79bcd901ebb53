// The browser copy of a note's unconfirmed text (one localStorage key per note), and whether to offer it back.
import type { NoteText } from "./autosave";

export type LocalDraft = NoteText & {
  noteId: string;
  /** The server version the text was edited from. */
  baseVersion: number;
  /** The body at baseVersion, for a three-way merge if the note changed since. */
  baseBody: string;
  savedAt: number;
};

type ReadableStorage = Pick<Storage, "getItem">;
type WritableStorage = Pick<Storage, "setItem" | "removeItem">;

const PREFIX = "quire:note-draft:";

export function draftKey(noteId: string): string {
  return `${PREFIX}${noteId}`;
}

function isDraft(value: unknown, noteId: string): value is LocalDraft {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    d.noteId === noteId &&
    typeof d.title === "string" &&
    typeof d.body === "string" &&
    typeof d.baseBody === "string" &&
    typeof d.baseVersion === "number" &&
    Number.isInteger(d.baseVersion) &&
    typeof d.savedAt === "number"
  );
}

/** The stored draft of a note, or null when there is none or it cannot be read. */
export function readDraft(storage: ReadableStorage | null | undefined, noteId: string): LocalDraft | null {
  try {
    const raw = storage?.getItem(draftKey(noteId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isDraft(parsed, noteId) ? parsed : null;
  } catch {
    return null;
  }
}

/** Stores a draft; false when the browser refuses (storage full or disabled). */
export function writeDraft(storage: WritableStorage | null | undefined, draft: LocalDraft): boolean {
  try {
    if (!storage) return false;
    storage.setItem(draftKey(draft.noteId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: WritableStorage | null | undefined, noteId: string): void {
  try {
    storage?.removeItem(draftKey(noteId));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/** Whether a stored draft holds text the server does not have (titles compared as the server keeps them). */
export function draftDiffers(draft: NoteText, server: NoteText): boolean {
  return draft.body !== server.body || (draft.title.trim() !== "" && draft.title.trim() !== server.title.trim());
}

/** Forgets every note draft kept in this browser (on sign-out, so the next person here is not offered them). */
export function clearAllDrafts(storage: (Pick<Storage, "removeItem" | "key"> & { length: number }) | null | undefined): number {
  if (!storage) return 0;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}
