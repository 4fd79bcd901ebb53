// Access is decided in one module: no other service reads memberships to decide what a user may see, and routers stay thin (no database, no access checks).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SERVICES = "server/services";
const ROUTERS = "server/trpc/routers";

/** Files allowed to read memberships, and why. */
const MEMBERSHIP_READERS: Record<string, string> = {
  "access.ts": "decides who may read or change what",
  "notebooks.ts": "manages the memberships themselves: member counts, the member list, adding, changing and removing members",
};

/** A read of the memberships table: from or join in the query builder, or FROM/JOIN in raw SQL. */
const READS_MEMBERSHIPS = /\.(from|(inner|left|right|full)Join)\(\s*memberships\b|\b(from|join)\s+(\$\{\s*)?memberships\b/i;

const sources = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => [f, readFileSync(join(dir, f), "utf8")] as const);

describe("access in one module", () => {
  it("the pattern finds each form of a membership read", () => {
    for (const read of [".from(memberships)", ".innerJoin(memberships, x)", "JOIN memberships m ON", "select notebook_id from memberships", "from ${memberships} m2"]) {
      expect(READS_MEMBERSHIPS.test(read), read).toBe(true);
    }
    expect(READS_MEMBERSHIPS.test("tx.insert(memberships).values(row)")).toBe(false);
  });

  it("no service but access.ts reads memberships to decide access", () => {
    const offenders = sources(SERVICES)
      .filter(([file, text]) => !(file in MEMBERSHIP_READERS) && READS_MEMBERSHIPS.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it("routers import no database, no query builder and no access check: zod input, then one service call", () => {
    const offenders = sources(ROUTERS)
      .filter(([, text]) => /from "(@\/db\/[^"]*|drizzle-orm[^"]*|better-sqlite3|@\/server\/services\/access)"/.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
