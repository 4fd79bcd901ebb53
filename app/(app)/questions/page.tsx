// The Questions dashboard: prefetched on the server, shown by the client list.
import type { Metadata } from "next";
import { QuestionDashboard } from "@/components/questions/question-dashboard";
import { HydrateClient, getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Questions" };

export default async function QuestionsPage() {
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.questions.list.queryOptions({})), queryClient.prefetchQuery(trpc.notebooks.list.queryOptions())]);
  return (
    <HydrateClient>
      <QuestionDashboard />
    </HydrateClient>
  );
}
