// A throwaway PostgreSQL cluster of the spec's own (initdb + pg_ctl as the postgres user), so a spec may stop and start it without disturbing anyone.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const LIB = "/usr/lib/postgresql";
const MIN_VERSION = 15;
const OWNER = "postgres";

export type StopMode = "smart" | "fast" | "immediate";

export type PrivatePostgres = {
  port: number;
  dir: string;
  /** The URL of a database on this cluster (as postgres, trust auth, over TCP on 127.0.0.1). */
  url(database?: string): string;
  /** CREATE DATABASE (from template0). */
  createDatabase(name: string): Promise<void>;
  /** `pg_ctl stop -m <mode> -w`: resolves once the server is down (without blocking this process's event loop). */
  stop(mode?: StopMode): Promise<void>;
  /** `pg_ctl start -w`: resolves once the server accepts connections. */
  start(): Promise<void>;
  /** True while the postmaster runs. */
  running(): boolean;
  /** The tail of the server's log, for failure messages. */
  logTail(lines?: number): string;
  /** Stops the cluster at once (if it runs) and removes its directory. Safe to call twice. */
  destroy(): Promise<void>;
};

/** The newest PostgreSQL ≥ 15 server binaries under /usr/lib/postgresql (Debian's layout), or null. */
function binaries(): string | null {
  if (!fs.existsSync(LIB)) return null;
  const versions = fs
    .readdirSync(LIB)
    .map(Number)
    .filter((v) => v >= MIN_VERSION && fs.existsSync(path.join(LIB, String(v), "bin", "initdb")) && fs.existsSync(path.join(LIB, String(v), "bin", "pg_ctl")))
    .sort((a, b) => b - a);
  return versions.length > 0 ? path.join(LIB, String(versions[0]), "bin") : null;
}

/** Why a private cluster cannot be started here, with what to do; null when it can. */
function missingRequirement(): string | null {
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!asRoot) {
    return [
      "This spec starts its own PostgreSQL cluster (so that it may stop and restart it) and needs to run as root for that:",
      "initdb refuses to run as root, so the spec runs initdb and pg_ctl as the `postgres` user through `runuser`, which only root may do.",
      "Run the e2e suite as root on a machine with Debian's postgresql installed (apt-get install -y postgresql).",
    ].join("\n");
  }
  if (!binaries()) {
    return `This spec starts its own PostgreSQL ${MIN_VERSION}+ cluster, but found no initdb/pg_ctl under ${LIB}/<version>/bin. Install Debian's server: apt-get install -y postgresql`;
  }
  try {
    execFileSync("id", ["-u", OWNER], { stdio: "ignore" });
  } catch {
    return `This spec runs initdb and pg_ctl as the \`${OWNER}\` user, and there is none. Installing Debian's postgresql creates it: apt-get install -y postgresql`;
  }
  return null;
}

/** Whether nothing listens on 127.0.0.1:port. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first free TCP port on 127.0.0.1 from `preferred` on. */
export async function freePort(preferred: number, tries = 50): Promise<number> {
  for (let port = preferred; port < preferred + tries; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port on 127.0.0.1 between ${preferred} and ${preferred + tries - 1}`);
}

/** Runs a PostgreSQL binary as the postgres user, asynchronously (so timings measured meanwhile stay true); rejects with its output when it fails. */
function runAsOwner(bin: string, args: string[], cwd: string, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("runuser", ["-u", OWNER, "--", bin, ...args], { encoding: "utf8", cwd, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const output = `${stdout ?? ""}${stderr ?? ""}`.trim();
      reject(new Error(`${path.basename(bin)} ${args.join(" ")} failed (${error.message.split("\n")[0]}):\n${output}`));
    });
  });
}

/**
 * Creates and starts a private cluster in a fresh temporary directory owned by postgres, listening on 127.0.0.1 at
 * the first free port from `preferredPort` (its Unix socket in the same directory), with trust auth for postgres.
 * Throws, saying what is needed, when not run as root or when PostgreSQL ≥ 15 is not installed.
 */
export async function startPrivatePostgres(preferredPort = 55470): Promise<PrivatePostgres> {
  const missing = missingRequirement();
  if (missing) throw new Error(missing);
  const bin = binaries()!;
  const port = await freePort(preferredPort);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-pg-private-"));
  const uid = Number(execFileSync("id", ["-u", OWNER], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", OWNER], { encoding: "utf8" }).trim());
  fs.chmodSync(dir, 0o700);
  fs.chownSync(dir, uid, gid);
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "log");
  const pgCtl = path.join(bin, "pg_ctl");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;

  const cluster: PrivatePostgres = {
    port,
    dir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: cluster.url(), connectionTimeoutMillis: 10_000 });
      client.on("error", () => {});
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE template0`);
      } finally {
        await client.end().catch(() => {});
      }
    },
    async stop(mode = "fast") {
      await runAsOwner(pgCtl, ["-D", data, "stop", "-m", mode, "-w", "-t", "60"], dir);
    },
    async start() {
      await runAsOwner(pgCtl, ["-D", data, "-o", options, "-l", logFile, "start", "-w", "-t", "60"], dir);
    },
    running() {
      return spawnSync("runuser", ["-u", OWNER, "--", pgCtl, "-D", data, "status"], { cwd: dir, stdio: "ignore" }).status === 0;
    },
    logTail(lines = 40) {
      try {
        return fs.readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");
      } catch {
        return "(no PostgreSQL log)";
      }
    },
    async destroy() {
      if (!fs.existsSync(dir)) return;
      try {
        if (cluster.running()) await cluster.stop("immediate");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };

  try {
    fs.mkdirSync(data, { mode: 0o700 });
    fs.chownSync(data, uid, gid);
    await runAsOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", OWNER, "--encoding=UTF8", "--no-locale"], dir);
    await cluster.start();
  } catch (error) {
    const log = cluster.logTail();
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a private PostgreSQL cluster in ${dir}: ${error instanceof Error ? error.message : String(error)}\nIts log:\n${log}`, { cause: error });
  }
  return cluster;
}
