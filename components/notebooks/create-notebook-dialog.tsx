"use client";
// The "New notebook" button and its dialog: name and description, with field messages from the server.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { PlusIcon } from "@/components/ui/icons";

export function CreateNotebookDialog({ label = "New notebook" }: { label?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(
    trpc.notebooks.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.notebooks.list.queryKey() });
        setOpen(false);
        router.push(`/notebooks/${id}`);
      },
    }),
  );
  const fieldErrors = create.error?.data?.fieldErrors ?? {};
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => { create.reset(); setOpen(true); }}>
        <PlusIcon /> {label}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New notebook">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name, description });
          }}
          noValidate
        >
          <div className="dialog-body">
            <h2>New notebook</h2>
            <p className="muted">A notebook holds notes, charts and questions on one theme, shared with the people you add.</p>
            {create.error && !create.error.data?.fieldErrors && <div className="alert alert-error">{create.error.message}</div>}
            <div className="field">
              <label htmlFor="notebook-name">Name</label>
              <input
                id="notebook-name"
                className="input"
                value={name}
                autoFocus
                placeholder="e.g. Rates and small caps 2026"
                aria-invalid={fieldErrors.name ? true : undefined}
                onChange={(e) => setName(e.target.value)}
              />
              {fieldErrors.name && <span className="field-error">{fieldErrors.name[0]}</span>}
            </div>
            <div className="field">
              <label htmlFor="notebook-description">Description (optional)</label>
              <textarea id="notebook-description" className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
              {fieldErrors.description && <span className="field-error">{fieldErrors.description[0]}</span>}
            </div>
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create notebook"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
