// Vitest: unit and integration tests beside the code, each file on its own temporary SQLite database.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["{lib,server,db,components}/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    environment: "node",
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
