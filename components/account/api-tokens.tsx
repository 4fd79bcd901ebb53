"use client";
// The Account page's API tokens: create one for a notebook (shown once, with a copy button), list them, revoke with confirmation.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/components/data/copy-button";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import "@/components/data/data.css";
import { ScrollBox } from "@/components/ui/scroll-box";

export function ApiTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: tokens } = useSuspenseQuery(trpc.tokens.list.queryOptions());
  const { data: notebooks } = useSuspenseQuery(trpc.notebooks.list.queryOptions());
  const writable = notebooks.filter((n) => n.role !== "viewer");
  const [notebookId, setNotebookId] = useState(writable[0]?.id ?? "");
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ token: string; name: string; notebookName: string } | null>(null);
  const [revoking, setRevoking] = useState<(typeof tokens)[number] | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const create = useMutation(trpc.tokens.create.mutationOptions({ onSuccess: invalidate }));
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setRevoking(null);
      },
    }),
  );
  const fieldErrors = create.error?.data?.fieldErrors ?? {};
  const chosen = writable.find((n) => n.id === notebookId) ?? writable[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    create.mutate(
      { notebookId: chosen.id, name },
      {
        onSuccess: ({ token }) => {
          setCreated({ token, name: name.trim(), notebookName: chosen.name });
          setName("");
        },
      },
    );
  };

  return (
    <section className="card card-body stack" id="api-tokens" aria-labelledby="api-tokens-title" data-testid="api-tokens">
      <div>
        <h2 id="api-tokens-title">API tokens</h2>
        <p className="muted">
          Scripts push and read a notebook&apos;s series over REST with a token: <code className="mono">Authorization: Bearer quire_…</code>. A token acts as you,
          in one notebook, and stops working when you revoke it or can no longer edit there. Each series page shows curl examples.
        </p>
      </div>

      {created && (
        <div className="token-once" role="status" data-testid="new-token">
          <p>
            <strong>Copy the token for “{created.name}” now.</strong> It is shown only this once; Quire keeps only a hash of it. Anyone holding it can write
            to {created.notebookName}.
          </p>
          <div className="token-value">
            <code className="mono" data-testid="token-value">
              {created.token}
            </code>
            <CopyButton text={created.token} label="Copy token" className="btn btn-sm btn-primary" />
          </div>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setCreated(null)}>
            I have stored it, hide it
          </button>
        </div>
      )}

      {writable.length === 0 ? (
        <p className="alert alert-warning">A token writes into a notebook where you are an owner or an editor; you have none yet.</p>
      ) : (
        <form className="token-form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="token-notebook">Notebook</label>
            <select id="token-notebook" className="input" value={chosen?.id ?? ""} onChange={(e) => setNotebookId(e.target.value)} aria-invalid={fieldErrors.notebookId ? true : undefined}>
              {writable.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
            {fieldErrors.notebookId && <span className="field-error">{fieldErrors.notebookId[0]}</span>}
          </div>
          <div className="field">
            <label htmlFor="token-name">Token name</label>
            <input
              id="token-name"
              className="input"
              value={name}
              placeholder="e.g. nightly-prices.py"
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
              aria-invalid={fieldErrors.name ? true : undefined}
              aria-describedby={fieldErrors.name ? "token-name-error" : undefined}
            />
            {fieldErrors.name && (
              <span className="field-error" id="token-name-error">
                {fieldErrors.name[0]}
              </span>
            )}
          </div>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </button>
        </form>
      )}
      {create.error && !create.error.data?.fieldErrors && <div className="alert alert-error">{create.error.message}</div>}

      {tokens.length === 0 ? (
        <p className="faint">No tokens yet.</p>
      ) : (
        <ScrollBox className="table-scroll" label="API tokens">
          <table className="data-table" data-testid="token-list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Notebook</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} data-revoked={t.revokedAt ? true : undefined} data-testid="token-row">
                  <td>{t.name}</td>
                  <td>{t.notebookName ?? <span className="faint">a notebook you no longer belong to</span>}</td>
                  <td className="mono">{t.prefix}…</td>
                  <td>
                    <time dateTime={t.createdAt.toISOString()} suppressHydrationWarning>
                      {format(t.createdAt, "PP")}
                    </time>
                  </td>
                  <td>{t.lastUsedAt ? <TimeAgo date={t.lastUsedAt} /> : <span className="faint">never</span>}</td>
                  <td className="num">
                    {t.revokedAt ? (
                      <span className="badge badge-revoked" title={format(t.revokedAt, "PPpp")}>
                        revoked
                      </span>
                    ) : (
                      <button type="button" className="btn btn-sm" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}

      <Dialog open={revoking !== null} onClose={() => setRevoking(null)} title="Revoke token">
        {revoking && (
          <>
            <div className="dialog-body">
              <h2>Revoke “{revoking.name}”?</h2>
              <p className="muted">
                Scripts using <code className="mono">{revoking.prefix}…</code> get 401 from their next request on. This cannot be undone; create a new token if you
                need one.
              </p>
              {revoke.error && <div className="alert alert-error">{revoke.error.message}</div>}
            </div>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setRevoking(null)} autoFocus>
                Cancel
              </button>
              <button type="button" className="btn btn-danger" onClick={() => revoke.mutate({ id: revoking.id })} disabled={revoke.isPending}>
                {revoke.isPending ? "Revoking…" : "Revoke token"}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
