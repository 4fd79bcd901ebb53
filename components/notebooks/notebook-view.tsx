"use client";
// One notebook: its header and the Overview (notes, charts, questions, series), Members, Trash and Settings tabs.
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Suspense } from "react";
import { ShareButton } from "@/components/share/share-dialog";
import { useTRPC } from "@/components/trpc/provider";
import { MembersPanel } from "./members-panel";
import { NotebookNotes } from "./notebook-notes";
import { NotebookOverview } from "./notebook-overview";
import { NotebookSettings } from "./notebook-settings";
import { NotebookTrash } from "./notebook-trash";

export type NotebookTab = "notes" | "members" | "settings" | "trash";

export function NotebookView({ id, tab, tag, thumbnails = {} }: { id: string; tab: NotebookTab; tag?: string; thumbnails?: Record<string, string> }) {
  const trpc = useTRPC();
  const { data: notebook } = useSuspenseQuery(trpc.notebooks.get.queryOptions({ id }));
  const tabs: Array<{ key: NotebookTab; label: string }> = [
    { key: "notes", label: "Overview" },
    { key: "members", label: `Members (${notebook.memberCount})` },
    { key: "trash", label: "Trash" },
    { key: "settings", label: "Settings" },
  ];
  return (
    <div className="page">
      <div className="stack-sm">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link href="/notebooks">Notebooks</Link>
          <span aria-hidden="true">/</span>
          <span>{notebook.name}</span>
        </nav>
        <div className="page-header">
          <div>
            <div className="row">
              <h1 data-testid="notebook-title">{notebook.name}</h1>
              <span className={`badge badge-${notebook.role}`}>{notebook.role}</span>
            </div>
            {notebook.description && <p className="muted">{notebook.description}</p>}
          </div>
          <div className="row">
            <Link className="btn" href={`/notebooks/${id}/activity`}>
              Activity
            </Link>
            <Link className="btn" href={`/notebooks/${id}/leaderboard`}>
              Leaderboard
            </Link>
            {(notebook.role === "owner" || notebook.role === "editor") && <ShareButton target={{ targetType: "notebook", targetId: id }} className="btn" />}
          </div>
        </div>
      </div>
      <nav className="tabs" aria-label="Notebook sections">
        {tabs.map((t) => (
          <Link key={t.key} href={`/notebooks/${id}${t.key === "notes" ? "" : `?tab=${t.key}`}`} className="tab" aria-current={tab === t.key ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === "notes" && (
        <section className="overview-section" aria-labelledby="overview-notes" data-testid="overview-notes">
          <h2 id="overview-notes" className="overview-title">
            Notes <span className="faint">({notebook.noteCount})</span>
          </h2>
          <NotebookNotes notebookId={id} tag={tag} />
        </section>
      )}
      {tab === "notes" && !tag && (
        <Suspense fallback={<div className="skeleton" style={{ height: 180 }} aria-busy="true" aria-label="Loading charts, questions and series" />}>
          <NotebookOverview notebookId={id} thumbnails={thumbnails} />
        </Suspense>
      )}
      {tab === "members" && <MembersPanel notebookId={id} role={notebook.role} />}
      {tab === "trash" && <NotebookTrash notebookId={id} canEdit={notebook.role !== "viewer"} />}
      {tab === "settings" && <NotebookSettings notebook={notebook} />}
    </div>
  );
}
