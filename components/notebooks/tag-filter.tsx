"use client";
// The tag bar above a notebook's notes: filter by a tag, and (for editors) rename a tag across the notebook.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";

export function TagFilter({ notebookId, tag, canWrite }: { notebookId: string; tag?: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const tags = useQuery(trpc.notes.tags.list.queryOptions({ notebookId }));
  const rename = useMutation(
    trpc.notes.tags.rename.mutationOptions({
      onSuccess: async (_result, input) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notes.tags.list.queryKey({ notebookId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey() }),
        ]);
        router.replace(`/notebooks/${notebookId}?tag=${encodeURIComponent(input.to)}`);
      },
    }),
  );
  if (!tags.data || (tags.data.length === 0 && !tag)) return null;
  const base = `/notebooks/${notebookId}`;
  return (
    <div className="stack-sm">
      <nav className="tags" aria-label="Filter by tag">
        <Link href={base} className={`tag-chip${tag ? "" : " tag-chip-active"}`} aria-current={tag ? undefined : "page"}>
          All notes
        </Link>
        {tags.data.map((t) => (
          <Link
            key={t.tag}
            href={`${base}?tag=${encodeURIComponent(t.tag)}`}
            className={`tag-chip${t.tag === tag ? " tag-chip-active" : ""}`}
            aria-current={t.tag === tag ? "page" : undefined}
          >
            #{t.tag} <span className="faint">{t.notes}</span>
          </Link>
        ))}
        {tag && canWrite && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            disabled={rename.isPending}
            onClick={() => {
              const to = window.prompt(`Rename #${tag} on every note in this notebook to:`, tag);
              if (to && to.trim() && to.trim() !== tag) rename.mutate({ notebookId, from: tag, to: to.trim() });
            }}
          >
            Rename #{tag}…
          </button>
        )}
      </nav>
      {rename.error && (
        <span className="field-error" role="alert">
          {rename.error.data?.fieldErrors ? Object.values(rename.error.data.fieldErrors).flat()[0] : rename.error.message}
        </span>
      )}
    </div>
  );
}
