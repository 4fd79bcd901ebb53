"use client";
// Add a FRED series or a Yahoo symbol in one step: source and id (and an optional key); the server fetches it and creates the series, or says why not.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import type { NotebookOption } from "./types";
import { useWritableNotebook, WritableNotebookField } from "./writable-notebook";

type Props = { open: boolean; onClose: () => void; notebooks: Array<Pick<NotebookOption, "id" | "name" | "role">>; notebookId?: string; onAdded: (id: string) => void };

/** The key the server gives a FRED id or Yahoo symbol when none is typed (^RUT → RUT). */
function defaultKey(ref: string): string {
  return ref.trim().replace(/^\^/, "").replace(/\s+/g, "-").toUpperCase();
}

export function AddSourceDialog({ open, ...props }: Props) {
  return (
    <Dialog open={open} onClose={props.onClose} title="Add from FRED or Yahoo">
      <AddSourceForm {...props} />
    </Dialog>
  );
}

function AddSourceForm({ onClose, notebooks, notebookId: fixedNotebook, onAdded }: Omit<Props, "open">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { writable, notebookId, setNotebookId } = useWritableNotebook(notebooks, fixedNotebook);
  const [source, setSource] = useState<"fred" | "yahoo">("yahoo");
  const [ref, setRef] = useState("");
  const [key, setKey] = useState("");
  const mutation = useMutation(
    trpc.series.addFromSource.mutationOptions({
      onSuccess: async (r) => {
        if (!r.ok) return;
        await queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
        onAdded(r.id);
      },
    }),
  );
  const fieldErrors: Record<string, string[] | undefined> = { ...(mutation.error?.data?.fieldErrors ?? {}) };
  const general = mutation.error && !mutation.error.data?.fieldErrors ? mutation.error.message : null;
  const failed = mutation.data && !mutation.data.ok ? mutation.data.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ notebookId, source, ref, ...(key.trim() ? { key: key.trim() } : {}) });
  };
  const err = (name: string) =>
    fieldErrors[name]?.[0] ? (
      <span className="field-error" id={`add-${name}-error`}>
        {fieldErrors[name]![0]}
      </span>
    ) : null;

  return (
    <form onSubmit={submit} noValidate>
      <div className="dialog-body">
        <h2>Add from FRED or Yahoo</h2>
        <p className="muted">Name a FRED series id or a Yahoo symbol: Quire fetches it now, creates the series with its history, and refreshes it daily.</p>
        <WritableNotebookField id="add-notebook" writable={writable} value={notebookId} onChange={setNotebookId} />
        <div className="add-source-form">
          <div className="field">
            <label htmlFor="add-source">Source</label>
            <select id="add-source" className="input" value={source} onChange={(e) => setSource(e.target.value as "fred" | "yahoo")}>
              <option value="yahoo">Yahoo</option>
              <option value="fred">FRED</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="add-ref">{source === "fred" ? "FRED series id" : "Yahoo symbol"}</label>
            <input
              id="add-ref"
              className="input mono"
              value={ref}
              placeholder={source === "fred" ? "DGS10" : "^RUT"}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              onChange={(e) => setRef(e.target.value)}
              aria-invalid={fieldErrors.ref ? true : undefined}
              aria-describedby={fieldErrors.ref ? "add-ref-error" : undefined}
            />
            {err("ref")}
          </div>
          <div className="field">
            <label htmlFor="add-key">Key (optional)</label>
            <input
              id="add-key"
              className="input mono"
              value={key}
              placeholder={defaultKey(ref) || (source === "fred" ? "DGS10" : "RUT")}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setKey(e.target.value)}
              aria-invalid={fieldErrors.key ? true : undefined}
              aria-describedby={fieldErrors.key ? "add-key-error" : undefined}
            />
            {err("key") ?? <span className="field-hint">Charts and scripts refer to it.</span>}
          </div>
        </div>
        {mutation.isPending && <p className="faint">Fetching {ref.trim()} from {source === "fred" ? "FRED" : "Yahoo"}…</p>}
        {(failed ?? general) && (
          <div className="alert alert-error" role="alert" data-testid="add-source-error">
            <p>{failed ?? general}</p>
            {failed && <p className="faint">Nothing was created. Check the id, or import a file instead.</p>}
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending || writable.length === 0 || ref.trim() === ""}>
          {mutation.isPending ? "Fetching…" : "Fetch and add"}
        </button>
      </div>
    </form>
  );
}
