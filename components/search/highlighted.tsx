// Text with search matches highlighted; the text is rendered as text, never as HTML.
import { splitHighlights } from "@/lib/notes/search-query";

export function Highlighted({ marked }: { marked: string }) {
  return (
    <>
      {splitHighlights(marked).map((part, i) => (part.highlighted ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
