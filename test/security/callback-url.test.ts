// Attack replay: /sign-in?callbackUrl=/Ā answered 500 (a non-ASCII Location header); the path is now encoded, never a 500.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/safe-redirect";

const HOSTILE = ["/Ā", "/\u{1F600}", "/notes/\u2028x", "/a\u00ff", "/%zz", "/?q=Ā#Ā", "/\u0100/../x", "/\uD800", "//Ā.example", "/\\Ā"];

describe("callbackUrl with characters a header cannot carry", () => {
  it.each(HOSTILE)("%j becomes a local path a redirect's Location header accepts", (value) => {
    const path = safeCallbackPath(value);
    expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
    expect(() => new Response(null, { status: 303, headers: { location: path } })).not.toThrow();
    expect(new URL(path, "http://127.0.0.1").origin).toBe("http://127.0.0.1");
  });

  it("keeps the visitor's page, encoded", () => {
    expect(safeCallbackPath("/Ā")).toBe("/%C4%80");
  });
});
