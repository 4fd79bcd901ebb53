// Next.js configuration: native SQLite stays external; the headers every response carries come from the edge's one table.
// Quire's edge (server/http/edge.ts, run by server.mjs) sets every security header itself, the per-render CSP nonce
// included; the same every-response set is repeated here so that Next's own answers carry it too.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS
const { everyResponse } = require("./server/http/security-headers.json");

/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "pino"],
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(everyResponse).map(([key, value]) => ({ key, value })) }];
  },
};
