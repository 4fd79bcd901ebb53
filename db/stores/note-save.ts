// What the note save store does on either database: an autosave that writes only the note and its revision, at once.

/** A save whose new text changes nothing but the note and its revision (no embeds, figures or mentions to record). */
export type PlainSave = {
  id: string;
  baseVersion: number;
  title: string;
  body: string;
  /** baseVersion + 1. */
  version: number;
  authorId: string;
  at: Date;
  /** An edit revision by the author opened after this takes the save (note-revisions.ts: REVISION_WINDOW_MS). */
  openSince: Date;
};

export type NoteSaveStore = {
  /**
   * Writes the save and folds it into the author's open revision (else starts one), as one statement; true when it
   * landed. False, with nothing written, when the note is not at `baseVersion`, is in the trash, or has open threads
   * anchored to its text: the caller then saves the general way, which decides. Null where the general way costs as
   * little (SQLite, in-process).
   */
  savePlain: ((save: PlainSave) => Promise<boolean>) | null;
};
