// ESLint: TypeScript and React hooks rules, plus docs/architecture.md's import directions as errors.
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const restrict = (patterns) => ["error", { patterns: patterns.map((p) => ({ ...p, allowTypeImports: p.allowTypeImports ?? false })) }];

const fromApp = { group: ["@/app/*", "**/app/*"], message: "Only Next.js imports app/; move shared code to components/, server/ or lib/." };
const fromServer = { group: ["@/server/*", "**/server/*"], message: "docs/architecture.md: this layer must not import server/." };
const fromDb = { group: ["@/db/*", "**/db/*"], message: "docs/architecture.md: this layer must not import db/." };
const fromComponents = { group: ["@/components/*", "**/components/*"], message: "docs/architecture.md: this layer must not import components/." };
const trpc = { group: ["@trpc/*"], message: "Services throw DomainError, never TRPCError: see docs/architecture.md, 'Errors'." };
const dbClient = { group: ["@/db/client", "**/db/client"], message: "docs/architecture.md: only server/services/* import the db client." };

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", ".reports/**", "db/migrations/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: ["react", "react-dom", "react/*", "next", "next/*", "better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "docs/architecture.md: lib/ is pure: no React, Next or database." },
        fromApp,
        fromServer,
        fromDb,
        fromComponents,
        trpc,
      ]),
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { ...fromServer, allowTypeImports: true, message: "docs/architecture.md: components/ never import server/ (import type { AppRouter } is the one exception)." },
        fromDb,
        fromApp,
        { group: ["better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "docs/architecture.md: components/ never touch the database." },
      ]),
    },
  },
  {
    files: ["server/**/*.{ts,tsx}"],
    ignores: ["server/services/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([fromApp, fromComponents, dbClient]) },
  },
  {
    files: ["server/services/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        fromApp,
        fromComponents,
        trpc,
        { group: ["better-sqlite3", "pg", "drizzle-orm/better-sqlite3", "drizzle-orm/node-postgres", "drizzle-orm/sqlite-core", "drizzle-orm/pg-core", "@/db/stores/*-sqlite", "@/db/stores/*-pg"], message: "docs/architecture.md: services are written once for both stores; db/ owns the dialect." },
      ]),
      "no-restricted-syntax": [
        "error",
        ...["getDb", "db"].flatMap((name) => [
          {
            // A statement built for preparedWrite() is exempt: it refuses to run outside a transaction.
            selector: `MemberExpression[property.name=/^(insert|update|delete)$/][object.${name === "getDb" ? "callee.name" : "name"}='${name}']:not(CallExpression[callee.name='preparedWrite'] *)`,
            message: "Every write goes through transaction() from @/db/client (on SQLite it holds the connection's write lock), or preparedWrite() run inside one: see docs/architecture.md.",
          },
        ]),
        { selector: "MemberExpression[property.name='$client']", message: "Services never reach the driver: put dialect-specific statements in a db/ store." },
      ],
    },
  },
  {
    files: ["server/services/**/*.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([fromApp, fromComponents, trpc]) },
  },
  {
    files: ["db/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([fromApp, fromComponents, fromServer, trpc]) },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([fromDb]) },
  },
);
