"use client";
// The notebooks page: a card per notebook, or a first-steps empty state.
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { BookIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";
import { CreateNotebookDialog } from "./create-notebook-dialog";

export function NotebookList() {
  const trpc = useTRPC();
  const { data: notebooks } = useSuspenseQuery(trpc.notebooks.list.queryOptions());
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Notebooks</h1>
          <p className="muted">Each notebook gathers the notes, charts and questions of one line of research.</p>
        </div>
        {notebooks.length > 0 && <CreateNotebookDialog />}
      </div>
      {notebooks.length === 0 ? (
        <div className="card">
          <EmptyState icon={<BookIcon />} title="Start your first notebook" action={<CreateNotebookDialog label="Create a notebook" />}>
            <p>A notebook holds the research on one theme, like a market rotation or the path of rate cuts.</p>
            <ol className="steps">
              <li>Create a notebook and give it a name.</li>
              <li>Invite colleagues as editors or viewers from its Members tab.</li>
              <li>Write notes, chart the data and track the questions that decide your view.</li>
            </ol>
          </EmptyState>
        </div>
      ) : (
        <div className="grid-cards" data-testid="notebook-list">
          {notebooks.map((nb) => (
            <Link key={nb.id} href={`/notebooks/${nb.id}`} className="card nb-card">
              <div className="row-between">
                <h2>{nb.name}</h2>
                <span className={`badge badge-${nb.role}`}>{nb.role}</span>
              </div>
              {nb.description && <p>{nb.description}</p>}
              <div className="meta">
                <span>
                  {nb.noteCount} {nb.noteCount === 1 ? "note" : "notes"}
                </span>
                <span>
                  {nb.memberCount} {nb.memberCount === 1 ? "member" : "members"}
                </span>
                <span style={{ marginLeft: "auto" }}>
                  Updated <TimeAgo date={nb.updatedAt} />
                </span>
              </div>
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}
