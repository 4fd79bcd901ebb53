// A new chart: the builder over the notebooks the user may write to (?notebook= picks one).
import type { Metadata } from "next";
import Link from "next/link";
import { ChartBuilder } from "@/components/charts/chart-builder";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { HydrateClient, caller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "New chart" };

type Props = { searchParams: Promise<{ notebook?: string }> };

export default async function NewChartPage({ searchParams }: Props) {
  const { notebook } = await searchParams;
  const writable = (await caller.notebooks.list()).filter((n) => n.role !== "viewer").map((n) => ({ id: n.id, name: n.name }));
  if (writable.length === 0) {
    return (
      <div className="page">
        <EmptyState icon={<ChartIcon />} title="No notebook to put a chart in" action={<Link className="btn btn-primary" href="/notebooks">Go to notebooks</Link>}>
          Charts live in a notebook you can edit. Create a notebook first, or ask an owner to make you an editor.
        </EmptyState>
      </div>
    );
  }
  const notebookId = writable.find((n) => n.id === notebook)?.id ?? writable[0]!.id;
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
