// Types for db/dialect.mjs.
export function postgresUrl(): string | null;
export function dialect(): "postgres" | "sqlite";
