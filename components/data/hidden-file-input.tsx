"use client";
// The file input behind a data dialog's "Choose a file…" buttons: hidden, out of the tab order, reset after each pick.
import type { RefObject } from "react";

export function HiddenFileInput({ inputRef, label, accept, onFile }: { inputRef: RefObject<HTMLInputElement | null>; label: string; accept: string; onFile: (file: File | undefined) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      className="visually-hidden"
      tabIndex={-1}
      aria-label={label}
      accept={accept}
      onChange={(e) => {
        onFile(e.target.files?.[0]);
        e.target.value = "";
      }}
    />
  );
}
