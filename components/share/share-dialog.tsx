"use client";
// The Share button and dialog of a note, a question or a notebook: make a read-only link (label, live or snapshot, optional expiry), see it once, list and revoke links.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { ShareLinksTable } from "./share-links-table";
import "./share.css";
import { shareLabelSchema, type ShareTarget } from "@/lib/validation/share";

const WHAT: Record<ShareTarget["targetType"], { title: string; intro: string; live: string; snapshot: string }> = {
  note: {
    title: "Share this note",
    intro: "Anyone with a link can read this note and its charts, without an account, until the link expires or you revoke it.",
    live: "Live: always the current text and data",
    snapshot: "Snapshot: the text and data as they are now",
  },
  question: {
    title: "Share this question",
    intro: "Anyone with a link can read this question, its criteria and its forecast history (forecasters are not named), without an account, until the link expires or you revoke it.",
    live: "Live: always the current forecasts and status",
    snapshot: "Snapshot: the question and its forecasts as they are now",
  },
  notebook: {
    title: "Share this notebook",
    intro: "Anyone with a link can read every note of this notebook that is not in the trash, with their charts, without an account, until the link expires or you revoke it.",
    live: "Live: always the current notes, including new ones",
    snapshot: "Snapshot: the notes and data as they are now",
  },
};

function SharePanel({ target, beforeCreate }: { target: ShareTarget; beforeCreate?: () => Promise<unknown> | void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const links = useQuery({ ...trpc.share.list.queryOptions(target), staleTime: 0 });
  const [label, setLabel] = useState("");
  const [mode, setMode] = useState<"live" | "snapshot">("live");
  const [expiry, setExpiry] = useState("");
  // A snapshot of a note or a question may show a past moment (empty: now).
  const [snapshotAt, setSnapshotAt] = useState("");
  const pastMoments = target.targetType !== "notebook";
  const [created, setCreated] = useState<{ url: string; label: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [labelError, setLabelError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.share.pathKey() });
  const create = useMutation(trpc.share.create.mutationOptions({ onSuccess: () => void refresh() }));
  const serverFieldErrors = create.error?.data?.fieldErrors ?? null;
  const fieldError = (name: "label" | "expiresAt" | "mode" | "asOf") => (name === "label" && labelError) || serverFieldErrors?.[name]?.[0] || null;
  const formError = create.error && !serverFieldErrors ? create.error.message : null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setCopied(false);
    const checked = shareLabelSchema.safeParse(label);
    setLabelError(checked.success ? null : (checked.error.issues[0]?.message ?? null));
    if (!checked.success) return;
    await beforeCreate?.();
    const expiresAt = expiry ? new Date(expiry).toISOString() : undefined;
    const asOf = mode === "snapshot" && pastMoments && snapshotAt ? new Date(snapshotAt).toISOString() : undefined;
    const result = await create.mutateAsync({ ...target, label, mode, ...(expiresAt ? { expiresAt } : {}), ...(asOf ? { asOf } : {}) }).catch(() => null);
    if (result) {
      setCreated({ url: `${window.location.origin}${result.path}`, label });
      setLabel("");
      setExpiry("");
      setSnapshotAt("");
    }
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="stack" style={{ display: "grid", gap: 14 }}>
      <form onSubmit={(e) => void submit(e)} style={{ display: "grid", gap: 10 }} data-testid="share-form">
        <div className="field">
          <label htmlFor="share-label">Who is it for?</label>
          <input
            id="share-label"
            className="input"
            value={label}
            maxLength={80}
            placeholder="Client: Acme"
            aria-invalid={fieldError("label") ? true : undefined}
            aria-describedby={fieldError("label") ? "share-label-error" : undefined}
            onChange={(e) => {
              setLabel(e.target.value);
              setLabelError(null);
            }}
          />
          {fieldError("label") && (
            <span className="field-error" id="share-label-error" data-testid="share-label-error">
              {fieldError("label")}
            </span>
          )}
        </div>
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field-hint" style={{ marginBottom: 4 }}>What the reader sees</legend>
          <label className="share-mode-option">
            <input type="radio" name="share-mode" checked={mode === "live"} onChange={() => setMode("live")} /> <span>{WHAT[target.targetType].live}</span>
          </label>
          <label className="share-mode-option">
            <input type="radio" name="share-mode" checked={mode === "snapshot"} onChange={() => setMode("snapshot")} /> <span>{WHAT[target.targetType].snapshot}</span>
          </label>
          {fieldError("mode") && <span className="field-error">{fieldError("mode")}</span>}
          {mode === "snapshot" && pastMoments && (
            <div className="field" style={{ marginTop: 8 }}>
              <label htmlFor="share-snapshot-at">As of (optional: empty is now)</label>
              <input
                id="share-snapshot-at"
                className="input"
                type="datetime-local"
                value={snapshotAt}
                max={new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16)}
                aria-invalid={fieldError("asOf") ? true : undefined}
                aria-describedby="share-snapshot-at-hint"
                onChange={(e) => setSnapshotAt(e.target.value)}
              />
              <span className="field-hint" id="share-snapshot-at-hint">
                A past moment shows the text, charts, figures and forecasts as they stood then.
              </span>
              {fieldError("asOf") && <span className="field-error">{fieldError("asOf")}</span>}
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="share-expiry">Expires (optional)</label>
          <input
            id="share-expiry"
            className="input"
            type="datetime-local"
            value={expiry}
            aria-invalid={fieldError("expiresAt") ? true : undefined}
            aria-describedby={fieldError("expiresAt") ? "share-expiry-error" : undefined}
            onChange={(e) => setExpiry(e.target.value)}
          />
          {fieldError("expiresAt") && (
            <span className="field-error" id="share-expiry-error" data-testid="share-expiry-error">
              {fieldError("expiresAt")}
            </span>
          )}
        </div>
        {formError && (
          <div className="alert alert-error" role="alert">
            {formError}
          </div>
        )}
        <div>
          <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create link"}
          </button>
        </div>
      </form>
      {created && (
        <div className="alert alert-success" data-testid="share-created">
          <div>
            Link for {created.label}. Copy it now: it is shown only once.
          </div>
          <div style={{ display: "flex", gap: 8, marginTop: 6 }}>
            <input className="input" readOnly value={created.url} data-testid="share-url" aria-label="Share link" onFocus={(e) => e.target.select()} style={{ flex: 1 }} />
            <button type="button" className="btn btn-sm" onClick={() => void copy()}>
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
      {links.error ? (
        <div className="alert alert-error" role="alert">
          {links.error.message}
        </div>
      ) : links.isPending ? (
        <div className="skeleton" style={{ height: 60 }} aria-busy="true" aria-label="Loading links" />
      ) : (
        <ShareLinksTable links={links.data} />
      )}
    </div>
  );
}

/** The Share button (owners and editors) and its dialog. */
export function ShareButton({
  target,
  beforeCreate,
  className = "btn btn-sm",
}: {
  target: ShareTarget;
  beforeCreate?: () => Promise<unknown> | void;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={WHAT[target.targetType].title} wide>
        <div className="dialog-body">
          <div className="row-between">
            <h2>Share read-only</h2>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <p className="muted">{WHAT[target.targetType].intro}</p>
          <SharePanel target={target} beforeCreate={beforeCreate} />
        </div>
      </Dialog>
    </>
  );
}
