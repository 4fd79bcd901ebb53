// The `e` key opens a note's editor from its reading view, unless the key is meant for a field, a menu or a dialog.
import { useEffect } from "react";

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || Boolean(target.closest("input, textarea, select, [contenteditable], [role='dialog'], dialog, [role='menu']"));
}

export function useEditKey(enabled: boolean, onEdit: () => void) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "e" || e.metaKey || e.ctrlKey || e.altKey || e.repeat || e.defaultPrevented || typingInto(e.target)) return;
      if (document.querySelector("dialog[open], [role='dialog']")) return;
      e.preventDefault();
      onEdit();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled, onEdit]);
}
