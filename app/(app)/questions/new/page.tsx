// A new question, in one of the notebooks the user may write to (?notebook= picks one).
import type { Metadata } from "next";
import { QuestionForm } from "@/components/questions/question-form";
import { NoWritableNotebook, pickWritableNotebook } from "@/components/notebooks/no-writable-notebook";
import { QuestionIcon } from "@/components/ui/icons";
import { HydrateClient, caller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "New question" };

type Props = { searchParams: Promise<{ notebook?: string }> };

export default async function NewQuestionPage({ searchParams }: Props) {
  const { notebook } = await searchParams;
  const { writable, notebookId } = pickWritableNotebook(await caller.notebooks.list(), notebook);
  if (!notebookId) return <NoWritableNotebook icon={<QuestionIcon />} thing="question" />;
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
