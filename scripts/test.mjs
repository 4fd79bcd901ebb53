// `npm test`: lint, type check, unit and integration tests (vitest), then e2e (Playwright); all run, any failure fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const STEPS = [
  { name: "lint", cmd: ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."] },
  { name: "typecheck", cmd: ["node_modules/typescript/bin/tsc", "--noEmit"] },
  { name: "unit and integration (vitest)", cmd: ["node_modules/vitest/vitest.mjs", "run"] },
  { name: "e2e (playwright)", cmd: ["scripts/e2e.mjs"] },
];

fs.mkdirSync(".reports", { recursive: true });
const results = [];
for (const step of STEPS) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const { status } = spawnSync(process.execPath, step.cmd, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  results.push({ name: step.name, ok: status === 0, seconds: Math.round((Date.now() - started) / 100) / 10 });
}
fs.writeFileSync(".reports/checks.json", JSON.stringify(results, null, 2));
console.log("");
for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds}s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
