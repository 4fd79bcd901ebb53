"use client";
// The controls in a note's header: breadcrumb, the export menu and the "charts then and now" toggle.
import Link from "next/link";
import { useEffect, useRef } from "react";

/** Shows each embedded chart as its data stood at the note's last edit, beside the chart now. */
export function CompareToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      className={on ? "btn btn-sm btn-toggle-on" : "btn btn-sm"}
      aria-pressed={on}
      title="Show each chart as its data was known when the note was last edited, beside the chart now"
      onClick={() => onChange(!on)}
    >
      Charts then and now
    </button>
  );
}

/** Notebooks / the notebook / this note. */
export function Breadcrumb({ note, title }: { note: { notebookId: string; notebookName: string }; title: string }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <Link href="/notebooks">Notebooks</Link>
      <span aria-hidden="true">/</span>
      <Link href={`/notebooks/${note.notebookId}`}>{note.notebookName}</Link>
      <span aria-hidden="true">/</span>
      <span className="breadcrumb-current">{title || "Untitled"}</span>
    </nav>
  );
}

/** Download the note as Markdown or as a standalone web page (after saving what is typed). */
export function ExportMenu({ noteId, beforeExport }: { noteId: string; beforeExport?: () => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener("click", close);
    return () => document.removeEventListener("click", close);
  }, []);
  return (
    <details className="menu" ref={ref}>
      <summary className="btn btn-sm">Export</summary>
      <div className="menu-items" role="menu">
        <a role="menuitem" href={`/api/notes/${noteId}/export?format=md`} onClick={beforeExport}>
          Markdown (.md)
        </a>
        <a role="menuitem" href={`/api/notes/${noteId}/export?format=html`} onClick={beforeExport}>
          Web page (.html)
        </a>
      </div>
    </details>
  );
}
