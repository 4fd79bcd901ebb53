// Notebook input rules: ids, names, roles and member inputs, with the messages the forms show.
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { addMemberInput, createNotebookInput, idSchema, notebookName, removeNotebookInput, roleSchema } from "./notebooks";

const messageOf = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? null : r.error!.issues[0]!.message);

describe("idSchema", () => {
  it("accepts generated ids", () => {
    for (let i = 0; i < 20; i++) expect(idSchema.safeParse(newId()).success).toBe(true);
  });

  it.each([
    ["", "An id is required."],
    ["ABC", "That id is not valid."],
    ["abc-def", "That id is not valid."],
    ["../etc", "That id is not valid."],
    ["a".repeat(65), "That id is too long."],
    [42, "An id must be text."],
    [undefined, "An id is required."],
  ])("refuses %j", (value, message) => {
    expect(messageOf(idSchema.safeParse(value))).toBe(message);
  });
});

describe("notebookName", () => {
  it("trims", () => {
    expect(notebookName.parse("  Rates  ")).toBe("Rates");
  });

  it.each([
    ["", "Give the notebook a name."],
    ["    ", "Give the notebook a name."],
    ["n".repeat(121), "Use at most 120 characters for the name."],
    [null, "Give the notebook a name."],
  ])("refuses %j", (value, message) => {
    expect(messageOf(notebookName.safeParse(value))).toBe(message);
  });
});

describe("inputs", () => {
  it("createNotebookInput defaults the description and limits it to 500 characters", () => {
    expect(createNotebookInput.parse({ name: "A" })).toEqual({ name: "A", description: "" });
    expect(messageOf(createNotebookInput.safeParse({ name: "A", description: "d".repeat(501) }))).toBe(
      "Use at most 500 characters for the description.",
    );
  });

  it("roleSchema allows exactly owner, editor and viewer", () => {
    expect(["owner", "editor", "viewer"].map((r) => roleSchema.safeParse(r).success)).toEqual([true, true, true]);
    expect(messageOf(roleSchema.safeParse("admin"))).toBe("Choose owner, editor or viewer.");
    expect(roleSchema.safeParse("Owner").success).toBe(false);
  });

  it("addMemberInput normalises the email", () => {
    expect(addMemberInput.parse({ notebookId: "abc123", email: " Bob@Example.com ", role: "viewer" }).email).toBe("bob@example.com");
  });

  it("removeNotebookInput limits the confirmation", () => {
    expect(removeNotebookInput.safeParse({ id: "abc", confirmName: "x".repeat(121) }).success).toBe(false);
  });
});
