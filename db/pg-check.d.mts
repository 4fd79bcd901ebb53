// Types for db/pg-check.mjs.
export function checkPostgres(url: string, opts?: { timeoutMs?: number }): Promise<void>;
