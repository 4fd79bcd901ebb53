// The Search section (placeholder until its capability lands).
import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Search" };

export default function SearchPage() {
  return <SectionPlaceholder section="search" />;
}
