// drizzle-kit configuration: generates committed SQL migrations from db/schema.ts; the database file is the one db/location.mjs names.
import { defineConfig } from "drizzle-kit";
import { databaseFile } from "./db/location.mjs";

export default defineConfig({
  dialect: "sqlite",
  schema: ["./db/schema-sqlite.ts", "./db/schema-sqlite-team.ts", "./db/schema-sqlite-derived.ts"],
  out: "./db/migrations",
  dbCredentials: { url: databaseFile() },
});
