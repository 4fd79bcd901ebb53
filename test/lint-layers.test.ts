// The lint rule that enforces docs/architecture.md's import directions: it rejects each forbidden import and allows the permitted ones.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("import directions (docs/architecture.md)", () => {
  it.each([
    ["lib/x.ts", 'import { useState } from "react";\nexport const a = useState;'],
    ["lib/x.ts", 'import { redirect } from "next/navigation";\nexport const a = redirect;'],
    ["lib/x.ts", 'import { getDb } from "@/db/client";\nexport const a = getDb;'],
    ["lib/x.ts", 'import { auth } from "@/server/auth";\nexport const a = auth;'],
    ["components/x.tsx", 'import { getDb } from "@/db/client";\nexport const a = getDb;'],
    ["components/x.tsx", 'import { appRouter } from "@/server/trpc/root";\nexport const a = appRouter;'],
    ["server/trpc/routers/x.ts", 'import { getDb } from "@/db/client";\nexport const a = getDb;'],
    ["server/auth-x.ts", 'import { Brand } from "@/components/ui/brand";\nexport const a = Brand;'],
    ["db/x.ts", 'import { listNotebooks } from "@/server/services/notebooks";\nexport const a = listNotebooks;'],
    ["app/x/page.tsx", 'import { users } from "@/db/schema";\nexport const a = users;'],
    ["server/services/x.ts", 'import { TRPCError } from "@trpc/server";\nexport const a = TRPCError;'],
    ["server/services/x.ts", 'import { getHTTPStatusCodeFromError } from "@trpc/server/http";\nexport const a = getHTTPStatusCodeFromError;'],
    ["lib/x.ts", 'import { TRPCError } from "@trpc/server";\nexport const a = TRPCError;'],
    ["db/x.ts", 'import { TRPCError } from "@trpc/server";\nexport const a = TRPCError;'],
  ])("rejects the import in %s", async (file, code) => {
    expect(await layerErrors(file, code)).not.toHaveLength(0);
  });

  it.each([
    ["components/x.tsx", 'import type { AppRouter } from "@/server/trpc/root";\nexport type A = AppRouter;'],
    ["components/x.tsx", 'import { newId } from "@/lib/ids";\nexport const a = newId;'],
    ["server/services/x.ts", 'import { getDb } from "@/db/client";\nexport const a = getDb;'],
    ["app/x/page.tsx", 'import { caller } from "@/server/trpc/server";\nexport const a = caller;'],
  ])("allows the import in %s", async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
