// Next.js configuration: native SQLite stays external, security headers on every response.
/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; "),
  },
];

module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "pino"],
  async headers() {
    // Share pages (/s/...) set their own, stricter headers (server/share/respond.ts); theirs win over these.
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};
