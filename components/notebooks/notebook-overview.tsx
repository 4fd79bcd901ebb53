"use client";
// The rest of a notebook's overview, below its notes: its charts (with thumbnails drawn on the server), questions and series.
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatValue } from "@/components/data/format";
import { Sparkline } from "@/components/data/sparkline";
import { StatusBadge } from "@/components/questions/status-badge";
import { useTRPC } from "@/components/trpc/provider";
import "@/components/questions/questions.css";
import { TimeAgo } from "@/components/ui/time-ago";
import "@/components/data/data.css";
import { OVERVIEW_CHARTS, OVERVIEW_ROWS } from "./overview-limits";


function Section({ id, title, count, all, empty, children }: { id: string; title: string; count: number; all: { href: string; label: string }; empty: ReactNode; children: ReactNode }) {
  return (
    <section className="overview-section" aria-labelledby={id} data-testid={id}>
      <div className="row-between">
        <h2 id={id} className="overview-title">
          {title} <span className="faint">({count})</span>
        </h2>
        <Link href={all.href} className="overview-all">
          {all.label}
        </Link>
      </div>
      {count === 0 ? <p className="faint overview-empty">{empty}</p> : children}
    </section>
  );
}

/** The notebook's charts, questions and series; `thumbnails` holds the server's SVG of the first few charts by id. */
export function NotebookOverview({ notebookId, thumbnails }: { notebookId: string; thumbnails: Record<string, string> }) {
  const trpc = useTRPC();
  const { data: charts } = useSuspenseQuery(trpc.charts.list.queryOptions({ notebookId }));
  const { data: questions } = useSuspenseQuery(trpc.questions.list.queryOptions({ notebookId }));
  const { data: series } = useSuspenseQuery(trpc.series.list.queryOptions({ notebookId }));
  return (
    <div className="overview">
      <Section id="overview-charts" title="Charts" count={charts.length} all={{ href: "/charts", label: "All charts" }} empty="No charts yet: build one from this notebook's series on the Charts page.">
        <ul className="overview-charts" aria-label="Charts in this notebook">
          {charts.slice(0, OVERVIEW_CHARTS).map((c) => (
            <li key={c.id} className="card overview-chart">
              <Link href={`/charts/${c.id}`} className="overview-chart-link">
                <span className="overview-thumb" aria-hidden="true" dangerouslySetInnerHTML={thumbnails[c.id] ? { __html: thumbnails[c.id]! } : undefined} />
                <span className="overview-chart-title">{c.title}</span>
              </Link>
              <span className="faint">
                {c.series.join(", ") || "no series"} · changed <TimeAgo date={c.updatedAt} />
              </span>
            </li>
          ))}
        </ul>
        {charts.length > OVERVIEW_CHARTS && <p className="faint">and {charts.length - OVERVIEW_CHARTS} more on the Charts page.</p>}
      </Section>
      <div className="overview-pair">
        <Section id="overview-questions" title="Questions" count={questions.length} all={{ href: "/questions", label: "All questions" }} empty="No questions yet: track one on the Questions page.">
          <ul className="card overview-list">
            {questions.slice(0, OVERVIEW_ROWS).map((q) => (
              <li key={q.id}>
                <Link href={`/questions/${q.id}`}>{q.title}</Link>
                <span className="overview-meta">
                  <StatusBadge status={q.status} overdue={q.overdue} />
                  <span className="faint">{q.status === "open" ? `by ${q.resolveBy}` : ""}</span>
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="overview-series" title="Series" count={series.length} all={{ href: "/data", label: "All data" }} empty="No series yet: bring data in on the Data page.">
          <ul className="card overview-list">
            {series.slice(0, OVERVIEW_ROWS).map((s) => (
              <li key={s.id}>
                <Link href={`/data/${s.id}`}>
                  <span className="overview-key">{s.key}</span> {s.name}
                </Link>
                <span className="overview-meta">
                  {s.sparkline.length > 1 && <Sparkline values={s.sparkline} width={72} height={20} label={`${s.key}: recent values`} />}
                  <span className="faint">{s.lastValue === null ? "no data" : `${formatValue(s.lastValue)}${s.unit ? ` ${s.unit}` : ""}`}</span>
                </span>
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </div>
  );
}
