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

// Share pages (/s/...) send stricter headers (no script at all, no referrer, noindex): the same ones their handler sets.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS
const shareHeaders = Object.entries(require("./lib/share/share-headers.json"))
  .filter(([key]) => key !== "content-type")
  .map(([key, value]) => ({ key, value }));

module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "pino"],
  async headers() {
    // The later entry wins for the keys both set.
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/s/:path*", headers: shareHeaders },
    ];
  },
};
