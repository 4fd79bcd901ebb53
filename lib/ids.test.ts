// Ids: 16 lower-case base-36 characters, random enough never to repeat in practice.
import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("is 16 characters of 0-9 and a-z", () => {
    for (let i = 0; i < 100; i++) expect(newId()).toMatch(/^[0-9a-z]{16}$/);
  });

  it("does not repeat over many draws and uses the whole alphabet", () => {
    const ids = Array.from({ length: 5000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.join("")).size).toBe(36);
  });
});
