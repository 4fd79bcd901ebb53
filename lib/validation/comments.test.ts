import { describe, expect, it } from "vitest";
import { createCommentInput, editCommentInput } from "./comments";

describe("comment input", () => {
  it("takes a comment of up to 10,000 characters after trimming, and says what to do with a longer one", () => {
    expect(editCommentInput.parse({ id: "c1", body: `  ${"x".repeat(10_000)}  ` }).body).toHaveLength(10_000);
    const long = editCommentInput.safeParse({ id: "c1", body: "x".repeat(10_001) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("A comment can be at most 10,000 characters; split it or link a note.");
    expect(editCommentInput.safeParse({ id: "c1", body: "   " }).error?.issues[0]?.message).toBe("Write something before sending the comment.");
  });

  it("knows the targets and the shape of a quoted passage", () => {
    expect(createCommentInput.safeParse({ targetType: "series", targetId: "a", body: "x" }).error?.issues[0]?.message).toBe("Comments go on a note, a question or a forecast.");
    expect(createCommentInput.safeParse({ targetType: "note", targetId: "a", body: "x", anchor: { quote: "" } }).success).toBe(false);
    expect(createCommentInput.safeParse({ targetType: "note", targetId: "a", body: "x", anchor: { quote: "q".repeat(2001) } }).success).toBe(false);
    expect(createCommentInput.safeParse({ targetType: "note", targetId: "a", body: "x", anchor: { quote: "led", prefix: "Small caps ", start: 11 } }).success).toBe(true);
  });
});
