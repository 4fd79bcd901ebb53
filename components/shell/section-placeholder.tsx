// The page for a section that is not built yet: what it will hold, and what to do first meanwhile.
import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { QuestionIcon } from "@/components/ui/icons";

const SECTIONS: Record<string, { title: string; icon: ReactNode; heading: string; body: string; meanwhile: string }> = {
  questions: {
    title: "Questions",
    icon: <QuestionIcon />,
    heading: "Track the questions that decide your view",
    body: "An open question, like how many rate cuts 2026 brings, keeps your forecast over time, the notes that moved it, and its resolution and score.",
    meanwhile: "Questions arrive with the forecasting release. Meanwhile, put your research in a notebook.",
  },
};

export type PlaceholderSection = keyof typeof SECTIONS;

export function SectionPlaceholder({ section }: { section: PlaceholderSection }) {
  const s = SECTIONS[section]!;
  return (
    <div className="page">
      <div className="page-header">
        <h1>{s.title}</h1>
      </div>
      <div className="card">
        <EmptyState
          icon={s.icon}
          title={s.heading}
          action={
            <Link className="btn btn-primary" href="/notebooks">
              Open your notebooks
            </Link>
          }
        >
          <p>{s.body}</p>
          <p className="faint" style={{ marginTop: 8 }}>
            {s.meanwhile}
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
