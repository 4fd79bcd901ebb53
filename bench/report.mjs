// Judges each case against its bar, prints the table and writes bench/results.json (SQLite's run at the top level, PostgreSQL's under "postgres").
import fs from "node:fs";

const fmt = (n, digits = 0) => (n === null || n === undefined ? "-" : n.toFixed(digits));

/** Every failed condition of a case's bar, or [] when it passes; null when the case declares no bar. */
export function judgeBar(entry, ceiling, cases) {
  const bar = entry.bar;
  if (!bar) return null;
  const failures = [];
  if (bar.minRatio !== undefined) {
    const base = bar.of ? cases.find((c) => c.name === bar.of) : ceiling;
    const ratio = base?.reqPerSec && entry.reqPerSec !== null ? entry.reqPerSec / base.reqPerSec : null;
    const label = `req/s ≥ ${bar.minRatio} × ${bar.of ?? "ceiling"}`;
    if (ratio === null) failures.push(`${label}: not measurable`);
    else if (ratio < bar.minRatio) failures.push(`${label}: ${ratio.toFixed(2)}`);
  }
  if (bar.minRowsPerSec !== undefined && !(entry.rowsPerSec >= bar.minRowsPerSec)) failures.push(`rows/s ≥ ${bar.minRowsPerSec}: ${fmt(entry.rowsPerSec)}`);
  if (bar.minRatioToRaw !== undefined && !(entry.ratioToRaw >= bar.minRatioToRaw)) failures.push(`≥ ${bar.minRatioToRaw} × raw inserts: ${fmt(entry.ratioToRaw, 2)}`);
  if (bar.maxP50 !== undefined && !(entry.p50 !== null && entry.p50 <= bar.maxP50)) failures.push(`p50 ≤ ${bar.maxP50} ms: ${fmt(entry.p50, 1)}`);
  if (bar.maxP95 !== undefined && !(entry.p95 != null && entry.p95 <= bar.maxP95)) failures.push(`p95 ≤ ${bar.maxP95} ms: ${fmt(entry.p95, 1)}`);
  if (bar.maxP99 !== undefined && !(entry.p99 !== null && entry.p99 <= bar.maxP99)) failures.push(`p99 ≤ ${bar.maxP99} ms: ${fmt(entry.p99, 1)}`);
  if (bar.maxRatio !== undefined && !(entry.ratio != null && entry.ratio <= bar.maxRatio)) failures.push(`ratio ≤ ${bar.maxRatio}: ${fmt(entry.ratio, 2)}`);
  if (bar.maxRenderMs !== undefined) {
    if (!entry.renders?.length) failures.push(`read + build + draw < ${bar.maxRenderMs} ms: no renders`);
    for (const r of entry.renders ?? []) {
      const total = r.totalMs ?? r.readMs + r.buildMs + r.drawMs;
      if (!(total < bar.maxRenderMs)) failures.push(`read + build + draw < ${bar.maxRenderMs} ms at ${r.points} points: ${fmt(total, 1)}`);
    }
  }
  return failures;
}

function describeBar(bar) {
  const parts = [];
  if (bar.minRatio !== undefined) parts.push(`≥${bar.minRatio}× ${bar.of ?? "ceiling"}`);
  if (bar.minRowsPerSec !== undefined) parts.push(`≥${bar.minRowsPerSec} rows/s`);
  if (bar.minRatioToRaw !== undefined) parts.push(`≥${bar.minRatioToRaw}× raw`);
  if (bar.maxP50 !== undefined) parts.push(`p50≤${bar.maxP50}ms`);
  if (bar.maxP95 !== undefined) parts.push(`p95≤${bar.maxP95}ms`);
  if (bar.maxP99 !== undefined) parts.push(`p99≤${bar.maxP99}ms`);
  if (bar.maxRatio !== undefined) parts.push(`≤${bar.maxRatio}× without`);
  if (bar.maxRenderMs !== undefined) parts.push(`render<${bar.maxRenderMs}ms`);
  return parts.join(", ");
}

/** Prints one row per measurement, then each failure in full. */
export function printTable(results) {
  const rows = [results.ceiling, ...results.cases].map((e) => [
    e.name,
    fmt(e.reqPerSec),
    fmt(e.p50, 1),
    fmt(e.p99, 1),
    e === results.ceiling ? "1.00" : fmt(e.ratioToCeiling, 2),
    e.error ? "FAILED" : e.barFailures ? (e.barFailures.length ? `FAIL (${describeBar(e.bar)})` : `pass (${describeBar(e.bar)})`) : "ok",
  ]);
  const head = ["case", "req/s", "p50 ms", "p99 ms", "× ceiling", "result"];
  if (results.database) console.log(`\nStore: ${results.database}`);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const r of rows) console.log(line(r));
  console.log("");
  if (results.ceiling.note) console.log(`note: ceiling: ${results.ceiling.note}`);
  for (const e of [results.ceiling, ...results.cases]) {
    if (e.p95 != null) console.log(`${e.name}: p95 ${fmt(e.p95, 1)} ms${e.note ? ` (${e.note})` : ""}`);
    if (e.rowsPerSec != null) console.log(`${e.name}: ${fmt(e.rowsPerSec)} rows/s (parse ${fmt(e.parseMs)} ms, write ${fmt(e.writeMs)} ms), raw inserts ${fmt(e.rawRowsPerSec)} rows/s, ratio ${fmt(e.ratioToRaw, 2)}${e.note ? ` (${e.note})` : ""}`);
    if (e.ratioToOneServer !== undefined) {
      const each = (e.detail?.perServer ?? []).map((p) => fmt(p.reqPerSec)).join(" + ");
      console.log(`${e.name}: ${each} req/s = ${fmt(e.ratioToOneServer, 2)}× one server (${e.note})`);
    }
    for (const r of e.renders ?? []) console.log(`${e.name}: ${r.points} points: read ${fmt(r.readMs, 1)} ms, build ${fmt(r.buildMs, 1)} ms, draw ${fmt(r.drawMs, 1)} ms${r.totalMs !== undefined ? `, total ${fmt(r.totalMs, 1)} ms` : ""}`);
    if (e.error) console.log(`FAILED ${e.name} (${e.path}): ${e.error}`);
    for (const f of e.barFailures ?? []) console.log(`BAR FAILED ${e.name}: ${f}`);
  }
}

function readPrevious(file) {
  try {
    const previous = JSON.parse(fs.readFileSync(file, "utf8"));
    return previous && typeof previous === "object" ? previous : {};
  } catch {
    return {};
  }
}

/**
 * Writes the results file, the record of the last run on each store: a SQLite run at the top level (the shape the file
 * has always had, now with `store: "sqlite"`), a PostgreSQL run in the same shape under `postgres`. Each run keeps the
 * other store's record.
 */
export function writeResults(file, results) {
  const kept = ["name", "path", "method", "note", "reqPerSec", "p50", "p95", "p99", "rowsPerSec", "rawRowsPerSec", "ratioToRaw", "parseMs", "writeMs", "renders", "ratioToOneServer", "detail", "ratioToCeiling", "non2xx", "errors", "statusCodes", "requests", "error", "bar", "barPass", "barFailures"];
  const strip = (entry) => Object.fromEntries(kept.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]));
  const run = { ...results, ceiling: strip(results.ceiling), cases: results.cases.map(strip) };
  const previous = readPrevious(file);
  const out = results.store === "postgres" ? { ...previous, postgres: run } : { ...run, ...(previous.postgres ? { postgres: previous.postgres } : {}) };
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
}
