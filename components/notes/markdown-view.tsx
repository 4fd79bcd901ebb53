// Renders a note's Markdown through the same plugins as the export and the share page (lib/notes/markdown-pipeline), with live embeds in place of their cards.
import { useMemo, type ComponentProps, type ReactNode } from "react";
import ReactMarkdown, { type Options } from "react-markdown";
import { noteRehypePlugins, noteRemarkPlugins } from "@/lib/notes/markdown-pipeline";

/** How to draw a live embed in place of its placeholder card (without one, the card stays). */
export type EmbedRenderers = { chart?: (id: string) => ReactNode; question?: (id: string) => ReactNode };

type DivProps = ComponentProps<"div"> & { node?: unknown; "data-embed-kind"?: string; "data-embed-id"?: string };

function componentsFor(embeds: EmbedRenderers | undefined): Options["components"] {
  if (!embeds?.chart && !embeds?.question) return undefined;
  return {
    div: ({ node: _node, ...props }: DivProps) => {
      const kind = props["data-embed-kind"];
      const id = props["data-embed-id"];
      const render = id && (kind === "chart" || kind === "question") ? embeds[kind] : undefined;
      return render && id ? render(id) : <div {...props} />;
    },
  };
}

export function MarkdownView({ source, className, embeds }: { source: string; className?: string; embeds?: EmbedRenderers }) {
  const components = useMemo(() => componentsFor(embeds), [embeds]);
  return (
    <div className={className ? `prose ${className}` : "prose"}>
      <ReactMarkdown remarkPlugins={noteRemarkPlugins} rehypePlugins={noteRehypePlugins} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
