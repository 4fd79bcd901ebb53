// Renders a note's Markdown: GFM, chart and question embeds as cards, sanitized; external links open safely in a new tab.
import type { ComponentProps } from "react";
import ReactMarkdown, { type Options } from "react-markdown";
import remarkDirective from "remark-directive";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { ChartEmbed } from "@/components/charts/chart-embed";
import { remarkEmbeds } from "@/lib/notes/remark-embeds";

/**
 * The default (GitHub-like) schema, plus the classes and data attributes of embed cards. Ids are not
 * prefixed again: Markdown only makes ids for footnotes, and remark-rehype already prefixes those.
 */
export const noteSanitizeSchema = {
  ...defaultSchema,
  clobber: ["name"],
  attributes: {
    ...defaultSchema.attributes,
    div: [
      ...(defaultSchema.attributes?.div ?? []),
      ["className", "embed-card", "embed-chart", "embed-question"],
      ["dataEmbedKind", "chart", "question"],
      "dataEmbedId",
    ],
    span: [...(defaultSchema.attributes?.span ?? []), ["className", "embed-card-title", "embed-card-note"]],
  },
} satisfies NonNullable<Parameters<typeof rehypeSanitize>[0]>;

const remarkPlugins: Options["remarkPlugins"] = [remarkGfm, remarkDirective, remarkEmbeds];
const rehypePlugins: Options["rehypePlugins"] = [[rehypeSanitize, noteSanitizeSchema]];

/** True for links that leave Quire (http, https, or protocol-relative). */
export function isExternalHref(href: string | undefined): boolean {
  return typeof href === "string" && /^(https?:)?\/\//i.test(href.trim());
}

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

/** Embed cards become live embeds where one exists (charts); anything else renders as the sanitized div. */
function Block({ node: _node, ...props }: ComponentProps<"div"> & { node?: unknown; "data-embed-kind"?: string; "data-embed-id"?: string }) {
  if (props["data-embed-kind"] === "chart" && props["data-embed-id"]) return <ChartEmbed id={props["data-embed-id"]} />;
  return <div {...props} />;
}

const components: Options["components"] = { a: Anchor, div: Block };

export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className ? `prose ${className}` : "prose"}>
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
