"use client";
// Which moment embedded charts show beside "now": none, or a note's last edit (time travel for a note's charts).
import { createContext, useContext } from "react";

export const ChartCompareContext = createContext<Date | null>(null);

/** The moment to show beside the current data, or null to show only the current data. */
export function useChartCompareAt(): Date | null {
  return useContext(ChartCompareContext);
}
