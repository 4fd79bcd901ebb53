// Local drafts: stored per note, read defensively, offered back only when they differ from the server.
import { describe, expect, it } from "vitest";
import { clearAllDrafts, clearDraft, draftDiffers, draftKey, readDraft, writeDraft, type LocalDraft } from "./local-draft";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const draft: LocalDraft = { noteId: "n1", title: "T", body: "text", baseVersion: 3, baseBody: "tex", savedAt: 1 };

describe("local drafts", () => {
  it("round-trips a draft under one key per note", () => {
    const storage = memoryStorage();
    expect(writeDraft(storage, draft)).toBe(true);
    expect([...storage.map.keys()]).toEqual([draftKey("n1")]);
    expect(readDraft(storage, "n1")).toEqual(draft);
    expect(readDraft(storage, "n2")).toBeNull();
    clearDraft(storage, "n1");
    expect(readDraft(storage, "n1")).toBeNull();
  });

  it("ignores unreadable or foreign entries", () => {
    const storage = memoryStorage();
    storage.setItem(draftKey("n1"), "{not json");
    expect(readDraft(storage, "n1")).toBeNull();
    storage.setItem(draftKey("n1"), JSON.stringify({ ...draft, noteId: "other" }));
    expect(readDraft(storage, "n1")).toBeNull();
    storage.setItem(draftKey("n1"), JSON.stringify({ ...draft, baseVersion: "3" }));
    expect(readDraft(storage, "n1")).toBeNull();
    expect(readDraft(null, "n1")).toBeNull();
  });

  it("reports a full or missing storage instead of throwing", () => {
    const full = { setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => { throw new Error("denied"); } };
    expect(writeDraft(full, draft)).toBe(false);
    expect(() => clearDraft(full, "n1")).not.toThrow();
    expect(writeDraft(undefined, draft)).toBe(false);
  });

  it("differs when the body or a non-blank title differs", () => {
    expect(draftDiffers({ title: "T", body: "a" }, { title: "T", body: "a" })).toBe(false);
    expect(draftDiffers({ title: "T ", body: "a" }, { title: "T", body: "a" })).toBe(false);
    expect(draftDiffers({ title: "", body: "a" }, { title: "T", body: "a" })).toBe(false);
    expect(draftDiffers({ title: "U", body: "a" }, { title: "T", body: "a" })).toBe(true);
    expect(draftDiffers({ title: "T", body: "b" }, { title: "T", body: "a" })).toBe(true);
  });
});

describe("clearAllDrafts", () => {
  it("removes every note draft and nothing else", () => {
    const data = new Map<string, string>([
      ["quire:note-draft:a", "{}"],
      ["quire:note-draft:b", "{}"],
      ["quire-theme", "dark"],
    ]);
    const storage = {
      get length() {
        return data.size;
      },
      key: (i: number) => [...data.keys()][i] ?? null,
      removeItem: (k: string) => void data.delete(k),
    };
    expect(clearAllDrafts(storage)).toBe(2);
    expect([...data.keys()]).toEqual(["quire-theme"]);
  });
});
