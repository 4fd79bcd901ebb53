// Edit a question (editors and owners); others get 404, like a question they cannot read.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { QuestionForm } from "@/components/questions/question-form";
import { HydrateClient, caller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Edit question" };

type Props = { params: Promise<{ id: string }> };

export default async function EditQuestionPage({ params }: Props) {
  const { id } = await params;
  let question;
  try {
    question = await caller.questions.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  if (!question.canEdit) notFound();
  return (
    <HydrateClient>
      <div className="page stack">
        <div className="page-header">
          <div>
            <h1>Edit question</h1>
            <p className="muted">{question.notebookName}</p>
          </div>
        </div>
        <QuestionForm notebooks={[{ id: question.notebookId, name: question.notebookName }]} initial={{ notebookId: question.notebookId, question }} />
      </div>
    </HydrateClient>
  );
}
