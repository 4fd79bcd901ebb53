// The empty state of a "new chart" or "new question" page when the user can edit no notebook.
import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";

/** Says where the thing would live and how to get a notebook to put it in. */
export function NoWritableNotebook({ icon, thing }: { icon: ReactNode; thing: "chart" | "question" }) {
  return (
    <div className="page">
      <EmptyState icon={icon} title={`No notebook to put a ${thing} in`} action={<Link className="btn btn-primary" href="/notebooks">Go to notebooks</Link>}>
        {thing === "chart" ? "Charts" : "Questions"} live in a notebook you can edit. Create a notebook first, or ask an owner to make you an editor.
      </EmptyState>
    </div>
  );
}

/** The notebooks a user may write to, and the one to start in (the requested one if writable, else the first). */
export function pickWritableNotebook(
  notebooks: Array<{ id: string; name: string; role: string }>,
  requested: string | undefined,
): { writable: Array<{ id: string; name: string }>; notebookId: string | null } {
  const writable = notebooks.filter((n) => n.role !== "viewer").map((n) => ({ id: n.id, name: n.name }));
  return { writable, notebookId: writable.find((n) => n.id === requested)?.id ?? writable[0]?.id ?? null };
}
