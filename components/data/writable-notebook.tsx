"use client";
// Which notebook a data dialog writes to: the notebooks the user may write to, one chosen, and the field that chooses it.
import { useState } from "react";
import type { NotebookOption } from "./types";

type Choice = Pick<NotebookOption, "id" | "name" | "role">;

/** The writable notebooks and the chosen one (the given notebook when writable, else the first). */
export function useWritableNotebook(notebooks: Choice[], preferred: string | undefined) {
  const writable = notebooks.filter((n) => n.role !== "viewer");
  const [notebookId, setNotebookId] = useState(writable.find((n) => n.id === preferred)?.id ?? writable[0]?.id ?? "");
  return { writable, notebookId, setNotebookId };
}

/** A notice when no notebook is writable; a Notebook select when there is more than one to choose from. */
export function WritableNotebookField(props: { id: string; writable: Choice[]; value: string; onChange: (id: string) => void; disabled?: boolean; hidden?: boolean }) {
  const { id, writable, value, onChange, disabled, hidden } = props;
  if (writable.length === 0) return <div className="alert alert-warning">You can only read the notebooks you belong to. Create a notebook of your own first.</div>;
  if (writable.length === 1 || hidden) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Notebook</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {writable.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </div>
  );
}
