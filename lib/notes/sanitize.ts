// What survives sanitizing in a note's Markdown (the app, the export and the share page use the same rules).
import type rehypeSanitize from "rehype-sanitize";
import { defaultSchema } from "rehype-sanitize";

/**
 * The default (GitHub-like) schema, plus the classes and data attributes of embed cards, figures and mentions. Ids are not
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
    span: [...(defaultSchema.attributes?.span ?? []), ["className", "embed-card-title", "embed-card-note", "figure", "figure-error", "mention"], "dataFigure", "dataFigureError"],
  },
} satisfies NonNullable<Parameters<typeof rehypeSanitize>[0]>;

/** True for links that leave Quire (http, https, or protocol-relative). */
export function isExternalHref(href: string | undefined): boolean {
  return typeof href === "string" && /^(https?:)?\/\//i.test(href.trim());
}
