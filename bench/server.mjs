// Starts Quire for a benchmark (build if needed, fresh data directory) and always stops it, also on error or Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

function portAnswers(port, host) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

function tail(file, lines = 40) {
  if (!fs.existsSync(file)) return "(no server log)";
  return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/** Restricts a process (and its threads) to the first two CPUs when the machine has more. */
export function pinToTwoCores(pid) {
  if (os.cpus().length <= 2) return false;
  return spawnSync("taskset", ["-a", "-cp", "0,1", String(pid)], { stdio: "ignore" }).status === 0;
}

/**
 * Spawns `node scripts/start.mjs` (which builds when the sources changed) on a fresh data directory and
 * waits until health.ping answers. Returns { baseURL, stop, logFile }; stop() kills the whole process group.
 * With `serveBuild`, spawns `node server.mjs` instead: it serves the build a first startQuire made, without checking
 * it (a second server on the same DATABASE_URL).
 */
export async function startQuire({ port, host = "127.0.0.1", timeoutMs = 300_000, serveBuild = false }) {
  if (await portAnswers(port, host)) throw new Error(`Port ${port} is already in use: stop what runs there or set BENCH_PORT.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bench-"));
  const logFile = path.join(dataDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: host,
    QUIRE_DATA_DIR: dataDir,
    QUIRE_LOG_LEVEL: process.env.QUIRE_LOG_LEVEL ?? "warn",
    QUIRE_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // scripts/start.mjs sets this before it loads server.mjs; run directly, server.mjs needs it set.
    ...(serveBuild ? { NODE_ENV: "production" } : {}),
  };
  delete env.QUIRE_TRUST_PROXY;
  // BENCH_NODE_ARGS: extra node flags for the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const script = serveBuild ? path.join(root, "server.mjs") : path.join(root, "scripts", "start.mjs");
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  let exited = null;
  const exitedPromise = new Promise((resolve) => child.on("exit", (code, signal) => resolve((exited = { code, signal }))));

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.on("exit", onExit);

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      killGroup("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
      await exitedPromise;
      clearTimeout(timer);
      killGroup("SIGKILL");
    }
    process.off("exit", onExit);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const baseURL = `http://${host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`The server exited (${exited.signal ?? `code ${exited.code}`}) before it was ready.`);
      if (Date.now() > deadline) throw new Error(`The server was not ready within ${timeoutMs / 1000} s.`);
      const ok = await fetch(`${baseURL}/api/trpc/health.ping`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (error) {
    const log = tail(logFile);
    await stop();
    throw new Error(`${error.message}\n--- server log (last lines) ---\n${log}`);
  }
  pinToTwoCores(child.pid);
  return { baseURL, dataDir, pid: child.pid, stop, logTail: () => tail(logFile), isRunning: () => !exited };
}
