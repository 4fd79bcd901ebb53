// The Questions section (placeholder until its capability lands).
import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Questions" };

export default function QuestionsPage() {
  return <SectionPlaceholder section="questions" />;
}
