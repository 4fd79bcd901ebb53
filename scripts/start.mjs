// `npm start`: build when the sources changed, keep an AUTH_SECRET, start the production server, print how to sign in.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { postgresUrl } from "../db/dialect.mjs";
import { checkPostgres } from "../db/pg-check.mjs";
import { dataDirectory } from "../db/location.mjs";
import { buildEdgeBundle, edgeBundleIsCurrent } from "./build-edge.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const dataDir = dataDirectory();
process.env.QUIRE_DATA_DIR = dataDir;
fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });

/**
 * AUTH_SECRET from the environment, else the one kept in the data directory, else a new one kept there. On PostgreSQL
 * the servers share one kept in the database instead (server.mjs), so none is made here.
 */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET || pgUrl) return;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

const SOURCE_DIRS = ["app", "components", "server", "db", "lib"];
const SOURCE_FILES = ["package-lock.json", "package.json", "next.config.js", "tsconfig.json", "instrumentation.ts", "scripts/build-edge.mjs"];

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

/** A hash of everything the production build depends on. */
export function sourceHash() {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS.flatMap(listFiles).filter((f) => !f.endsWith(".test.ts")), ...SOURCE_FILES.filter((f) => fs.existsSync(f))].sort();
  for (const f of files) hash.update(f).update("\0").update(fs.readFileSync(f)).update("\0");
  return hash.digest("hex");
}

/** The Next build when the sources changed, then the edge bundle (server.mjs) when it is not for this build. */
async function buildIfNeeded() {
  const stamp = path.join(".next", "quire-source-hash");
  const current = sourceHash();
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId) || !fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== current) {
    console.log("Building Quire (first run, or the sources changed)…");
    fs.rmSync(stamp, { force: true });
    const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
    fs.writeFileSync(stamp, current);
  }
  if (!edgeBundleIsCurrent()) await buildEdgeBundle();
}

// `npm run dev` (--dev): Next's development server (pages reload as you edit) behind the same edge, bundled
// fresh at each start; restart it after changing server/.
const dev = process.argv.includes("--dev");
let pgUrl;
try {
  pgUrl = postgresUrl();
} catch (error) {
  console.error(`\n  ${error.message}\n`);
  process.exit(1);
}
if (pgUrl) {
  // Before building: a wrong or unreachable DATABASE_URL stops the start at once, with what to fix.
  try {
    await checkPostgres(pgUrl);
  } catch (error) {
    console.error(`\n  ${error.message}\n`);
    process.exit(1);
  }
}
ensureAuthSecret();
if (dev) await buildEdgeBundle({ dev: true });
else await buildIfNeeded();
process.env.NODE_ENV = dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const { startServer } = await import("../server.mjs");
try {
  await startServer({ port, hostname, dev });
} catch (error) {
  console.error(`\n  Quire did not start. ${error.message}\n`);
  process.exit(1);
}
const demoOff = ["0", "false", "off", "no"].includes((process.env.QUIRE_DEMO ?? "1").toLowerCase());
console.log("");
console.log(`  Quire is running at http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
console.log(pgUrl ? `  Data: PostgreSQL at ${pgUrl.replace(/:[^:@/]*@/, ":***@")}` : `  Data: ${dataDir} (SQLite)`);
if (!demoOff) {
  const demo = JSON.parse(fs.readFileSync(path.join(root, "db", "seed", "demo-user.json"), "utf8"));
  console.log(`  Demo sign-in: ${demo.email} / ${demo.password}`);
  console.log(`  A colleague in the demo notebook (comments, the team's forecast): ${demo.colleague.email}, same password`);
}
console.log("  Log: warnings and errors below; QUIRE_LOG_LEVEL=debug adds one line per request.");
console.log("");
