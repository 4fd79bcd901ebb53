// One series' page: checks access on the server, prefetches the series with its observations, then hands over to the client view.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { SeriesView } from "@/components/data/series-view";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ import?: string }> };

const loadSeries = cache(async (id: string) => {
  try {
    return await caller.series.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  try {
    const s = await loadSeries((await params).id);
    return { title: `${s.key}: ${s.name}` };
  } catch {
    return { title: "Series" };
  }
}

export default async function SeriesPage({ params, searchParams }: Props) {
  const { id } = await params;
  const series = await loadSeries(id);
  getQueryClient().setQueryData(trpc.series.get.queryKey({ id }), series);
  return (
    <HydrateClient>
      <SeriesView id={id} openImport={(await searchParams).import === "1"} />
    </HydrateClient>
  );
}
