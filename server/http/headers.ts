// The security header table (security-headers.json) for every kind of response: app pages, the API, share pages, exported files.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import table from "./security-headers.json";

type HeaderSet = Record<string, string>;

/** On every response, whoever answers it (also set by next.config.js for `next dev`). */
export const EVERY_RESPONSE_HEADERS: HeaderSet = table.everyResponse;

/** tRPC and REST answers: never cached, never a document. */
export const API_HEADERS: HeaderSet = table.api;

/** Share pages: nothing runs, nothing is framed, nothing leaks the token onwards, nothing indexes it. */
export const SHARE_HEADERS: HeaderSet = { ...EVERY_RESPONSE_HEADERS, ...table.share };

/** The policy an exported HTML file carries in its own <meta>: it loads nothing and runs nothing when opened. */
export const EXPORT_FILE_CSP: string = table.exportFile["content-security-policy"];

/** HSTS, sent only when the request reached us over HTTPS through a trusted proxy. */
export const STRICT_TRANSPORT_SECURITY: string = table.strictTransportSecurity;

/** A fresh script nonce for one page render (128 random bits). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The app page policy: scripts from our origin, inline scripts carrying this render's nonce, and `otherSources`
 * (the inline scripts of pages Next prerendered at build time, from our code only, as 'sha256-…').
 */
export function appPagePolicy(nonce: string, otherSources: readonly string[]): string {
  const scripts = [`'nonce-${nonce}'`, ...otherSources].join(" ");
  return table.appPage["content-security-policy"].replace("{scripts}", scripts);
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The SHA-256 (base64) of each inline script in an HTML document, as a browser hashes it for CSP. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (match[1]) hashes.push(createHash("sha256").update(match[1], "utf8").digest("base64"));
  }
  return hashes;
}

/** The hashes of every inline script in the HTML pages of a Next build (its prerendered pages), without repeats. */
export function prerenderedScriptHashes(nextDir: string): string[] {
  const appDir = path.join(nextDir, "server", "app");
  if (!fs.existsSync(appDir)) return [];
  const files = fs.readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
  const hashes = new Set(files.flatMap((f) => inlineScriptHashes(fs.readFileSync(path.join(appDir, f), "utf8"))));
  return [...hashes].sort();
}
