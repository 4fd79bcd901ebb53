// Durability: concurrent autosaves, the server killed with SIGKILL mid-flight, restarted; every acknowledged save is there.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { registerAccount, signIn, trpcMutation, trpcQuery } from "./helpers/http";

const PORT = 3190;
const baseURL = `http://127.0.0.1:${PORT}`;
const WRITERS = 20;

function startServer(dataDir: string): ChildProcess {
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      QUIRE_DATA_DIR: dataDir,
      QUIRE_DEMO: "0",
      QUIRE_LOG_LEVEL: "warn",
      AUTH_SECRET: "durability-test-secret-0123456789abcdef",
    },
    stdio: "ignore",
  });
  return child;
}

/** Resolves when the process has exited, sending SIGKILL if it has not within `ms`. */
async function stopped(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await fetch(`${baseURL}/api/trpc/health.ping`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not come up within 60 s");
}

test("every acknowledged save survives a SIGKILL of the server, and the database stays intact", async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-durability-"));
  let server = startServer(dataDir);
  try {
    await waitForHealth();
    const account = await registerAccount(baseURL, "durable");
    const { cookie } = await signIn(baseURL, account.email, account.password);
    const notebook = await trpcMutation(baseURL, "notebooks.create", { name: "Durability" }, { cookie });
    const notebookId = (notebook.data as { id: string }).id;
    const notes: string[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const created = await trpcMutation(baseURL, "notes.create", { notebookId, title: `Writer ${i}` }, { cookie });
      notes.push((created.data as { id: string }).id);
    }

    const acknowledged = new Map<string, { version: number; body: string }>();
    let killed = false;
    const writer = async (noteId: string, index: number) => {
      let version = 1;
      for (let n = 1; !killed; n++) {
        const body = `Writer ${index}, save ${n}: ${"small caps over large caps. ".repeat(1 + (n % 7))}`;
        const reply = await trpcMutation(baseURL, "notes.update", { id: noteId, baseVersion: version, body }, { cookie }).catch(() => null);
        if (!reply || reply.status !== 200) return;
        version = (reply.data as { version: number }).version;
        acknowledged.set(noteId, { version, body });
      }
    };
    const writers = notes.map((id, i) => writer(id, i));
    await new Promise((r) => setTimeout(r, 1_500));
    killed = true;
    server.kill("SIGKILL");
    await stopped(server, 5_000);
    await Promise.all(writers);
    expect(acknowledged.size).toBe(WRITERS);

    server = startServer(dataDir);
    await waitForHealth();
    for (const [noteId, acked] of acknowledged) {
      const reply = await trpcQuery(baseURL, "notes.get", { id: noteId }, { cookie });
      expect(reply.status).toBe(200);
      const note = reply.data as { version: number; body: string };
      expect(note.version).toBeGreaterThanOrEqual(acked.version);
      if (note.version === acked.version) expect(note.body).toBe(acked.body);
    }
    server.kill("SIGTERM");
    await stopped(server, 10_000);

    const db = new Database(path.join(dataDir, "quire.db"));
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
