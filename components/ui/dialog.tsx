"use client";
// A modal dialog on the native <dialog> element: focus trap, Escape to close, backdrop.
import { useEffect, useRef, type ReactNode } from "react";

export function Dialog({ open, onClose, title, children, wide = false }: { open: boolean; onClose: () => void; title: string; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={wide ? "dialog dialog-wide" : "dialog"} aria-label={title} onClose={onClose} onCancel={onClose}>
      {open && children}
    </dialog>
  );
}
