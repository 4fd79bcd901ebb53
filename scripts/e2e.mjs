// `npm run test:e2e`: make sure Chromium is there, give the server a fresh data directory, run Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./chromium.mjs";

process.env.CHROMIUM_PATH = ensureChromium();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-e2e-"));
const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
});
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
