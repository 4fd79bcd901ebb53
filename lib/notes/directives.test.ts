// findEmbeds reads chart and question embeds exactly where remark-directive (the renderer's parser) sees them.
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { embedDirective, findEmbedLines, findEmbeds, type Embed } from "./directives";

type Node = { type: string; name?: string; attributes?: Record<string, string | null | undefined>; children?: Node[] };

/** The chart and question leaf directives remark-directive finds, first appearance only. */
function remarkEmbeds(markdown: string): Embed[] {
  const found: Embed[] = [];
  const walk = (node: Node) => {
    const id = node.attributes?.id?.trim();
    if (node.type === "leafDirective" && (node.name === "chart" || node.name === "question") && id && id.length <= 64) {
      if (!found.some((e) => e.kind === node.name && e.id === id)) found.push({ kind: node.name, id });
    }
    node.children?.forEach(walk);
  };
  walk(unified().use(remarkParse).use(remarkDirective).parse(markdown) as Node);
  return found;
}

const c = (id: string): Embed => ({ kind: "chart", id });
const q = (id: string): Embed => ({ kind: "question", id });

const CASES: Array<[string, string, Embed[]]> = [
  ["a chart and a question", "Intro\n\n::chart{id=abc}\n\nMore\n\n::question{id=q1}\n", [c("abc"), q("q1")]],
  ["repeats once, in order", "::question{id=q1}\n::chart{id=a}\n::chart{id=a}\n::question{id=q1}", [q("q1"), c("a")]],
  ["same id, two kinds", "::chart{id=x}\n::question{id=x}", [c("x"), q("x")]],
  ["quoted values", "::chart{id=\"dq\"}\n::chart{id='sq'}", [c("dq"), c("sq")]],
  ["#id shorthand", "::chart{#short}", [c("short")]],
  ["the last id wins", "::chart{id=first id=second}\n::chart{id=b #a}", [c("second"), c("a")]],
  ["other attributes around", "::chart{.wide id=x1 height=300}\n::chart{ id=x2 }", [c("x1"), c("x2")]],
  ["id=… inside another attribute's value", "::chart{title=\"my id=x\"}", []],
  ["a label", "::chart[Small caps vs large]{id=lab}\n::chart[a [b] c]{id=nested}", [c("lab"), c("nested")]],
  ["up to three spaces of indent", "   ::chart{id=three}\n    ::chart{id=four}\n\t::chart{id=tab}", [c("three")]],
  ["interrupting a paragraph", "Some text\n::chart{id=interrupt}", [c("interrupt")]],
  ["trailing whitespace, CRLF", "::chart{id=a}\t\r\n::question{id=b}  \r\n", [c("a"), q("b")]],
  ["not inline, not with trailing text", "text ::chart{id=inline}\n::chart{id=t} trailing", []],
  ["text and container directives", ":chart{id=t}\n:::chart{id=box}\n:::", []],
  ["other names, wrong case", "::video{id=v}\n::Chart{id=C}\n::charts{id=s}", []],
  ["no id, empty id", "::chart\n::chart{}\n::chart{id=}\n::chart{id=\"\"}", []],
  ["an id longer than 64", `::chart{id=${"x".repeat(65)}}\n::chart{id=${"y".repeat(64)}}`, [c("y".repeat(64))]],
  ["backtick fence", "```\n::chart{id=in}\n```\n::chart{id=out}", [c("out")]],
  ["tilde fence with info", "~~~ md\n::chart{id=in}\n~~~\n::chart{id=out}", [c("out")]],
  ["a longer fence holds a shorter one", "````\n```\n::chart{id=in}\n```\n````\n::chart{id=out}", [c("out")]],
  ["the closing fence must match", "```\n::chart{id=a}\n~~~\n::chart{id=b}\n```\n::chart{id=out}", [c("out")]],
  ["a longer closing fence closes", "```\n::chart{id=a}\n````  \n::chart{id=out}", [c("out")]],
  ["an unclosed fence runs to the end", "Text\n\n```\n::chart{id=a}\n\n::question{id=b}", []],
  ["an indented fence", "  ```js\n::chart{id=a}\n  ```\n::chart{id=out}", [c("out")]],
  ["a closing fence indented four is content", "```\n::chart{id=a}\n    ```\n::chart{id=b}\n```\n::chart{id=out}", [c("out")]],
  ["a backtick info string with a backtick is no fence", "``` `x`\n::chart{id=para}", [c("para")]],
  ["a fence after text and a list", "- item\n\n  ```\n  ::chart{id=a}\n  ```\n\n::chart{id=out}", [c("out")]],
];

describe("findEmbeds", () => {
  it.each(CASES)("%s", (_name, markdown, expected) => {
    expect(findEmbeds(markdown)).toEqual(expected);
  });

  it.each(CASES)("agrees with remark-directive: %s", (_name, markdown) => {
    expect(findEmbeds(markdown)).toEqual(remarkEmbeds(markdown));
  });

  it("finds nothing in an empty or plain body", () => {
    expect(findEmbeds("")).toEqual([]);
    expect(findEmbeds("# Rates\n\nTwo cuts priced for 2026; `::chart{id=x}` in code span.")).toEqual([]);
  });

  it.each([
    ["a label of ]{ pairs", `::chart[${"]{".repeat(100_000)}`],
    ["nested label brackets", `::chart[${"[a]".repeat(60_000)}`],
    ["unclosed quotes", `::chart{id=${"\"'".repeat(100_000)}`],
    ["many fences", "```\n~~~~\n".repeat(20_000)],
    ["fence openers that never close", "```x\n".repeat(40_000)],
  ])("stays linear on a pathological body (%s)", (_name, body) => {
    const started = performance.now();
    findEmbeds(body);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("reads a long note with many embeds quickly", () => {
    const body = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} about small caps.\n\n::chart{id=c${i % 300}}\n`).join("\n");
    const started = performance.now();
    const embeds = findEmbeds(body);
    expect(performance.now() - started).toBeLessThan(200);
    expect(embeds).toHaveLength(300);
    expect(embeds[0]).toEqual(c("c0"));
  });
});

describe("embedDirective", () => {
  it("writes a directive that findEmbeds and remark read back", () => {
    for (const embed of [c("abc123"), q("q9z8y7x6w5v4u3t2")]) {
      const text = `Before\n\n${embedDirective(embed)}\n\nAfter`;
      expect(embedDirective(embed)).toBe(`::${embed.kind}{id=${embed.id}}`);
      expect(findEmbeds(text)).toEqual([embed]);
      expect(remarkEmbeds(text)).toEqual([embed]);
    }
  });
});

describe("findEmbedLines", () => {
  it("gives each embed line with its index, repeats included, and skips fenced code", () => {
    const lines = ["# Title", "::chart{id=rut-spx}", "```", "::chart{id=hidden}", "```", "text", '::question{id="cuts-2026"}', "::chart{id=rut-spx}"];
    expect(findEmbedLines(lines)).toEqual([
      { kind: "chart", id: "rut-spx", line: 1 },
      { kind: "question", id: "cuts-2026", line: 6 },
      { kind: "chart", id: "rut-spx", line: 7 },
    ]);
  });
});
