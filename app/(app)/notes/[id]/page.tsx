// One note, rendered from its Markdown.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { MarkdownView } from "@/components/notes/markdown-view";
import { TimeAgo } from "@/components/ui/time-ago";
import { caller } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }> };

async function loadNote(id: string) {
  try {
    return await caller.notes.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  try {
    return { title: (await caller.notes.get({ id: (await params).id })).title };
  } catch {
    return { title: "Note" };
  }
}

export default async function NotePage({ params }: Props) {
  const note = await loadNote((await params).id);
  return (
    <div className="page">
      <div className="stack-sm">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link href="/notebooks">Notebooks</Link>
          <span aria-hidden="true">/</span>
          <Link href={`/notebooks/${note.notebookId}`}>{note.notebookName}</Link>
          <span aria-hidden="true">/</span>
          <span>{note.title}</span>
        </nav>
        <p className="faint">
          Last edited <TimeAgo date={note.updatedAt} />
          {note.updatedByName && ` by ${note.updatedByName}`}
        </p>
      </div>
      <article className="card card-body" style={{ padding: "32px 40px" }}>
        <MarkdownView source={note.body} />
      </article>
    </div>
  );
}
