// A new chart: the builder over the notebooks the user may write to (?notebook= picks one).
import type { Metadata } from "next";
import { ChartBuilder } from "@/components/charts/chart-builder";
import { NoWritableNotebook, pickWritableNotebook } from "@/components/notebooks/no-writable-notebook";
import { ChartIcon } from "@/components/ui/icons";
import { HydrateClient, caller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "New chart" };

type Props = { searchParams: Promise<{ notebook?: string }> };

export default async function NewChartPage({ searchParams }: Props) {
  const { notebook } = await searchParams;
  const { writable, notebookId } = pickWritableNotebook(await caller.notebooks.list(), notebook);
  if (!notebookId) return <NoWritableNotebook icon={<ChartIcon />} thing="chart" />;
  return (
    <HydrateClient>
      <div className="page page-wide stack">
        <div className="page-header">
          <div>
            <h1>New chart</h1>
            <p className="muted">Choose series, a kind and a range; the preview redraws as you go.</p>
          </div>
        </div>
        <ChartBuilder notebooks={writable} initial={{ notebookId }} />
      </div>
    </HydrateClient>
  );
}
