// Edit a chart: the builder, filled with the saved spec (editors and owners only).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ChartBuilder } from "@/components/charts/chart-builder";
import { HydrateClient, caller } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Edit chart" };

type Props = { params: Promise<{ id: string }> };

export default async function EditChartPage({ params }: Props) {
  const { id } = await params;
  let chart;
  try {
    chart = await caller.charts.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  if (!chart.canEdit) notFound();
  return (
    <HydrateClient>
      <div className="page page-wide stack">
        <div className="page-header">
          <div>
            <h1>Edit chart</h1>
            <p className="muted">{chart.notebookName}</p>
          </div>
        </div>
        <ChartBuilder notebooks={[{ id: chart.notebookId, name: chart.notebookName }]} initial={{ notebookId: chart.notebookId, chartId: chart.id, version: chart.version, spec: chart.spec }} />
      </div>
    </HydrateClient>
  );
}
