// Types of the data pages, taken from the series and tokens routers.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type SeriesSummary = Outputs["series"]["list"][number];
export type SeriesDetail = Outputs["series"]["get"];
export type ImportResult = Outputs["series"]["import"];
export type NotebookOption = Outputs["notebooks"]["list"][number];
