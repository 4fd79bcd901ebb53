"use client";
// The comments of one note or question through tRPC: the thread list (polled, and refetched on focus, so a second member's comments arrive within seconds), the mutations, and the notebook's members for `@`.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { COMMENT_BODY_MAX } from "@/lib/validation/comments";
import type { AppRouter } from "@/server/trpc/root";
import type { MentionMember } from "./mention-input";

export type Thread = inferRouterOutputs<AppRouter>["comments"]["list"]["threads"][number];
export type ThreadComment = Thread["comments"][number];
export type CommentTarget = inferRouterInputs<AppRouter>["comments"]["list"];
export type NewThreadAnchor = NonNullable<inferRouterInputs<AppRouter>["comments"]["create"]["anchor"]>;

/** How often an open page asks for new comments (there is no live feed for comments). */
export const COMMENTS_POLL_MS = 4000;
/** The server's cap on a comment's body. */
export const COMMENT_MAX = COMMENT_BODY_MAX;

/** The threads on a note or a question (a question's include those on its forecasts). */
export function useThreads(target: CommentTarget, enabled = true) {
  const trpc = useTRPC();
  return useQuery(
    trpc.comments.list.queryOptions(target, {
      enabled,
      refetchInterval: COMMENTS_POLL_MS,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
      staleTime: 1000,
    }),
  );
}

/** Create, reply, edit, delete, resolve and reopen; each refreshes every comment list on the page when it lands. */
export function useCommentActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.comments.list.pathKey() });
  return {
    create: useMutation(trpc.comments.create.mutationOptions({ onSuccess })),
    reply: useMutation(trpc.comments.reply.mutationOptions({ onSuccess })),
    edit: useMutation(trpc.comments.edit.mutationOptions({ onSuccess })),
    remove: useMutation(trpc.comments.remove.mutationOptions({ onSuccess })),
    resolve: useMutation(trpc.comments.resolve.mutationOptions({ onSuccess })),
    reopen: useMutation(trpc.comments.reopen.mutationOptions({ onSuccess })),
  };
}

export type CommentActions = ReturnType<typeof useCommentActions>;

/** The notebook's members, as `@` offers them, and whether the signed-in user owns the notebook (and so may delete any comment). */
export function useMentionMembers(notebookId: string | undefined): { members: MentionMember[]; isOwner: boolean } {
  const trpc = useTRPC();
  const members = useQuery(trpc.notebooks.members.list.queryOptions({ id: notebookId ?? "" }, { enabled: Boolean(notebookId), staleTime: 60_000 }));
  const me = useQuery(trpc.account.me.queryOptions(undefined, { staleTime: 300_000 }));
  const meId = me.data?.id;
  return useMemo(
    () => ({
      members: (members.data ?? []).map((m) => ({ id: m.userId, name: m.name })),
      isOwner: Boolean(meId && members.data?.some((m) => m.userId === meId && m.role === "owner")),
    }),
    [members.data, meId],
  );
}

/** What to say when the server refused: the first field's message for bad input, else the error's own. */
export function errorMessage(e: unknown): string {
  const data = (e as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } } | null)?.data;
  const field = data?.fieldErrors ? Object.values(data.fieldErrors).flat().find(Boolean) : undefined;
  return field ?? (e instanceof Error ? e.message : String(e));
}

/** Threads not yet resolved. */
export function openCount(threads: readonly Thread[] | undefined): number {
  return (threads ?? []).filter((t) => !t.resolvedAt).length;
}
