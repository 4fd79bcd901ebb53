"use client";
// The Members tab: who is in the notebook; owners add people by email, change roles and remove them.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { TimeAgo } from "@/components/ui/time-ago";

type Role = "owner" | "editor" | "viewer";
const ROLES: Role[] = ["owner", "editor", "viewer"];

export function MembersPanel({ notebookId, role }: { notebookId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: members } = useSuspenseQuery(trpc.notebooks.members.list.queryOptions({ id: notebookId }));
  const canManage = role === "owner";
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notebooks.members.list.queryKey({ id: notebookId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.notebooks.get.queryKey({ id: notebookId }) }),
    ]);
  const [email, setEmail] = useState("");
  const [newRole, setNewRole] = useState<Role>("editor");
  const add = useMutation(trpc.notebooks.members.add.mutationOptions({ onSuccess: () => { setEmail(""); return refresh(); } }));
  const change = useMutation(trpc.notebooks.members.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.notebooks.members.remove.mutationOptions({ onSuccess: refresh }));
  const rowError = change.error ?? remove.error;

  return (
    <div className="stack">
      {canManage ? (
        <form
          className="card card-body stack-sm"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ notebookId, email, role: newRole });
          }}
          noValidate
        >
          <h2>Add a member</h2>
          <p className="muted">They need a Quire account first. Editors can write; viewers can only read.</p>
          <div className="row" style={{ flexWrap: "wrap", alignItems: "flex-start" }}>
            <div className="field" style={{ flex: "1 1 240px" }}>
              <label htmlFor="member-email" className="visually-hidden">
                Email
              </label>
              <input id="member-email" className="input" type="email" placeholder="colleague@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
            <label htmlFor="member-role" className="visually-hidden">
              Role
            </label>
            <select id="member-role" className="input" style={{ width: 130 }} value={newRole} onChange={(e) => setNewRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r[0]!.toUpperCase() + r.slice(1)}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-primary" disabled={add.isPending}>
              {add.isPending ? "Adding…" : "Add member"}
            </button>
          </div>
          {add.error && <div className="alert alert-error">{add.error.message}</div>}
        </form>
      ) : (
        <p className="muted">Only the notebook&apos;s owners can add or remove members.</p>
      )}
      {rowError && <div className="alert alert-error">{rowError.message}</div>}
      <div className="card list" data-testid="member-list">
        {members.map((m) => (
          <div key={m.userId} className="list-item">
            <span className="avatar" aria-hidden="true">
              {m.name.slice(0, 1).toUpperCase()}
            </span>
            <div style={{ minWidth: 0, flex: 1 }}>
              <div style={{ fontWeight: 600 }}>{m.name}</div>
              <div className="faint">
                {m.email} · added <TimeAgo date={m.addedAt} />
              </div>
            </div>
            {canManage ? (
              <>
                <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                  Role of {m.name}
                </label>
                <select
                  id={`role-${m.userId}`}
                  className="input"
                  style={{ width: 120, height: 32 }}
                  value={m.role}
                  onChange={(e) => change.mutate({ notebookId, userId: m.userId, role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r[0]!.toUpperCase() + r.slice(1)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  aria-label={`Remove ${m.name}`}
                  onClick={() => {
                    if (window.confirm(`Remove ${m.name} (${m.email}) from this notebook? They lose access at once.`)) {
                      remove.mutate({ notebookId, userId: m.userId });
                    }
                  }}
                >
                  Remove
                </button>
              </>
            ) : (
              <span className={`badge badge-${m.role}`}>{m.role}</span>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
