// The calibration page: the user's scores over resolved questions, prefetched on the server.
import type { Metadata } from "next";
import { CalibrationPage } from "@/components/questions/calibration-page";
import { HydrateClient, getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Calibration" };

export default async function CalibrationRoute() {
  await getQueryClient().prefetchQuery(trpc.questions.calibration.queryOptions({}));
  return (
    <HydrateClient>
      <CalibrationPage />
    </HydrateClient>
  );
}
