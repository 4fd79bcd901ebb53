// The Charts section (placeholder until its capability lands).
import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Charts" };

export default function ChartsPage() {
  return <SectionPlaceholder section="charts" />;
}
