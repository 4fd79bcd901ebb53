// Vitest: unit and integration tests beside the code, each file on its own fresh database; the database tests run twice,
// on SQLite and on PostgreSQL (project "postgres": QUIRE_TEST_STORE=postgres, see test/setup.ts).
import path from "node:path";
import { defineConfig } from "vitest/config";

const ALL = ["{lib,server,db,components}/**/*.test.ts", "test/**/*.test.ts"];
/** lib/ and components/ never touch a database, nor does starting with a bad DATABASE_URL; these run once. */
const STORE_FREE = ["lib/**", "components/**", "test/start-database-url.test.ts"];
/** Tests of SQLite's own machinery (the FTS5 table, the database file), which PostgreSQL does not have. */
const SQLITE_ONLY = ["server/services/notes-fts.test.ts", "test/security/database-file.test.ts", "test/db-copy.test.ts"];
/** Tests of PostgreSQL's own pieces (its stores, its schema beside SQLite's, its backups), which open their own databases. */
const POSTGRES_ONLY = ["db/stores/search-pg.test.ts", "db/stores/search-pg-reads.test.ts", "db/stores/search-pg-walk.test.ts", "db/stores/search-pg-query.test.ts", "db/stores/observations-pg.test.ts", "db/schema-drift.test.ts", "test/pg-backup.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    setupFiles: ["test/setup.ts"],
    environment: "node",
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    projects: [
      { extends: true, test: { name: "sqlite", include: ALL, exclude: [...POSTGRES_ONLY, "**/node_modules/**"] } },
      { extends: true, test: { name: "postgres", include: ALL, exclude: [...STORE_FREE, ...SQLITE_ONLY, "**/node_modules/**"], env: { QUIRE_TEST_STORE: "postgres" } } },
    ],
  },
});
