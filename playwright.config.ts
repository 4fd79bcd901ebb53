// Playwright: e2e and HTTP API specs against the production server, in Debian's Chromium.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? "data/e2e";
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  use: {
    baseURL,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The server's log goes to a file in the test data directory, where e2e/logs.spec.ts reads it.
    command: `node scripts/start.mjs > "${dataDir}/server.log" 2>&1`,
    url: `${baseURL}/api/trpc/health.ping`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      QUIRE_DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      // Request lines are written at debug level (the console of `npm start` keeps start-up, warnings and errors); e2e/logs.spec.ts reads them.
      QUIRE_LOG_LEVEL: "debug",
      // The specs register hundreds of accounts from 127.0.0.1; the registration throttle has its own test (test/security).
      QUIRE_REGISTER_MAX_PER_ADDRESS: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
