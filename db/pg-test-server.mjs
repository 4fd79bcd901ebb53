// A PostgreSQL ≥ 15 for tests: the machine's server (QUIRE_TEST_PG_URL), else a private cluster (root installs Debian's postgresql), and fresh databases on it.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const DEFAULT_TEST_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";
/** The port of the private cluster started when nothing answers at QUIRE_TEST_PG_URL (QUIRE_TEST_PG_PORT overrides it). */
const PRIVATE_PORT = Number(process.env.QUIRE_TEST_PG_PORT ?? 55432);
const MIN_VERSION = 15;
const CONNECT_TIMEOUT_MS = 2_000;
/** Another process (a second vitest worker) may be installing or starting the cluster: how long to wait for it. */
const LOCK_WAIT_MS = 10 * 60_000;
/** Connection failures that mean "nothing answers there" (anything else, such as a refused password, is an error to report). */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ENOENT"]);

/**
 * The server's major version at `url`, or null when nothing answers there in a short time.
 * @param {string} url
 * @returns {Promise<number | null>}
 */
async function probe(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS v");
    return Math.floor(rows[0].v / 10_000);
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    const message = error instanceof Error ? error.message : String(error);
    if ((code && UNREACHABLE_CODES.has(code)) || /timeout|terminated unexpectedly/i.test(message)) return null;
    throw new Error(`PostgreSQL at ${redact(url)} answered but refused the test connection: ${message}. Set QUIRE_TEST_PG_URL to a server where this user may CREATE DATABASE.`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {string} url */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/** The newest PostgreSQL ≥ 15 server binaries under /usr/lib/postgresql (Debian's layout), or null. */
function findBinaries() {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .map(Number)
    .filter((v) => v >= MIN_VERSION && fs.existsSync(path.join(root, String(v), "bin", "initdb")))
    .sort((a, b) => b - a);
  return versions.length > 0 ? path.join(root, String(versions[0]), "bin") : null;
}

function notRootMessage(url) {
  return [
    `No PostgreSQL ${MIN_VERSION}+ answers at ${redact(url)}, and the tests start their own only when run as root (or when initdb is installed).`,
    "Either start one and point the tests at it:",
    "  sudo apt-get install -y postgresql",
    "  sudo pg_ctlcluster --skip-systemctl-redirect 15 main start",
    "  (it listens at 127.0.0.1:5432; the tests connect as postgres with trust auth, or set QUIRE_TEST_PG_URL=postgres://USER:PASSWORD@HOST:PORT/DB for a user who may CREATE DATABASE)",
    "or run the tests as root, which installs Debian's postgresql and starts a private cluster.",
  ].join("\n");
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ user?: string | null, env?: NodeJS.ProcessEnv }} [options]
 */
function run(cmd, args, options = {}) {
  const [file, argv] = options.user ? ["runuser", ["-u", options.user, "--", cmd, ...args]] : [cmd, args];
  const result = spawnSync(file, argv, { encoding: "utf8", env: options.env ?? process.env, cwd: os.tmpdir() });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${[file, ...argv].join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
  return result.stdout;
}

/** Installs Debian's postgresql (root only). */
function installPostgres() {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  process.stderr.write("pg-test-server: installing Debian's postgresql (apt-get install -y postgresql)\n");
  try {
    run("apt-get", ["install", "-y", "postgresql"], { env });
  } catch {
    run("apt-get", ["update"], { env });
    run("apt-get", ["install", "-y", "postgresql"], { env });
  }
}

/**
 * Holds a lock directory beside the cluster's while `fn` runs, so that concurrent test processes start one cluster.
 * @template T
 * @param {string} lockDir
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(lockDir, fn) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code !== "EEXIST") throw error;
      const holder = lockHolder(lockDir);
      if (holder === null) continue; // released meanwhile
      // Gone, or died between creating the lock and writing its pid (no pid after a minute).
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (holder ? !isAlive(holder) : age > 60_000) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`pg-test-server: waited too long for ${lockDir} (held by process ${holder || "?"}); remove it if that process is gone`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * The pid holding the lock, 0 when it has not written it yet, null when the lock is gone.
 * @param {string} lockDir
 * @returns {number | null}
 */
function lockHolder(lockDir) {
  try {
    return Number(fs.readFileSync(path.join(lockDir, "pid"), "utf8")) || 0;
  } catch {
    return fs.existsSync(lockDir) ? 0 : null;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {{ code?: string }} */ (error).code === "EPERM";
  }
}

/**
 * Starts (creating it the first time) the private cluster in os.tmpdir()/quire-pg-<port>, owned by postgres when
 * run as root (initdb refuses root) and by the current user otherwise. Trust auth, local connections only, and no
 * fsync (a throwaway test cluster). It keeps running for later runs; stop it with
 * `runuser -u postgres -- <bin>/pg_ctl -D <dir> stop`.
 * @param {string} bin
 * @param {boolean} asRoot
 */
function startPrivateCluster(bin, asRoot) {
  const dir = path.join(os.tmpdir(), `quire-pg-${PRIVATE_PORT}`);
  const user = asRoot ? "postgres" : null;
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { mode: 0o700 });
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      fs.chownSync(dir, uid, gid);
    }
    run(path.join(bin, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], { user });
  }
  const options = `-p ${PRIVATE_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  // A cluster left by a killed machine keeps a stale postmaster.pid; pg_ctl start copes with one whose process is gone.
  run(path.join(bin, "pg_ctl"), ["-D", dir, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"], { user });
  return `postgres://postgres@127.0.0.1:${PRIVATE_PORT}/postgres`;
}

/**
 * The base URL of a reachable PostgreSQL ≥ 15 (connecting to its maintenance database): QUIRE_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) when it answers; else a private cluster, which this starts (as root,
 * installing Debian's postgresql first when no initdb is there). Throws, saying what to install or run, when it can't.
 * @returns {Promise<string>}
 */
export async function ensurePostgres() {
  const url = process.env.QUIRE_TEST_PG_URL || DEFAULT_TEST_PG_URL;
  const version = await probe(url);
  if (version !== null) {
    if (version < MIN_VERSION) throw new Error(`PostgreSQL at ${redact(url)} is version ${version}; Quire needs ${MIN_VERSION} or newer. Point QUIRE_TEST_PG_URL at a newer server.`);
    return url;
  }
  const privateUrl = `postgres://postgres@127.0.0.1:${PRIVATE_PORT}/postgres`;
  if ((await probe(privateUrl)) !== null) return privateUrl;

  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!asRoot && !findBinaries()) throw new Error(notRootMessage(url));
  return withLock(path.join(os.tmpdir(), `quire-pg-${PRIVATE_PORT}.lock`), async () => {
    if ((await probe(privateUrl)) !== null) return privateUrl; // another process started it while we waited
    process.stderr.write(`pg-test-server: nothing answers at ${redact(url)}; starting a private cluster on port ${PRIVATE_PORT}\n`);
    if (!findBinaries()) installPostgres();
    const bin = findBinaries();
    if (!bin) throw new Error(`pg-test-server: installed postgresql, but found no PostgreSQL ${MIN_VERSION}+ initdb under /usr/lib/postgresql/*/bin`);
    const started = startPrivateCluster(bin, asRoot);
    if ((await probe(started)) === null) throw new Error(`pg-test-server: started a private cluster, but nothing answers at ${started}; see ${path.join(os.tmpdir(), `quire-pg-${PRIVATE_PORT}`, "log")}`);
    return started;
  });
}

/**
 * Creates a fresh, uniquely named database on the server at `baseUrl` and returns its URL, with `drop()` to remove
 * it (closing any connections still open to it).
 * @param {string} baseUrl
 * @param {string} [prefix]
 * @returns {Promise<{ url: string, drop(): Promise<void> }>}
 */
export async function createTestDatabase(baseUrl, prefix = "quire_test") {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 30);
  const name = `${safePrefix}_${process.pid}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString("hex")}`;
  const quoted = `"${name}"`;
  await admin(baseUrl, `CREATE DATABASE ${quoted} TEMPLATE template0`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      // Connections a pool has just let go may still be closing: cut off by FORCE, their client would get an error
      // with nobody listening any more. So wait a moment for them to leave, then force out whatever stays.
      await admin(
        baseUrl,
        `DO $$ BEGIN FOR i IN 1..40 LOOP EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '${name}'); PERFORM pg_sleep(0.05); END LOOP; END $$`,
      );
      await admin(baseUrl, `DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      dropped = true;
    },
  };
}

/**
 * @param {string} baseUrl
 * @param {string} statement
 */
async function admin(baseUrl, statement) {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}
