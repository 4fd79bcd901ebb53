// drizzle-kit configuration for PostgreSQL: generates committed SQL migrations (db/migrations-pg) from db/schema-pg.ts.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./db/schema-pg.ts", "./db/schema-pg-team.ts", "./db/schema-pg-derived.ts"],
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
