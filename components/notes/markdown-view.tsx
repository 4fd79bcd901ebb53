// Renders a note's Markdown: GFM, chart and question embeds as cards, sanitized; external links open safely in a new tab.
import { useMemo, type ComponentProps, type ReactNode } from "react";
import ReactMarkdown, { type Options } from "react-markdown";
import remarkDirective from "remark-directive";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { remarkEmbeds } from "@/lib/notes/remark-embeds";
import { isExternalHref, noteSanitizeSchema } from "@/lib/notes/sanitize";

const remarkPlugins: Options["remarkPlugins"] = [remarkGfm, remarkDirective, remarkEmbeds];
const rehypePlugins: Options["rehypePlugins"] = [[rehypeSanitize, noteSanitizeSchema]];


function Anchor({ href, children, node: _node, ...rest }: ComponentProps<"a"> & { node?: unknown }) {
  return isExternalHref(href) ? (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a {...rest} href={href}>
      {children}
    </a>
  );
}

/** How to draw a live embed in place of its placeholder card (without one, the card stays). */
export type EmbedRenderers = { chart?: (id: string) => ReactNode; question?: (id: string) => ReactNode };

type DivProps = ComponentProps<"div"> & { node?: unknown; "data-embed-kind"?: string; "data-embed-id"?: string };

function componentsFor(embeds: EmbedRenderers | undefined): Options["components"] {
  if (!embeds?.chart && !embeds?.question) return { a: Anchor };
  return {
    a: Anchor,
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
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
