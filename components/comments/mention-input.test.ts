// The comment box's `@`: finding the mention being typed, matching members, inserting the Markdown.
import { describe, expect, it } from "vitest";
import { activeMention, filterMembers, insertMention } from "./mention-input";

const members = [
  { id: "u1", name: "Ada Lovelace" },
  { id: "u2", name: "Bob Adams" },
  { id: "u3", name: "Carla Madsen" },
];

describe("activeMention", () => {
  it("finds @query at the caret after a space, at the start, or after a bracket", () => {
    expect(activeMention("Hi @Ad", 6)).toEqual({ start: 3, end: 6, query: "Ad" });
    expect(activeMention("@", 1)).toEqual({ start: 0, end: 1, query: "" });
    expect(activeMention("(@bo", 4)).toEqual({ start: 1, end: 4, query: "bo" });
    expect(activeMention("Hi @Ada Lo", 10)?.query).toBe("Ada Lo");
  });

  it("is not a mention inside an email, after a newline, across brackets or two spaces", () => {
    expect(activeMention("ada@example.com", 15)).toBeNull();
    expect(activeMention("@ada\nmore", 9)).toBeNull();
    expect(activeMention("@[Ada](mention:u1) ok", 21)).toBeNull();
    expect(activeMention("@ada  x", 7)).toBeNull();
    expect(activeMention("@ leading", 9)).toBeNull();
    expect(activeMention(`@${"x".repeat(41)}`, 42)).toBeNull();
  });

  it("only looks before the caret", () => {
    expect(activeMention("@Ad and more", 3)).toEqual({ start: 0, end: 3, query: "Ad" });
  });
});

describe("filterMembers", () => {
  it("ranks a name's start, then a word's start, then anywhere", () => {
    expect(filterMembers(members, "ad").map((m) => m.id)).toEqual(["u1", "u2", "u3"]);
    expect(filterMembers(members, "Adams").map((m) => m.id)).toEqual(["u2"]);
    expect(filterMembers(members, "ma").map((m) => m.id)).toEqual(["u3"]);
    expect(filterMembers(members, "").map((m) => m.id)).toEqual(["u1", "u2", "u3"]);
    expect(filterMembers(members, "zz")).toEqual([]);
    expect(filterMembers(members, "", 2)).toHaveLength(2);
  });
});

describe("insertMention", () => {
  it("replaces the typed query with the Markdown and a space, caret after", () => {
    const text = "Ask @Ad about it";
    const result = insertMention(text, { start: 4, end: 7, query: "Ad" }, "@[Ada Lovelace](mention:u1)");
    expect(result.text).toBe("Ask @[Ada Lovelace](mention:u1) about it");
    expect(result.caret).toBe(4 + "@[Ada Lovelace](mention:u1)".length + 1);
    const end = insertMention("Hi @A", { start: 3, end: 5, query: "A" }, "@[Ada](mention:u1)");
    expect(end).toEqual({ text: "Hi @[Ada](mention:u1) ", caret: 22 });
  });
});
