// Remark plugin (after remark-directive): ::chart{id=…} and ::question{id=…} become embed cards, :value{…} a live figure's place; any other directive is put back as its source text.
import type { Data, Node } from "unist";
import { figureKey, figureSpecOf } from "@/lib/figures/spec";

export const EMBED_KINDS = ["chart", "question"] as const;
export type EmbedCardKind = (typeof EMBED_KINDS)[number];

const EMBED_ID_MAX = 64;

const PLACEHOLDER_NOTES: Record<EmbedCardKind, { label: string; note: string }> = {
  chart: { label: "Chart", note: "a live chart: open the note in Quire to see it" },
  question: { label: "Question", note: "a tracked question: open the note in Quire to see it and forecast" },
};

type Position = { start: { offset?: number }; end: { offset?: number } };
type MdNode = Node & {
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: MdNode[];
  value?: string;
  position?: Position;
  data?: Data & Record<string, unknown>;
};

const DIRECTIVE_TYPES = new Set(["containerDirective", "leafDirective", "textDirective"]);

/** The id an embed directive names, when it is a usable one. */
export function embedIdOf(attributes: MdNode["attributes"]): string | null {
  const id = (attributes?.id ?? "").trim();
  return id.length > 0 && id.length <= EMBED_ID_MAX ? id : null;
}

/** The placeholder text of an embed card, for example "Chart x — charts arrive with the charts release". */
export function embedPlaceholder(kind: EmbedCardKind, id: string): { title: string; note: string } {
  const { label, note } = PLACEHOLDER_NOTES[kind];
  return { title: `${label} ${id}`, note };
}

function hText(value: string) {
  return { type: "text", value };
}

function hSpan(className: string, value: string) {
  return { type: "element", tagName: "span", properties: { className: [className] }, children: [hText(value)] };
}

function sourceOf(node: MdNode, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) return source.slice(start, end);
  const colons = node.type === "containerDirective" ? ":::" : node.type === "leafDirective" ? "::" : ":";
  return `${colons}${node.name ?? ""}`;
}

function embedCard(node: MdNode, kind: EmbedCardKind, id: string): MdNode {
  const { title, note } = embedPlaceholder(kind, id);
  return {
    type: "embedCard",
    position: node.position,
    data: {
      hName: "div",
      hProperties: { className: ["embed-card", `embed-${kind}`], dataEmbedKind: kind, dataEmbedId: id },
      hChildren: [hSpan("embed-card-title", title), hText(" — "), hSpan("embed-card-note", note)],
    },
  };
}

/**
 * A `:value{…}` figure: a span that names the figure by its key (`data-figure`), or says why it cannot be read
 * (`data-figure-error`); its text is the directive itself until a renderer puts the computed figure in its place.
 */
function figurePlace(node: MdNode, source: string): MdNode {
  const read = figureSpecOf(node.attributes);
  const hProperties = read.ok ? { className: ["figure"], dataFigure: figureKey(read.spec) } : { className: ["figure", "figure-error"], dataFigureError: read.reason };
  return { type: "figurePlace", position: node.position, data: { hName: "span", hProperties, hChildren: [hText(sourceOf(node, source))] } };
}

function asText(node: MdNode, source: string): MdNode[] {
  const text = sourceOf(node, source);
  if (node.type === "textDirective") return [{ type: "text", value: text }];
  if (node.type === "leafDirective") return [{ type: "paragraph", children: [{ type: "text", value: text }] }];
  const lines = text.split(/\r?\n/);
  const opening = lines[0] ?? "";
  const closing = lines.length > 1 && /^\s*:{3,}\s*$/.test(lines[lines.length - 1] ?? "") ? lines[lines.length - 1]!.trim() : null;
  const body = (node.children ?? []).filter((c) => !(c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel);
  return [
    { type: "paragraph", children: [{ type: "text", value: opening }] },
    ...transformChildren(body, source),
    ...(closing ? [{ type: "paragraph", children: [{ type: "text", value: closing }] }] : []),
  ];
}

function transformChildren(children: MdNode[], source: string): MdNode[] {
  return children.flatMap((child) => {
    if (DIRECTIVE_TYPES.has(child.type)) {
      const kind = EMBED_KINDS.find((k) => k === child.name);
      const id = embedIdOf(child.attributes);
      if (child.type === "leafDirective" && kind && id) return [embedCard(child, kind, id)];
      if (child.type === "textDirective" && child.name === "value") return [figurePlace(child, source)];
      return asText(child, source);
    }
    if (child.children) child.children = transformChildren(child.children, source);
    return [child];
  });
}

/** The plugin: use as `remarkPlugins={[remarkGfm, remarkDirective, remarkEmbeds]}`. */
export function remarkEmbeds() {
  return (tree: Node, file: { value?: unknown }) => {
    const source = typeof file.value === "string" ? file.value : String(file.value ?? "");
    const root = tree as unknown as { children: MdNode[] };
    root.children = transformChildren(root.children, source);
  };
}
