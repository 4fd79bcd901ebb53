// Finds Debian's Chromium for Playwright; installs it with apt when running as root, else says what to install.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** The Chromium executable to use, installing Debian's package first when possible. */
export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(wanted)) return wanted;
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package with apt-get…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (fs.existsSync(wanted)) return wanted;
  }
  console.error(
    `Chromium was not found at ${wanted}.\n` +
      "Install Debian's package as root:  apt-get update && apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at an existing Chromium executable.",
  );
  process.exit(1);
}
