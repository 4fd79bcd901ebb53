// Types for db/pg-test-server.mjs (plain JavaScript so that scripts and vitest use it without a build).
export const DEFAULT_TEST_PG_URL: string;
export function ensurePostgres(): Promise<string>;
export function createTestDatabase(baseUrl: string, prefix?: string): Promise<{ url: string; drop(): Promise<void> }>;
