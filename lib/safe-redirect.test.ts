// safeCallbackPath: local paths only, and always a value a Location header can carry.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a plain local path, with its query and fragment", () => {
    expect(safeCallbackPath("/notes/abc?asOf=2026-01-02#top")).toBe("/notes/abc?asOf=2026-01-02#top");
  });

  it.each([undefined, null, 42, "", "https://evil.example/", "//evil.example", "/\\evil.example", "notes", "/a\nb", "/a\\b", "x".repeat(2001)])(
    "sends %j to the notebooks page",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/notebooks");
    },
  );

  it("percent-encodes non-ASCII, so the path fits in a header", () => {
    expect(safeCallbackPath("/Ā")).toBe("/%C4%80");
    expect(safeCallbackPath("/notes/café?q=naïve")).toBe("/notes/caf%C3%A9?q=na%C3%AFve");
    expect(safeCallbackPath("/a b")).toBe("/a%20b");
  });
});
