// Types for db/location.mjs (plain JavaScript so that server.mjs and scripts read it without a build).
export function dataDirectory(): string;
export function databaseFile(): string;
