// Remark plugin: a mention, `@[Display Name](mention:USER_ID)`, becomes a styled `@Name` span (not a link), in the app, comments, share pages and exports alike.
import type { Node, Parent } from "unist";
import { visit } from "unist-util-visit";

type MdNode = Node & { value?: string; url?: string; children?: MdNode[]; data?: Record<string, unknown> };

const MENTION_URL = /^mention:[A-Za-z0-9_-]{1,64}$/;

function textOf(node: MdNode): string {
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map(textOf).join("");
}

/**
 * A link to `mention:ID` right after an `@` is a mention: the `@` and the link become one span whose text is `@Name`.
 * The user's id is not carried into the HTML. Any other `mention:` link is left alone (the sanitizer drops its href).
 */
export function remarkMentions() {
  return (tree: Node) => {
    visit(tree, "link", (node: MdNode, index: number | undefined, parent: Parent | undefined) => {
      if (!parent || index === undefined || index === 0 || !MENTION_URL.test(node.url ?? "")) return;
      const before = parent.children[index - 1] as MdNode;
      if (before.type !== "text" || !before.value?.endsWith("@")) return;
      const name = textOf(node).replace(/\s+/g, " ").trim();
      if (!name) return;
      before.value = before.value.slice(0, -1);
      const mention: MdNode = {
        type: "mention",
        data: { hName: "span", hProperties: { className: ["mention"] }, hChildren: [{ type: "text", value: `@${name}` }] },
      };
      parent.children[index] = mention;
    });
  };
}
