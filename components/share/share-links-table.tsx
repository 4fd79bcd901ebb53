"use client";
// The table of share links, used by the Share dialog (one item's links) and the Shared links page (every link, with what it shares): maker, views, status, revoke.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { format } from "date-fns";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/trpc/root";
import "./share.css";

/** One link as share.list and share.listMine return it (never its token). */
export type ShareLinkSummary = inferRouterOutputs<AppRouter>["share"]["listMine"][number];

const STATUS_LABELS = { active: "Active", paused: "Paused", expired: "Expired", revoked: "Revoked" } as const;
const TYPE_LABELS = { note: "Note", question: "Question", notebook: "Notebook" } as const;
const TARGET_PATHS = { note: "/notes/", question: "/questions/", notebook: "/notebooks/" } as const;

const when = (date: Date) => format(date, "d MMM yyyy, HH:mm");

function WhatCell({ link }: { link: ShareLinkSummary }) {
  return (
    <td className="share-what" data-label="Shares">
      <span className="badge share-type">{TYPE_LABELS[link.targetType]}</span>{" "}
      <Link href={`${TARGET_PATHS[link.targetType]}${link.targetId}`} className="share-target">
        {link.targetTitle || "Untitled"}
      </Link>
      {link.targetType !== "notebook" && (
        <div className="faint">
          in <Link href={`/notebooks/${link.notebookId}`}>{link.notebookName}</Link>
        </div>
      )}
    </td>
  );
}

/**
 * Share links as a table (stacked rows on narrow screens), newest first as given, with a Revoke button on active links.
 * `showTarget` adds the column saying what each link shares, linking to it inside the app.
 */
export function ShareLinksTable({ links, showTarget = false, empty = "No links yet." }: { links: ShareLinkSummary[]; showTarget?: boolean; empty?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [revoked, setRevoked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.share.revoke.mutationOptions({
      onMutate: () => setRevoked(null),
      onSuccess: (_, { id }) => {
        setRevoked(links.find((l) => l.id === id)?.label ?? null);
        setConfirming(null);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.share.pathKey() }),
    }),
  );

  return (
    <div className="stack-sm">
      <table className="share-links" data-testid="share-links">
        <thead>
          <tr>
            {showTarget && <th scope="col">Shares</th>}
            <th scope="col">Link</th>
            <th scope="col">Views</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-share-id={link.id} data-status={link.status}>
              {showTarget && <WhatCell link={link} />}
              <td data-label="Link">
                <div className="share-label">{link.label}</div>
                <div className="faint">
                  {link.mode === "snapshot" ? (
                    <span data-testid="share-mode">Snapshot{link.asOf ? ` as of ${when(link.asOf)}` : ""}</span>
                  ) : (
                    <span data-testid="share-mode">Live</span>
                  )}
                </div>
                <div className="faint">
                  Made {link.madeBy && <span data-testid="share-made-by">by {link.madeBy} </span>}
                  {format(link.createdAt, "d MMM yyyy")} · {link.expiresAt ? `${link.status === "expired" ? "expired" : "expires"} ${when(link.expiresAt)}` : "no expiry"}
                </div>
              </td>
              <td data-label="Views">
                <span data-testid="share-views">{link.views}</span>
                <div className="faint">{link.lastViewedAt ? `last ${format(link.lastViewedAt, "d MMM, HH:mm")}` : "not opened yet"}</div>
              </td>
              <td data-label="Status" className="share-status-cell">
                <span className={`badge share-status share-status-${link.status}`} data-testid="share-status">
                  {STATUS_LABELS[link.status]}
                </span>
                {link.status === "revoked" && link.revokedAt && <div className="faint">{format(link.revokedAt, "d MMM yyyy")}</div>}
                {link.status === "paused" && <div className="faint">Its maker can no longer share this; it shows nothing.</div>}
                {(link.status === "active" || link.status === "paused") &&
                  (confirming === link.id ? (
                    <div className="share-confirm" role="group" aria-label={`Revoke the link for ${link.label}?`} data-testid="share-revoke-confirm">
                      <span className="faint">Stop this link for everyone who has it?</span>
                      <button
                        type="button"
                        className="btn btn-sm btn-danger"
                        autoFocus
                        disabled={revoke.isPending}
                        aria-label={`Yes, revoke the link for ${link.label}`}
                        onClick={() => revoke.mutate({ id: link.id })}
                      >
                        Yes, revoke
                      </button>
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost share-revoke"
                      aria-label={`Revoke the link for ${link.label}`}
                      onClick={() => setConfirming(link.id)}
                    >
                      Revoke
                    </button>
                  ))}
              </td>
            </tr>
          ))}
          {links.length === 0 && (
            <tr className="share-links-empty">
              <td colSpan={showTarget ? 4 : 3} className="faint">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {revoked !== null && (
        <p className="faint" role="status" data-testid="share-revoked">
          The link for {revoked} is revoked: it stopped working at once.
        </p>
      )}
      {revoke.error && (
        <div className="alert alert-error" role="alert">
          {revoke.error.message}
        </div>
      )}
    </div>
  );
}
