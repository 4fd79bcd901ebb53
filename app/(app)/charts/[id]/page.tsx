// One chart's page: checks access and renders the chart on the server, then hands over to the client page.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { ChartPage } from "@/components/charts/chart-page";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }> };

const loadChart = cache(async (id: string) => {
  try {
    return await caller.charts.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  try {
    return { title: (await loadChart((await params).id)).title };
  } catch {
    return { title: "Chart" };
  }
}

export default async function ChartRoute({ params }: Props) {
  const { id } = await params;
  const chart = await loadChart(id);
  getQueryClient().setQueryData(trpc.charts.get.queryKey({ id }), chart);
  return (
    <HydrateClient>
      <ChartPage id={id} />
    </HydrateClient>
  );
}
