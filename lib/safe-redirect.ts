// Keeps post-sign-in redirects on this site: only plain local paths are accepted.
const DEFAULT_AFTER_SIGN_IN = "/notebooks";

/** The given path if it is a local path (not `//host`, not a URL), else the notebooks page. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f]/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  return value;
}
