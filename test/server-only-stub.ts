// Stands in for the "server-only" guard under Vitest, which does not run as a React server.
export {};
