// Bundles the request edge (server/http/edge.ts: tRPC, share pages, headers, logs) into .next/quire-edge.mjs for
// server.mjs. Packages stay external (loaded from node_modules); `server-only` becomes an empty module.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const EDGE_BUNDLE = path.join(".next", "quire-edge.mjs");
/** Holds the BUILD_ID of the Next build the bundle was made with; server.mjs refuses a bundle made for another build. */
export const EDGE_BUNDLE_STAMP = path.join(".next", "quire-edge.build-id");

const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/** True when the bundle exists and was made for the current Next build (or for `next dev`, with `dev`). */
export function edgeBundleIsCurrent(dir = root, { dev = false } = {}) {
  if (dev) return fs.existsSync(path.join(dir, EDGE_BUNDLE)) && fs.readFileSync(path.join(dir, EDGE_BUNDLE_STAMP), "utf8") === "dev";
  const [bundle, stamp, buildId] = [EDGE_BUNDLE, EDGE_BUNDLE_STAMP, path.join(".next", "BUILD_ID")].map((f) => path.join(dir, f));
  return [bundle, stamp, buildId].every((f) => fs.existsSync(f)) && fs.readFileSync(stamp, "utf8") === fs.readFileSync(buildId, "utf8");
}

/** Builds the bundle for the current .next build (or, with `dev`, for `next dev`, which has no build id). */
export async function buildEdgeBundle({ dev = false } = {}) {
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["server/http/edge.ts"],
    outfile: EDGE_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    plugins: [serverOnlyIsEmpty],
    logLevel: "warning",
    legalComments: "none",
  });
  fs.writeFileSync(path.join(root, EDGE_BUNDLE_STAMP), dev ? "dev" : fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8"));
}
