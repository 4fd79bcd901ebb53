// Autosaver: debouncing, one request at a time, base versions, conflicts, offline retries with backoff.
import { describe, expect, it } from "vitest";
import { Autosaver, BLANK_TITLE_MESSAGE, backoffDelay, saveRequest, type SaveOutcome, type SaveRequest, type Scheduler } from "./autosave";

function fakeScheduler() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    now: () => now,
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
      await settle();
    }
    now = until;
    await settle();
  };
  return { scheduler, advance, pending: () => timers.size };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeServer(version = 1) {
  const requests: SaveRequest[] = [];
  const answers: Array<(outcome: SaveOutcome) => void> = [];
  const save = (request: SaveRequest) => {
    requests.push(request);
    return new Promise<SaveOutcome>((resolve) => answers.push(resolve));
  };
  const answer = async (outcome?: SaveOutcome) => {
    version += 1;
    answers.shift()!(outcome ?? { kind: "saved", version, updatedAt: new Date(version * 1000) });
    await settle();
  };
  return { save, requests, answer, inFlight: () => answers.length };
}

function setup(debounceMs = 800) {
  const clock = fakeScheduler();
  const server = fakeServer();
  const saver = new Autosaver({ version: 1, text: { title: "T", body: "a" }, savedAt: new Date(0), save: server.save, debounceMs, scheduler: clock.scheduler });
  return { clock, server, saver };
}

describe("saveRequest", () => {
  it("sends only what changed, never a blank title", () => {
    expect(saveRequest(3, { title: "T", body: "a" }, { title: "T", body: "b" })).toEqual({ baseVersion: 3, body: "b" });
    expect(saveRequest(3, { title: "T", body: "a" }, { title: "U", body: "a" })).toEqual({ baseVersion: 3, title: "U" });
    expect(saveRequest(3, { title: "T", body: "a" }, { title: "  ", body: "a" })).toBeNull();
    expect(saveRequest(3, { title: "T", body: "a" }, { title: "T", body: "a" })).toBeNull();
  });
});

describe("backoffDelay", () => {
  it("grows and caps at 30 seconds", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 15000, 30000, 30000, 30000]);
  });
});

describe("Autosaver", () => {
  it("saves once after a pause in typing, on the base version", async () => {
    const { clock, server, saver } = setup();
    saver.edit({ title: "T", body: "ab" });
    await clock.advance(500);
    saver.edit({ title: "T", body: "abc" });
    await clock.advance(799);
    expect(server.requests).toHaveLength(0);
    expect(saver.snapshot().status.state).toBe("pending");
    await clock.advance(1);
    expect(server.requests).toEqual([{ baseVersion: 1, body: "abc" }]);
    expect(saver.snapshot().status.state).toBe("saving");
    await server.answer();
    expect(saver.snapshot()).toMatchObject({ baseVersion: 2, unsaved: false, status: { state: "saved" }, acked: { body: "abc" } });
  });

  it("keeps one request in flight and then sends the latest text on the new version", async () => {
    const { clock, server, saver } = setup(100);
    saver.edit({ title: "T", body: "1" });
    await clock.advance(100);
    saver.edit({ title: "T", body: "12" });
    await clock.advance(100);
    saver.edit({ title: "T", body: "123" });
    await clock.advance(100);
    expect(server.requests).toHaveLength(1);
    await server.answer();
    expect(server.requests).toEqual([
      { baseVersion: 1, body: "1" },
      { baseVersion: 2, body: "123" },
    ]);
    expect(saver.snapshot().unsaved).toBe(true);
    await server.answer();
    expect(saver.snapshot()).toMatchObject({ baseVersion: 3, unsaved: false, status: { state: "saved" } });
  });

  it("flush saves at once and resolves when the server confirms", async () => {
    const { server, saver } = setup();
    saver.edit({ title: "T2", body: "a" });
    const done = saver.flush();
    await settle();
    expect(server.requests).toEqual([{ baseVersion: 1, title: "T2" }]);
    let resolved = false;
    void done.then(() => (resolved = true));
    await settle();
    expect(resolved).toBe(false);
    await server.answer();
    expect(resolved).toBe(true);
  });

  it("holds a conflict until the user chooses, then saves their choice on the server's version", async () => {
    const { clock, server, saver } = setup(100);
    saver.edit({ title: "T", body: "mine" });
    await clock.advance(100);
    const current = { version: 5, title: "T", body: "theirs", updatedAt: new Date(5000), updatedByName: "Bo" };
    await server.answer({ kind: "conflict", current });
    expect(saver.snapshot().status).toEqual({ state: "conflict", current });
    saver.edit({ title: "T", body: "mine, more" });
    await clock.advance(5000);
    expect(server.requests).toHaveLength(1);
    saver.rebase(current, { title: "T", body: "mine, more" });
    await settle();
    expect(server.requests[1]).toEqual({ baseVersion: 5, body: "mine, more" });
    await server.answer({ kind: "saved", version: 6, updatedAt: new Date(6000) });
    expect(saver.snapshot()).toMatchObject({ baseVersion: 6, unsaved: false });
  });

  it("keeping theirs needs no request", async () => {
    const { clock, server, saver } = setup(100);
    saver.edit({ title: "T", body: "mine" });
    await clock.advance(100);
    const current = { version: 5, title: "T", body: "theirs", updatedAt: new Date(5000), updatedByName: null };
    await server.answer({ kind: "conflict", current });
    saver.rebase(current, { title: "T", body: "theirs" });
    await settle();
    expect(server.requests).toHaveLength(1);
    expect(saver.snapshot()).toMatchObject({ baseVersion: 5, unsaved: false, status: { state: "saved", at: new Date(5000) } });
  });

  it("retries with backoff while offline and keeps the text unsaved", async () => {
    const { clock, server, saver } = setup(100);
    saver.edit({ title: "T", body: "b" });
    await clock.advance(100);
    await server.answer({ kind: "offline" });
    expect(saver.snapshot()).toMatchObject({ unsaved: true, status: { state: "offline", attempts: 1 } });
    saver.edit({ title: "T", body: "bc" });
    await clock.advance(999);
    expect(server.requests).toHaveLength(1);
    await clock.advance(1);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]).toEqual({ baseVersion: 1, body: "bc" });
    await server.answer({ kind: "offline" });
    expect(saver.snapshot().status).toMatchObject({ state: "offline", attempts: 2 });
    await clock.advance(1999);
    expect(server.requests).toHaveLength(2);
    await clock.advance(1);
    await server.answer();
    expect(saver.snapshot()).toMatchObject({ unsaved: false, status: { state: "saved" } });
  });

  it("treats a thrown save as offline", async () => {
    const clock = fakeScheduler();
    const saver = new Autosaver({ version: 1, text: { title: "T", body: "" }, savedAt: new Date(0), save: () => Promise.reject(new Error("Failed to fetch")), scheduler: clock.scheduler, debounceMs: 10 });
    saver.edit({ title: "T", body: "x" });
    await clock.advance(10);
    expect(saver.snapshot().status).toMatchObject({ state: "offline", message: "Failed to fetch" });
  });

  it("stops on a rejected save until the next edit", async () => {
    const { clock, server, saver } = setup(100);
    saver.edit({ title: "T", body: "x" });
    await clock.advance(100);
    await server.answer({ kind: "rejected", message: "Too long" });
    expect(saver.snapshot().status).toEqual({ state: "error", message: "Too long" });
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(1);
    saver.edit({ title: "T", body: "y" });
    await clock.advance(100);
    expect(server.requests).toHaveLength(2);
  });

  it("does not send a blank title, and says so", async () => {
    const { clock, server, saver } = setup(100);
    saver.edit({ title: "", body: "a" });
    await clock.advance(100);
    expect(server.requests).toHaveLength(0);
    expect(saver.snapshot()).toMatchObject({ unsaved: true, status: { state: "error", message: BLANK_TITLE_MESSAGE } });
  });

  it("goes back to saved when an edit is undone before the save", async () => {
    const { clock, server, saver } = setup(100);
    saver.edit({ title: "T", body: "ab" });
    saver.edit({ title: "T", body: "a" });
    await clock.advance(500);
    expect(server.requests).toHaveLength(0);
    expect(saver.snapshot()).toMatchObject({ unsaved: false, status: { state: "saved" } });
  });

  it("reports every change", async () => {
    const clock = fakeScheduler();
    const states: string[] = [];
    const server = fakeServer();
    const saver = new Autosaver({ version: 1, text: { title: "T", body: "" }, savedAt: new Date(0), save: server.save, scheduler: clock.scheduler, debounceMs: 10, onChange: (s) => states.push(s.status.state) });
    saver.edit({ title: "T", body: "x" });
    await clock.advance(10);
    await server.answer();
    expect(states).toEqual(["pending", "saving", "saved"]);
  });

  it("sends unsaved text once when closed, without retrying", async () => {
    const { clock, server, saver } = setup(800);
    saver.edit({ title: "T", body: "last words" });
    saver.close();
    await settle();
    expect(server.requests).toEqual([{ baseVersion: 1, body: "last words" }]);
    await server.answer({ kind: "offline" });
    await clock.advance(120_000);
    expect(server.requests).toHaveLength(1);
    expect(saver.snapshot()).toMatchObject({ unsaved: true, status: { state: "offline" } });
  });
});
