// `npm run bench`: start Quire once (on SQLite, or on PostgreSQL: bench/store.mjs), sign in, measure the ceiling then every case in bench/cases.mjs, print and record.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { measureAutosave } from "./autosave.mjs";
import { CASES, CEILING } from "./cases.mjs";
import { figureCases } from "./figures.mjs";
import { chartCases } from "./charts.mjs";
import { generateNotes, generateNotesPostgres, SEARCH_QUERIES } from "./generate-notes.mjs";
import { measureSearch } from "./search.mjs";
import { measure } from "./measure.mjs";
import { judgeBar, printTable, writeResults } from "./report.mjs";
import { pinToTwoCores, startQuire } from "./server.mjs";
import { demoUser, signIn } from "./session.mjs";
import { chooseStore } from "./store.mjs";
import { twoServerCase } from "./two-servers.mjs";

function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
}

/** The commit measured, marked when the working tree has uncommitted changes; null outside a git checkout. */
function sourceRevision() {
  const git = (...args) => spawnSync("git", args, { cwd: import.meta.dirname, encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  if (head.status !== 0) return null;
  const dirty = git("status", "--porcelain", "--untracked-files=no").stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? " + uncommitted changes" : ""}`;
}

function checkCases() {
  const names = CASES.map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`Two cases are named "${duplicate}"`);
  for (const c of CASES) {
    if (c.bar?.of && !names.includes(c.bar.of)) throw new Error(`Case "${c.name}" compares with "${c.bar.of}", which is not a case`);
  }
}

/** The ceiling page if it answers 2xx; until it exists, Next's prerendered not-found page served at the same path. */
async function ceilingExpectation(baseURL) {
  const response = await fetch(baseURL + CEILING.path, { redirect: "manual" });
  await response.arrayBuffer();
  if (response.ok) return { expectStatus: undefined, note: null };
  if (response.status === 404 && (response.headers.get("content-type") ?? "").includes("text/html")) {
    return {
      expectStatus: 404,
      note: `GET ${CEILING.path} answered 404, so the ceiling is Next's prerendered not-found page until a static page exists there`,
    };
  }
  return { expectStatus: undefined, note: null };
}

const durationSec = envNumber("BENCH_DURATION", 10);

/** BENCH_ONLY=autosave,search (any of fixed, autosave, charts, figures, search) runs only those groups; unset runs all. */
const GROUPS = ["fixed", "autosave", "charts", "figures", "search"];
const only = (process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);
for (const group of only) if (!GROUPS.includes(group)) throw new Error(`BENCH_ONLY: "${group}" is not one of ${GROUPS.join(", ")}`);
const wanted = (group) => only.length === 0 || only.includes(group);
const searchNotes = envNumber("BENCH_SEARCH_NOTES", 100_000);

async function trpcGet(baseURL, cookie, path) {
  const response = await fetch(`${baseURL}/api/trpc/${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()).result.data.json;
}

/**
 * The cases that need more than one fixed request: autosave writers, then search over a generated corpus (run last: it adds notes).
 * On PostgreSQL, the charts group also measures the note page on two servers against one.
 */
async function specialCases(server, cookie, store) {
  const { baseURL } = server;
  const out = [];
  if (server.isRunning() && wanted("autosave")) {
    console.log("  autosave: 20 writers on their own notes, a save every 100 ms each on average, POST /api/trpc/notes.update");
    const autosave = await measureAutosave({ baseURL, cookie, writers: 20, intervalMs: 100, durationSec, warmupSec });
    console.log(`  autosave: at moments of their own p50 ${autosave.p50} ms, p99 ${autosave.p99} ms; all 20 in step p50 ${autosave.inStep.p50} ms, p99 ${autosave.inStep.p99} ms (reported)`);
    out.push({ name: "notes.update autosave (20 writers)", path: "/api/trpc/notes.update", method: "POST", bar: { maxP99: 25 }, ...autosave });
  }
  if (server.isRunning() && wanted("charts")) {
    console.log("  data and charts: CSV import against raw inserts, render time by series length, a note page with three charts");
    // On PostgreSQL, right after the note page on this server: the same page on two servers (bench/two-servers.mjs).
    const onNotePage =
      store.name === "postgres"
        ? ({ url, headers, verify, oneServer }) =>
            twoServerCase({ first: server, startSecond: () => startQuire({ port: port + 1, serveBuild: true }), url, headers, verify, measure, load, oneServer }).then((entry) => [entry])
        : undefined;
    out.push(...(await chartCases({ baseURL, cookie, measure, load, store, onNotePage })));
  }
  if (server.isRunning() && wanted("figures")) {
    console.log("  figures: a note with 50 live figures over 5,000-point series; an import into a series figures read");
    out.push(...(await figureCases({ baseURL, cookie, measure, load })));
  }
  if (!server.isRunning() || searchNotes === 0 || !wanted("search")) return out;
  const [me, notebooks] = await Promise.all([trpcGet(baseURL, cookie, "account.me"), trpcGet(baseURL, cookie, "notebooks.list")]);
  console.log(`  search: generating ${searchNotes.toLocaleString("en-US")} notes of 150 words…`);
  const corpus = { notebookId: notebooks[0].id, userId: me.id, count: searchNotes };
  const ms = store.name === "postgres" ? await generateNotesPostgres(store.url, corpus) : generateNotes(path.join(server.dataDir, "quire.db"), corpus);
  console.log(`  search: generated and indexed in ${(ms / 1000).toFixed(1)} s; ${SEARCH_QUERIES.length} queries × 30 rounds, one at a time`);
  out.push({
    name: `search.query (${searchNotes.toLocaleString("en-US")} notes)`,
    path: "/api/trpc/search.query",
    // Issue 12 allows PostgreSQL 15 ms (its search is two round trips, then a check of every candidate in JavaScript).
    bar: { maxP95: store.name === "postgres" ? 15 : 10 },
    ...(await measureSearch({ baseURL, cookie, queries: SEARCH_QUERIES, rounds: 30 })),
    note: `generated and indexed in ${(ms / 1000).toFixed(1)} s`,
  });
  return out;
}
const connections = envNumber("BENCH_CONNECTIONS", 10);
const warmupSec = envNumber("BENCH_WARMUP", 2);
const port = envNumber("BENCH_PORT", 3200);
const load = { durationSec, warmupSec, connections };

let server = null;
let store = null;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping the server…`);
    await server?.stop();
    await store?.release().catch(() => {});
    process.exit(130);
  });
}

try {
  checkCases();
  pinToTwoCores(process.pid);
  store = await chooseStore();
  console.log(`Store: ${store.database}.`);
  console.log(`Starting Quire on port ${port} (it builds first when the sources changed)…`);
  server = await startQuire({ port });
  const { baseURL } = server;
  const cookie = await signIn(baseURL, demoUser());
  console.log(`Signed in as the demo user. ${durationSec} s per case after ${warmupSec} s of warm-up, ${connections} connections.`);

  const run = async (entry, extra = {}) => {
    const { method = "GET", signedIn = false, headers = {}, body, verify } = entry;
    console.log(`  ${entry.name}: ${method} ${entry.path}`);
    const allHeaders = { ...headers, ...(signedIn ? { cookie } : {}) };
    const measured = await measure(baseURL + entry.path, { method, headers: allHeaders, body, verify, ...load, ...extra });
    if (!server.isRunning()) measured.error = `the server stopped during this case (${measured.error ?? "no other error"})\n${server.logTail()}`;
    return { ...entry, ...measured };
  };

  const { expectStatus, note } = wanted("fixed") ? await ceilingExpectation(baseURL) : { expectStatus: undefined, note: "not run (BENCH_ONLY)" };
  const ceiling = wanted("fixed") ? { ...(await run(CEILING, { expectStatus })), note } : { ...CEILING, reqPerSec: null, p50: null, p99: null, note };
  const cases = [];
  for (const entry of wanted("fixed") ? CASES : []) {
    if (server.isRunning()) cases.push(await run(entry));
    else cases.push({ ...entry, reqPerSec: null, p50: null, p99: null, non2xx: 0, errors: 0, error: "not run: the server had stopped" });
  }
  cases.push(...(await specialCases(server, cookie, store)));
  for (const c of cases) {
    c.ratioToCeiling = ceiling.reqPerSec && c.reqPerSec !== null ? Math.round((c.reqPerSec / ceiling.reqPerSec) * 100) / 100 : null;
    c.barFailures = judgeBar(c, ceiling, cases);
    if (c.barFailures) c.barPass = c.barFailures.length === 0;
  }

  const results = {
    store: store.name,
    database: store.database,
    date: new Date().toISOString(),
    source: sourceRevision(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.version, loadAverage: os.loadavg() },
    durationSec,
    warmupSec,
    connections,
    ceiling,
    cases,
  };
  printTable(results);
  // A partial run (BENCH_ONLY) is not the record of a full run: it goes to a file git ignores.
  const file = path.join(import.meta.dirname, only.length ? "results.partial.json" : "results.json");
  writeResults(file, results);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  const broken = [ceiling, ...cases].filter((e) => e.error).length;
  const barsFailed = cases.filter((c) => c.barPass === false).length;
  console.log(broken || barsFailed ? `${broken} failed, ${barsFailed} below their bar` : "All cases ran cleanly and met their bars.");
  process.exitCode = broken || barsFailed ? 1 : 0;
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
  await store?.release().catch((error) => console.error(`bench: could not drop the bench database: ${error.message}`));
}
