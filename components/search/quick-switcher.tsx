"use client";
// Ctrl/Cmd+K quick switcher: type to find a note, question, chart or series (grouped by kind), arrows to choose, Enter to open.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { SearchIcon } from "@/components/ui/icons";
import { Highlighted } from "./highlighted";
import { useDebounced } from "@/components/ui/use-debounced";
import { OTHER_KINDS } from "./result-kinds";

type Item = { key: string; href: string; title: React.ReactNode; detail: React.ReactNode };
type Group = { label: string; items: Item[] };

function SwitcherBody({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState(0);
  const debounced = useDebounced(q.trim(), 120);
  const recent = useQuery({ ...trpc.notes.list.queryOptions({}), enabled: debounced === "" });
  const found = useQuery({ ...trpc.search.query.queryOptions({ q: debounced, limit: 8 }), enabled: debounced !== "", placeholderData: keepPreviousData });
  const groups: Group[] =
    debounced === ""
      ? [{ label: "Recent notes", items: (recent.data ?? []).slice(0, 8).map((n) => ({ key: n.id, href: `/notes/${n.id}`, title: n.title, detail: n.notebookName })) }]
      : [
          {
            label: "Notes",
            items: (found.data?.hits ?? []).map((h) => ({ key: h.id, href: `/notes/${h.id}`, title: <Highlighted marked={h.titleMarked} />, detail: <Highlighted marked={h.snippetMarked} /> })),
          },
          ...OTHER_KINDS.map(({ key, label, href }) => ({
            label,
            items: (found.data?.[key] ?? []).slice(0, 5).map((h) => ({ key: h.id, href: href(h.id), title: <Highlighted marked={h.titleMarked} />, detail: [h.detail, h.notebookName].filter(Boolean).join(" · ") })),
          })),
        ].filter((g) => g.items.length > 0);
  const items = groups.flatMap((g) => g.items);
  const open = (href: string) => {
    onClose();
    router.push(href);
  };
  return (
    <div className="dialog-body">
      <div className="row switcher-row">
        <SearchIcon />
        <label htmlFor="switcher-input" className="visually-hidden">
          Find a note, question, chart or series
        </label>
        <input
          id="switcher-input"
          className="input"
          autoFocus
          placeholder="Find a note, question, chart or series…"
          value={q}
          role="combobox"
          aria-expanded="true"
          aria-controls="switcher-list"
          aria-activedescendant={items[selected] ? `switcher-option-${selected}` : undefined}
          onChange={(e) => {
            setQ(e.target.value);
            setSelected(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") setSelected((s) => Math.min(s + 1, Math.max(items.length - 1, 0)));
            else if (e.key === "ArrowUp") setSelected((s) => Math.max(s - 1, 0));
            else if (e.key === "Enter" && items[selected]) open(items[selected].href);
            else return;
            e.preventDefault();
          }}
        />
      </div>
      <div id="switcher-list" role="listbox" aria-label="Results" className="switcher-results" data-testid="switcher-results">
        {groups.map((group, g) => {
          const offset = groups.slice(0, g).reduce((n, prev) => n + prev.items.length, 0);
          return (
            <div key={group.label} role="group" aria-labelledby={`switcher-group-${g}`} data-kind={group.label.toLowerCase()}>
              <div id={`switcher-group-${g}`} className="switcher-group" role="presentation">
                {group.label}
              </div>
              {group.items.map((item, j) => {
                const i = offset + j;
                return (
                  <div
                    key={`${group.label}-${item.key}`}
                    id={`switcher-option-${i}`}
                    role="option"
                    aria-selected={i === selected}
                    className="switcher-item"
                    onMouseEnter={() => setSelected(i)}
                    onClick={() => open(item.href)}
                  >
                    <div style={{ fontWeight: 560 }}>{item.title}</div>
                    <span className="faint">{item.detail}</span>
                  </div>
                );
              })}
            </div>
          );
        })}
        {items.length === 0 && <p className="faint" style={{ padding: "8px 12px" }}>{debounced ? "Nothing matches." : "No notes yet."}</p>}
      </div>
      <p className="faint">{debounced ? "Best matches first, by kind." : "Recently changed notes."} ↑↓ to choose, Enter to open, Esc to close.</p>
    </div>
  );
}

export function QuickSwitcher() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button type="button" className="nav-link switcher-button" onClick={() => setOpen(true)} style={{ border: "none", background: "none", font: "inherit", cursor: "pointer", width: "100%" }}>
        <SearchIcon />
        Quick find
        <span className="kbd">Ctrl K</span>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Quick find">
        <SwitcherBody onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
