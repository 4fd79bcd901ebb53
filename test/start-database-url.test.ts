// npm start with a DATABASE_URL that cannot work stops at once (before any build) with a message that says what to fix.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function start(databaseUrl: string) {
  const run = spawnSync(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "3999", QUIRE_LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("npm start with a bad DATABASE_URL", () => {
  it("refuses a URL that is not PostgreSQL's", () => {
    const run = start("mysql://root@localhost/quire");
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/DATABASE_URL must be a PostgreSQL URL \(postgres:\/\/user@host:5432\/database\), or unset/);
  });

  it("stops within seconds when nothing answers, naming the address and what to do", () => {
    const run = start("postgres://quire:hunter2@127.0.0.1:1/quire");
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/nothing answers at postgres:\/\/quire:\*\*\*@127\.0\.0\.1:1\/quire\. Start PostgreSQL there/);
    expect(run.output).not.toContain("hunter2");
    expect(run.output).not.toMatch(/Building Quire/);
  });

  it("names a database that does not exist", () => {
    const base = new URL(process.env.QUIRE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
    base.pathname = "/quire_no_such_database";
    const run = start(base.toString());
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/database "quire_no_such_database" does not exist .*Create it first/);
  });
});
