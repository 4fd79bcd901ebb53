"use client";
// A note's tags: shown as chips linking to the notebook filtered by that tag; editors add and remove them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";

export function NoteTagsEditor({ noteId, notebookId, tags, canEdit }: { noteId: string; notebookId: string; tags: string[]; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState("");
  const [current, setCurrent] = useState(tags);
  const known = useQuery({ ...trpc.notes.tags.list.queryOptions({ notebookId }), enabled: canEdit });
  const save = useMutation(
    trpc.notes.tags.set.mutationOptions({
      onSuccess: async (result) => {
        setCurrent(result.tags);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notes.get.queryKey({ id: noteId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.notes.tags.list.queryKey({ notebookId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey() }),
        ]);
      },
    }),
  );
  const add = () => {
    const tag = draft.trim().toLowerCase().replace(/^#/, "");
    if (!tag) return;
    save.mutate({ id: noteId, tags: [...current.filter((t) => t !== tag), tag] }, { onSuccess: () => setDraft("") });
  };
  const listId = `tag-suggestions-${noteId}`;
  return (
    <div className="tags" data-testid="note-tags">
      {current.map((tag) => (
        <span key={tag} className="tag">
          <Link href={`/notebooks/${notebookId}?tag=${encodeURIComponent(tag)}`}>#{tag}</Link>
          {canEdit && (
            <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => save.mutate({ id: noteId, tags: current.filter((t) => t !== tag) })}>
              ×
            </button>
          )}
        </span>
      ))}
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
          className="tag-form"
        >
          <label htmlFor={`tag-input-${noteId}`} className="visually-hidden">
            Add a tag
          </label>
          <input
            id={`tag-input-${noteId}`}
            className="tag-input"
            placeholder={current.length ? "Add tag" : "Add a tag…"}
            value={draft}
            list={listId}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === ",") {
                e.preventDefault();
                add();
              }
            }}
          />
          <datalist id={listId}>
            {(known.data ?? []).filter((t) => !current.includes(t.tag)).map((t) => (
              <option key={t.tag} value={t.tag} />
            ))}
          </datalist>
        </form>
      )}
      {save.error && (
        <span className="field-error" role="alert">
          {save.error.data?.fieldErrors ? Object.values(save.error.data.fieldErrors).flat()[0] : save.error.message}
        </span>
      )}
    </div>
  );
}
