// Bundles server/trpc/standalone-handler.ts into .next/quire-trpc.mjs, so server.mjs can answer /api/trpc
// itself. Packages stay external (loaded from node_modules); `server-only` becomes an empty module.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const TRPC_BUNDLE = path.join(".next", "quire-trpc.mjs");
/** Holds the BUILD_ID of the Next build the bundle was made with; server.mjs uses the bundle only when they match. */
export const TRPC_BUNDLE_STAMP = path.join(".next", "quire-trpc.build-id");

const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/** Builds the bundle for the current .next build; returns false (and says why) when esbuild is not installed. */
export async function buildTrpcBundle() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    console.warn("esbuild is not installed: /api/trpc will be served through Next's route handler (slower).");
    fs.rmSync(path.join(root, TRPC_BUNDLE), { force: true });
    fs.rmSync(path.join(root, TRPC_BUNDLE_STAMP), { force: true });
    return false;
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["server/trpc/standalone-handler.ts"],
    outfile: TRPC_BUNDLE,
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
  fs.writeFileSync(path.join(root, TRPC_BUNDLE_STAMP), fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8"));
  return true;
}
