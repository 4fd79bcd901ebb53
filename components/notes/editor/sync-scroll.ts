// Split view: the source and the preview scroll together, whichever one is scrolled (by the same share of their length).

/** Keeps `preview` scrolled to the same share as `source`, and the other way round; returns the clean-up. */
export function syncScroll(source: HTMLElement, preview: HTMLElement): () => void {
  let leader: HTMLElement | null = null;
  let release = 0;
  const follow = (from: HTMLElement, to: HTMLElement) => {
    if (from.closest("[hidden]") || to.closest("[hidden]")) return;
    if (leader && leader !== from) return;
    leader = from;
    const max = from.scrollHeight - from.clientHeight;
    const ratio = max > 0 ? from.scrollTop / max : 0;
    to.scrollTop = ratio * (to.scrollHeight - to.clientHeight);
    cancelAnimationFrame(release);
    release = requestAnimationFrame(() => requestAnimationFrame(() => (leader = null)));
  };
  const fromSource = () => follow(source, preview);
  const fromPreview = () => follow(preview, source);
  source.addEventListener("scroll", fromSource, { passive: true });
  preview.addEventListener("scroll", fromPreview, { passive: true });
  return () => {
    cancelAnimationFrame(release);
    source.removeEventListener("scroll", fromSource);
    preview.removeEventListener("scroll", fromPreview);
  };
}
