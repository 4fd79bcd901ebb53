// Prints the one line CI reads, `tests: N passed, N failed`, from the vitest and Playwright JSON reports.
import fs from "node:fs";

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;

const checks = read(".reports/checks.json") ?? [];
for (const c of checks.filter((c) => c.name === "lint" || c.name === "typecheck")) {
  if (c.ok) passed++;
  else failed++;
}

const vitest = read(".reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (vitest.success === false && (vitest.numFailedTests ?? 0) === 0) failed++;
} else failed++;

const playwright = read(".reports/playwright.json");
if (playwright?.stats) {
  passed += playwright.stats.expected ?? 0;
  failed += (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0);
  skipped += playwright.stats.skipped ?? 0;
  if ((playwright.errors ?? []).length > 0 && (playwright.stats.unexpected ?? 0) === 0) failed++;
} else failed++;

console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
