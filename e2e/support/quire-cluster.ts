// Multi-server e2e support: Quire servers as child processes (`node server.mjs` on one PostgreSQL database), and a round-robin proxy in front of them.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type QuireServer = {
  name: string;
  url: string;
  port: number;
  /** Where the server's stdout and stderr go. */
  logFile: string;
  child: ChildProcess;
  /** True once the process has exited (killed or crashed). */
  exited(): boolean;
  /** SIGKILL, resolving once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** The last `chars` characters of the server's log. */
  log(chars?: number): string;
};

/** A TCP port nothing listens on right now (the OS picks it; a tiny race with other processes is acceptable in tests). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function gone(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function whenExited(child: ChildProcess): Promise<void> {
  return gone(child) ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts `node server.mjs` from the repository root (the production build in .next and its edge bundle, which the main
 * webServer's `npm start` made) on `port`, against `databaseUrl`. The environment is this process's without
 * AUTH_SECRET (the servers must share the one kept in the database) and with `env` on top.
 */
export function startQuire(name: string, opts: { port: number; databaseUrl: string; logDir: string; env?: Record<string, string> }): QuireServer {
  const logFile = path.join(opts.logDir, `server-${name}.log`);
  const out = fs.openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["AUTH_SECRET", "DATABASE_URL", "QUIRE_DATA_DIR", "PORT", "HOST", "QUIRE_TRUST_PROXY"]) delete env[key];
  // Its own data directory, empty: a PostgreSQL server keeps nothing there that another server needs.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `quire-multi-${name}-`));
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: process.cwd(),
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      DATABASE_URL: opts.databaseUrl,
      QUIRE_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      ...opts.env,
    },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  child.once("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${opts.port}`;
  return {
    name,
    url,
    port: opts.port,
    logFile,
    child,
    exited: () => gone(child),
    async kill() {
      if (!gone(child)) child.kill("SIGKILL");
      await whenExited(child);
    },
    async stop(graceMs = 10_000) {
      if (gone(child)) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await whenExited(child);
      clearTimeout(timer);
    },
    log(chars = 4_000) {
      try {
        return fs.readFileSync(logFile, "utf8").slice(-chars);
      } catch {
        return "(no log)";
      }
    },
  };
}

/** Resolves when `GET /api/health` answers 200; throws (with the server's log) when it exits first or `timeoutMs` passes. */
export async function waitForHealth(server: QuireServer, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error(`server ${server.name} exited (${server.child.exitCode ?? server.child.signalCode}) before it was healthy. Its log:\n${server.log()}`);
    try {
      const reply = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(3_000) });
      last = `${reply.status} ${await reply.text()}`;
      if (reply.status === 200) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server ${server.name} was not healthy within ${timeoutMs / 1000} s (last: ${last}). Its log:\n${server.log()}`);
}

/** One forwarded request; `status` is the upstream's, 502 when it did not answer, 499 when the client left first. */
export type ProxiedRequest = { upstream: string; method: string; path: string; status: number };

export type RoundRobinProxy = {
  url: string;
  /** Every request forwarded, in order, with the upstream that served it. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
};

/** Headers that describe one connection, not the message: never forwarded. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "proxy-authenticate", "proxy-authorization"]);

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())));
}

/**
 * A load balancer in a few lines: each request (not each connection) goes to the next upstream in turn, with the
 * client's address appended to X-Forwarded-For and the Host it asked for kept (and repeated in X-Forwarded-Host);
 * responses stream back (server-sent events too) with `x-quire-upstream` naming the server that answered.
 */
export async function startRoundRobinProxy(port: number, upstreams: Array<{ name: string; url: string }>): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const requests: ProxiedRequest[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const upstream = upstreams[next++ % upstreams.length]!;
    const target = new URL(upstream.url);
    const entry: ProxiedRequest = { upstream: upstream.name, method: req.method ?? "GET", path: req.url ?? "/", status: 0 };
    requests.push(entry);
    const client = req.socket.remoteAddress ?? "unknown";
    const forwardedFor = req.headers["x-forwarded-for"] ? `${String(req.headers["x-forwarded-for"])}, ${client}` : client;
    const headers = { ...withoutHopByHop(req.headers), "x-forwarded-for": forwardedFor, "x-forwarded-proto": "http", "x-forwarded-host": req.headers.host ?? "" };
    const outgoing = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (upstreamRes) => {
      entry.status = upstreamRes.statusCode ?? 0;
      res.writeHead(upstreamRes.statusCode ?? 502, { ...withoutHopByHop(upstreamRes.headers), "x-quire-upstream": upstream.name });
      res.flushHeaders();
      upstreamRes.pipe(res);
    });
    let clientGone = false;
    outgoing.on("error", (error) => {
      // 499 (as nginx logs it): the client went away first, e.g. a prefetch cancelled by a navigation.
      if (clientGone) {
        entry.status ||= 499;
        return;
      }
      entry.status = 502;
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { "content-type": "text/plain", "x-quire-upstream": upstream.name });
      res.end(`proxy: ${upstream.name} did not answer: ${error.message}`);
    });
    // A client that goes away (a page closing its event stream) ends the upstream request too.
    res.on("close", () => {
      if (res.writableFinished) return;
      clientGone = true;
      outgoing.destroy();
    });
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
