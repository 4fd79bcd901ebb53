// A notebook's leaderboard: checks access on the server (a stranger gets the 404 page), prefetches, then hands over to the client view.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { LeaderboardPage } from "@/components/questions/leaderboard-page";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Leaderboard" };

export default async function LeaderboardRoute({ params }: Props) {
  const { id } = await params;
  const queryClient = getQueryClient();
  try {
    queryClient.setQueryData(trpc.notebooks.get.queryKey({ id }), await caller.notebooks.get({ id }));
    queryClient.setQueryData(trpc.questions.leaderboard.queryKey({ notebookId: id }), await caller.questions.leaderboard({ notebookId: id }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <LeaderboardPage notebookId={id} />
    </HydrateClient>
  );
}
