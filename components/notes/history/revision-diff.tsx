// Shows the line diff between two revisions' texts, with added and removed lines marked.
import { lineDiff } from "@/lib/notes/diff";

export function RevisionDiff({ before, after }: { before: string; after: string }) {
  const parts = lineDiff(before, after);
  if (parts.every((p) => p.kind === "same")) return <p className="muted">These two revisions have the same text.</p>;
  return (
    <pre className="diff" data-testid="revision-diff">
      {parts.map((part, i) =>
        part.kind === "folded" ? (
          <span key={i} className="diff-folded">
            … {part.lines} unchanged lines …{"\n"}
          </span>
        ) : (
          <span key={i} className={`diff-${part.kind}`}>
            {part.text
              .replace(/\n$/, "")
              .split("\n")
              .map((line) => `${part.kind === "added" ? "+ " : part.kind === "removed" ? "- " : "  "}${line}`)
              .join("\n")}
            {"\n"}
          </span>
        ),
      )}
    </pre>
  );
}
