import { describe, expect, it } from "vitest";
import { EXCERPT_MAX, excerptAround, MENTION_PATTERN, mentionMarkdown, mentionsIn } from "./mentions";

describe("mentions", () => {
  it("finds each person mentioned once, with the name first written", () => {
    const text = "Ask @[Ana Ruiz](mention:ana123) and @[Ben](mention:ben456); @[Ana R.](mention:ana123) knows.";
    expect(mentionsIn(text)).toEqual([
      { userId: "ana123", name: "Ana Ruiz" },
      { userId: "ben456", name: "Ben" },
    ]);
    expect([...text.matchAll(MENTION_PATTERN)]).toHaveLength(3);
  });

  it("ignores what only looks like a mention", () => {
    expect(mentionsIn("mail me @ home, see [Ana](https://x.org) or @[Ana](mention:) or @[](mention:abc)")).toEqual([]);
  });

  it("writes a mention that reads back as the same person, whatever the name holds", () => {
    const md = mentionMarkdown({ id: "u1", name: "Ana [the] Ruiz\nJr" });
    expect(md).toBe("@[Ana the Ruiz Jr](mention:u1)");
    expect(mentionsIn(`hi ${md}`)).toEqual([{ userId: "u1", name: "Ana the Ruiz Jr" }]);
    expect(mentionsIn(mentionMarkdown({ id: "u2", name: "  " }))).toEqual([{ userId: "u2", name: "someone" }]);
  });

  it("gives one short plain line around a mention", () => {
    const text = "## Rates\n\n**Small caps** led: what do you think, @[Ana Ruiz](mention:ana123)? See [the chart](https://x.org).\n\nNext paragraph.";
    const at = text.indexOf("@[");
    expect(excerptAround(text, at)).toBe("Small caps led: what do you think, @Ana Ruiz? See the chart.");
  });

  it("keeps a long excerpt within 140 characters, on one line, with the mention in it", () => {
    const long = `${"word ".repeat(80)}@[Ana Ruiz](mention:ana123) please check\nthe ${"figure ".repeat(60)}`;
    const excerpt = excerptAround(long, long.indexOf("@["));
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
    expect(excerpt).toContain("@Ana Ruiz please check the figure");
    expect(excerpt).not.toContain("\n");
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
    for (const i of [0, 3, long.length, long.length + 10, -5]) expect(excerptAround(long, i).length).toBeLessThanOrEqual(EXCERPT_MAX);
  });
});
