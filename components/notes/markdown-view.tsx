// Renders a note's Markdown through the same plugins as the export and the share page (lib/notes/markdown-pipeline), with live embeds in place of their cards and live figures in place of :value{…}.
import { useMemo, type ComponentProps, type ReactNode } from "react";
import ReactMarkdown, { type Options } from "react-markdown";
import { FigureProblem, FigureValues, LiveFigure } from "@/components/figures/live-figure";
import { noteRehypePlugins, noteRemarkPlugins } from "@/lib/notes/markdown-pipeline";

/**
 * How to draw live embeds in place of their placeholder cards (without a renderer, the card stays), and where figures
 * read their data: a notebook's series, as known now or at `asOf` (without it, a figure shows its directive).
 */
export type EmbedRenderers = { chart?: (id: string) => ReactNode; question?: (id: string) => ReactNode; figures?: { notebookId: string; asOf?: Date } };

type DivProps = ComponentProps<"div"> & { node?: unknown; "data-embed-kind"?: string; "data-embed-id"?: string };
type SpanProps = ComponentProps<"span"> & { node?: unknown; "data-figure"?: string; "data-figure-error"?: string };

const textOf = (children: ReactNode): string => (Array.isArray(children) ? children.join("") : String(children ?? ""));

function componentsFor(embeds: EmbedRenderers | undefined): Options["components"] {
  if (!embeds?.chart && !embeds?.question && !embeds?.figures) return undefined;
  return {
    div: ({ node: _node, ...props }: DivProps) => {
      const kind = props["data-embed-kind"];
      const id = props["data-embed-id"];
      const render = id && (kind === "chart" || kind === "question") ? embeds[kind] : undefined;
      return render && id ? render(id) : <div {...props} />;
    },
    span: ({ node: _node, ...props }: SpanProps) => {
      const key = props["data-figure"];
      const problem = props["data-figure-error"];
      if (embeds.figures && problem) return <FigureProblem reason={problem} />;
      if (embeds.figures && key) return <LiveFigure figureKey={key} source={textOf(props.children)} />;
      return <span {...props} />;
    },
  };
}

export function MarkdownView({ source, className, embeds }: { source: string; className?: string; embeds?: EmbedRenderers }) {
  const components = useMemo(() => componentsFor(embeds), [embeds]);
  const view = (
    <div className={className ? `prose ${className}` : "prose"}>
      <ReactMarkdown remarkPlugins={noteRemarkPlugins} rehypePlugins={noteRehypePlugins} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
  if (!embeds?.figures) return view;
  return (
    <FigureValues notebookId={embeds.figures.notebookId} source={source} asOf={embeds.figures.asOf}>
      {view}
    </FigureValues>
  );
}
