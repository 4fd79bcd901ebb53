// Keeps post-sign-in redirects on this site: only plain local paths are accepted, returned percent-encoded (safe in a Location header).
const DEFAULT_AFTER_SIGN_IN = "/notebooks";
const BASE = "http://quire.invalid";

/** The given path if it is a local path (not `//host`, not a URL), in ASCII only (non-ASCII percent-encoded), else the notebooks page. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== BASE) return DEFAULT_AFTER_SIGN_IN;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/(?!\/)[\x21-\x7e]*$/.test(path) ? path : DEFAULT_AFTER_SIGN_IN;
}
