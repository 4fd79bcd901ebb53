// A new question, in one of the notebooks the user may write to (?notebook= picks one).
import type { Metadata } from "next";
import Link from "next/link";
import { QuestionForm } from "@/components/questions/question-form";
import { EmptyState } from "@/components/ui/empty-state";
import { QuestionIcon } from "@/components/ui/icons";
import { HydrateClient, caller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "New question" };

type Props = { searchParams: Promise<{ notebook?: string }> };

export default async function NewQuestionPage({ searchParams }: Props) {
  const { notebook } = await searchParams;
  const writable = (await caller.notebooks.list()).filter((n) => n.role !== "viewer").map((n) => ({ id: n.id, name: n.name }));
  if (writable.length === 0) {
    return (
      <div className="page">
        <EmptyState icon={<QuestionIcon />} title="No notebook to put a question in" action={<Link className="btn btn-primary" href="/notebooks">Go to notebooks</Link>}>
          Questions live in a notebook you can edit. Create a notebook first, or ask an owner to make you an editor.
        </EmptyState>
      </div>
    );
  }
  const notebookId = writable.find((n) => n.id === notebook)?.id ?? writable[0]!.id;
  return (
    <HydrateClient>
      <div className="page stack">
        <div className="page-header">
          <div>
            <h1>New question</h1>
            <p className="muted">What would settle it, by when, and (optionally) a rule that settles it from your data.</p>
          </div>
        </div>
        <QuestionForm notebooks={writable} initial={{ notebookId }} />
      </div>
    </HydrateClient>
  );
}
