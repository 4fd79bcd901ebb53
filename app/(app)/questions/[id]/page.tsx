// One question's page: checks access on the server (404 for strangers), then hands over to the client page.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { QuestionPage } from "@/components/questions/question-page";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }> };

const loadQuestion = cache(async (id: string) => {
  try {
    return await caller.questions.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  try {
    return { title: (await loadQuestion((await params).id)).title };
  } catch {
    return { title: "Question" };
  }
}

export default async function QuestionRoute({ params }: Props) {
  const { id } = await params;
  const question = await loadQuestion(id);
  const queryClient = getQueryClient();
  queryClient.setQueryData(trpc.questions.get.queryKey({ id }), question);
  await queryClient.prefetchQuery(trpc.account.me.queryOptions());
  return (
    <HydrateClient>
      <QuestionPage id={id} />
    </HydrateClient>
  );
}
