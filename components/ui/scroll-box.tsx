"use client";
// A box that may scroll (a wide table, a long code example): while it does, a keyboard stop named as a region.
import { useEffect, useRef, type HTMLAttributes, type ReactNode, type RefObject } from "react";

/**
 * While `ref`'s element overflows either way it is a keyboard stop (tabindex 0: arrow keys then scroll it) and a
 * region named `label`; when everything fits it is a plain element again. Rechecked when it or its content resizes.
 */
export function useKeyboardScroll(ref: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", label);
      } else {
        for (const name of ["tabindex", "role", "aria-label"]) el.removeAttribute(name);
      }
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [ref, label]);
}

/** A div that may scroll its content (a wide table), reachable with the keyboard and named `label` while it does. */
export function ScrollBox({ label, children, ...rest }: { label: string; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  const ref = useRef<HTMLDivElement>(null);
  useKeyboardScroll(ref, label);
  return (
    <div ref={ref} {...rest}>
      {children}
    </div>
  );
}
