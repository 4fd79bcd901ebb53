"use client";
// A note as a reader sees it: the rendered note, read-only, for viewers and for trashed notes (with Restore for editors).
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/trpc/root";
import { TimeAgo } from "@/components/ui/time-ago";
import { CommentsButton, NoteCommentsFrame } from "@/components/comments/note-comments";
import { useNoteComments } from "@/components/comments/use-note-comments";
import { NoteHistory } from "./history/note-history";
import { Breadcrumb, ExportMenu } from "./note-header";
import { NoteArticle } from "./note-article";
import { useNoteEmbeds } from "./note-embeds";
import { NoteTagsEditor } from "./note-tags-editor";

type Note = inferRouterOutputs<AppRouter>["notes"]["get"];

export function NoteReader({ note, compareToggle }: { note: Note; compareToggle: ReactNode }) {
  const trpc = useTRPC();
  const embeds = useNoteEmbeds(note.deletedAt ? undefined : note.id, note.notebookId);
  const queryClient = useQueryClient();
  const comments = useNoteComments({ noteId: note.id, notebookId: note.notebookId, enabled: !note.deletedAt });
  const restore = useMutation(
    trpc.notes.restore.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notes.get.queryKey({ id: note.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.notes.trash.queryKey() }),
        ]);
      },
    }),
  );
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.notes.get.queryKey({ id: note.id }) });
  return (
    <div className="page note-page">
      <div className="stack-sm">
        <Breadcrumb note={note} title={note.title} />
        {note.deletedAt && (
          <div className="alert alert-warning note-banner" role="status" data-testid="trash-banner">
            <span>
              This note is in the trash (since <TimeAgo date={note.deletedAt} />
              ). It is shown read-only{note.canEdit ? "; restore it to edit it again." : "."}
            </span>
            {note.canEdit && (
              <button type="button" className="btn btn-sm" disabled={restore.isPending} onClick={() => restore.mutate({ id: note.id })}>
                {restore.isPending ? "Restoring…" : "Restore note"}
              </button>
            )}
          </div>
        )}
        {restore.error && <div className="alert alert-error">{restore.error.message}</div>}
        <div className="note-head">
          <h1 className="note-title-static" data-testid="note-title">
            {note.title}
          </h1>
          {!note.canEdit && <span className="badge">View only</span>}
        </div>
        <div className="note-meta">
          <NoteTagsEditor noteId={note.id} notebookId={note.notebookId} tags={note.tags} canEdit={false} />
          <div className="note-actions">
            <span className="faint">
              Last edited <TimeAgo date={note.updatedAt} />
              {note.updatedByName && ` by ${note.updatedByName}`}
            </span>
            <CommentsButton comments={comments} />
            {compareToggle}
            <NoteHistory noteId={note.id} canEdit={false} onRestored={() => void reload()} />
            <Link href={`/notes/${note.id}/as-of`} className="btn btn-sm" title="See the note, its charts, figures and questions as they stood at a past moment">
              As of…
            </Link>
            <ExportMenu noteId={note.id} />
          </div>
        </div>
      </div>
      <NoteCommentsFrame comments={comments} mode="read" sourceLength={note.body.length}>
        <NoteArticle title={note.title} body={note.body} embeds={embeds} />
      </NoteCommentsFrame>
    </div>
  );
}
