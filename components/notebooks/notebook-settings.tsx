"use client";
// The Settings tab: rename and the forecast reminder period (editors and owners), the FRED API key and delete with a confirmation that names what is lost (owners).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";

type Notebook = { id: string; name: string; role: "owner" | "editor" | "viewer"; reminderDays: number };

function RenameForm({ notebook }: { notebook: Notebook }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(notebook.name);
  const rename = useMutation(
    trpc.notebooks.rename.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.notebooks.get.queryKey({ id: notebook.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.notebooks.list.queryKey() }),
        ]),
    }),
  );
  const error = rename.error?.data?.fieldErrors?.name?.[0] ?? rename.error?.message;
  return (
    <form
      className="card card-body stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        rename.mutate({ id: notebook.id, name });
      }}
      noValidate
    >
      <h2>Name</h2>
      <div className="row" style={{ alignItems: "flex-start", flexWrap: "wrap" }}>
        <div className="field" style={{ flex: "1 1 260px" }}>
          <label htmlFor="rename-notebook" className="visually-hidden">
            Notebook name
          </label>
          <input id="rename-notebook" className="input" value={name} aria-invalid={error ? true : undefined} onChange={(e) => setName(e.target.value)} />
          {error && <span className="field-error">{error}</span>}
          {rename.isSuccess && !rename.isPending && <span className="field-hint" role="status">Saved.</span>}
        </div>
        <button type="submit" className="btn btn-primary" disabled={rename.isPending || name === notebook.name}>
          {rename.isPending ? "Saving…" : "Rename"}
        </button>
      </div>
    </form>
  );
}

function ReminderForm({ notebook }: { notebook: Notebook }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [days, setDays] = useState(String(notebook.reminderDays));
  const save = useMutation(
    trpc.notebooks.setReminderDays.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notebooks.get.queryKey({ id: notebook.id }) }),
    }),
  );
  const error = save.error?.data?.fieldErrors?.days?.[0] ?? save.error?.message;
  return (
    <form
      className="card card-body stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: notebook.id, days: days.trim() === "" ? Number.NaN : Number(days) });
      }}
      noValidate
    >
      <h2>Forecast reminders</h2>
      <p className="muted">
        When a member&apos;s latest forecast on an open question is older than this, their inbox asks them to look at it again. 0 turns reminders off.
      </p>
      <div className="row" style={{ alignItems: "flex-start", flexWrap: "wrap" }}>
        <div className="field" style={{ flex: "0 1 200px" }}>
          <label htmlFor="reminder-days">Remind after (days)</label>
          <input
            id="reminder-days"
            className="input"
            inputMode="numeric"
            value={days}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "reminder-days-error" : undefined}
            onChange={(e) => setDays(e.target.value)}
          />
          {error && (
            <span id="reminder-days-error" className="field-error">
              {error}
            </span>
          )}
          {save.isSuccess && !save.isPending && (
            <span className="field-hint" role="status">
              Saved.
            </span>
          )}
        </div>
        <button type="submit" className="btn btn-primary" style={{ alignSelf: "flex-end" }} disabled={save.isPending || days === String(notebook.reminderDays)}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}

function DeleteSection({ notebook }: { notebook: Notebook }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirmName, setConfirmName] = useState("");
  const impact = useQuery({ ...trpc.notebooks.deletionImpact.queryOptions({ id: notebook.id }), enabled: open, staleTime: 0 });
  const remove = useMutation(
    trpc.notebooks.remove.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.notebooks.list.queryKey() });
        router.push("/notebooks");
      },
    }),
  );
  return (
    <div className="card card-body stack-sm" style={{ borderColor: "color-mix(in srgb, var(--danger) 35%, var(--border))" }}>
      <h2>Delete this notebook</h2>
      <p className="muted">Deleting removes the notebook and everything in it for every member. It cannot be undone.</p>
      <div>
        <button type="button" className="btn btn-danger" onClick={() => { setConfirmName(""); remove.reset(); setOpen(true); }}>
          Delete notebook…
        </button>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${notebook.name}`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate({ id: notebook.id, confirmName });
          }}
        >
          <div className="dialog-body">
            <h2>Delete “{notebook.name}”?</h2>
            {impact.data ? (
              <p data-testid="deletion-impact">
                This deletes <strong>{impact.data.notes} {impact.data.notes === 1 ? "note" : "notes"}</strong> and removes access for{" "}
                <strong>
                  {impact.data.members} {impact.data.members === 1 ? "member" : "members"}
                </strong>
                . It cannot be undone.
              </p>
            ) : impact.error ? (
              <div className="alert alert-error">{impact.error.message}</div>
            ) : (
              <div className="skeleton" style={{ height: 20 }} />
            )}
            <div className="field">
              <label htmlFor="confirm-name">
                Type <strong>{notebook.name}</strong> to confirm
              </label>
              <input id="confirm-name" className="input" value={confirmName} autoComplete="off" onChange={(e) => setConfirmName(e.target.value)} />
            </div>
            {remove.error && <div className="alert alert-error">{remove.error.message}</div>}
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-danger" disabled={confirmName.trim() !== notebook.name || remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete forever"}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

const FRED_KEY_STATUS = {
  notebook: "This notebook's FRED series use its own key.",
  environment: "FRED series use the server's key (FRED_API_KEY). Set one here to use this notebook's own.",
  none: "No key: FRED series are fetched as the keyless graph CSV. A key uses FRED's API, which also reports vintages.",
} as const;

/** Owners set or clear the notebook's FRED API key; the key is never shown again, only whether one is set. */
function FredKeyForm({ notebook }: { notebook: Notebook }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [key, setKey] = useState("");
  const settings = useQuery(trpc.series.connectorSettings.queryOptions({ notebookId: notebook.id }));
  const save = useMutation(
    trpc.series.setFredApiKey.mutationOptions({
      onSuccess: (next) => {
        setKey("");
        queryClient.setQueryData(trpc.series.connectorSettings.queryKey({ notebookId: notebook.id }), next);
      },
    }),
  );
  const error = save.error?.data?.fieldErrors?.apiKey?.[0] ?? save.error?.message;
  return (
    <form
      className="card card-body stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ notebookId: notebook.id, apiKey: key.trim() });
      }}
      noValidate
    >
      <h2>FRED API key</h2>
      <p className="muted" data-testid="fred-key-status">
        {settings.data ? FRED_KEY_STATUS[settings.data.fredApiKey] : "Loading…"}
      </p>
      <div className="row" style={{ alignItems: "flex-start", flexWrap: "wrap" }}>
        <div className="field" style={{ flex: "1 1 260px" }}>
          <label htmlFor="fred-key" className="visually-hidden">
            FRED API key
          </label>
          <input id="fred-key" className="input" type="password" autoComplete="off" placeholder="32 letters and digits" value={key} aria-invalid={error ? true : undefined} onChange={(e) => setKey(e.target.value)} />
          {error && <span className="field-error">{error}</span>}
        </div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending || key.trim() === ""}>
          {save.isPending ? "Saving…" : "Save key"}
        </button>
        {settings.data?.fredApiKey === "notebook" && (
          <button type="button" className="btn btn-ghost" disabled={save.isPending} onClick={() => save.mutate({ notebookId: notebook.id, apiKey: null })}>
            Remove key
          </button>
        )}
      </div>
    </form>
  );
}

export function NotebookSettings({ notebook }: { notebook: Notebook }) {
  if (notebook.role === "viewer") {
    return <p className="muted">You can read this notebook. Ask an owner or an editor if you need to change it.</p>;
  }
  return (
    <div className="stack">
      <RenameForm notebook={notebook} />
      <ReminderForm notebook={notebook} />
      {notebook.role === "owner" && <FredKeyForm notebook={notebook} />}
      {notebook.role === "owner" && <DeleteSection notebook={notebook} />}
    </div>
  );
}
