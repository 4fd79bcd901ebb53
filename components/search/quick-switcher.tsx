"use client";
// Ctrl/Cmd+K quick switcher: type to find a note by title or text, arrows to choose, Enter to open.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { SearchIcon } from "@/components/ui/icons";
import { Highlighted } from "./highlighted";
import { useDebounced } from "@/components/ui/use-debounced";

type Item = { id: string; title: React.ReactNode; detail: React.ReactNode };

function SwitcherBody({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState(0);
  const debounced = useDebounced(q.trim(), 120);
  const recent = useQuery({ ...trpc.notes.list.queryOptions({}), enabled: debounced === "" });
  const found = useQuery({ ...trpc.search.query.queryOptions({ q: debounced, limit: 8 }), enabled: debounced !== "", placeholderData: keepPreviousData });
  const items: Item[] =
    debounced === ""
      ? (recent.data ?? []).slice(0, 8).map((n) => ({ id: n.id, title: n.title, detail: n.notebookName }))
      : (found.data?.hits ?? []).map((h) => ({ id: h.id, title: <Highlighted marked={h.titleMarked} />, detail: <Highlighted marked={h.snippetMarked} /> }));
  const open = (id: string) => {
    onClose();
    router.push(`/notes/${id}`);
  };
  return (
    <div className="dialog-body">
      <div className="row">
        <SearchIcon />
        <label htmlFor="switcher-input" className="visually-hidden">
          Find a note
        </label>
        <input
          id="switcher-input"
          className="input"
          autoFocus
          placeholder="Find a note…"
          value={q}
          role="combobox"
          aria-expanded="true"
          aria-controls="switcher-list"
          onChange={(e) => {
            setQ(e.target.value);
            setSelected(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") setSelected((s) => Math.min(s + 1, Math.max(items.length - 1, 0)));
            else if (e.key === "ArrowUp") setSelected((s) => Math.max(s - 1, 0));
            else if (e.key === "Enter" && items[selected]) open(items[selected].id);
            else return;
            e.preventDefault();
          }}
        />
      </div>
      <div id="switcher-list" role="listbox" aria-label="Notes" className="switcher-results" data-testid="switcher-results">
        {items.map((item, i) => (
          <div key={item.id} role="option" aria-selected={i === selected} className="switcher-item" onMouseEnter={() => setSelected(i)} onClick={() => open(item.id)}>
            <div style={{ fontWeight: 560 }}>{item.title}</div>
            <span className="faint">{item.detail}</span>
          </div>
        ))}
        {items.length === 0 && <p className="faint" style={{ padding: "8px 12px" }}>{debounced ? "No notes match." : "No notes yet."}</p>}
      </div>
      <p className="faint">{debounced ? "Best matches first." : "Recently changed notes."} ↑↓ to choose, Enter to open, Esc to close.</p>
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
      <Dialog open={open} onClose={() => setOpen(false)} title="Find a note">
        <SwitcherBody onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
