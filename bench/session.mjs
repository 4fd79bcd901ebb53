// Signs the demo user in over HTTP, as a browser would (CSRF token, then the credentials callback), and returns the cookie.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The demo account that scripts/start.mjs creates on a fresh data directory. */
export function demoUser() {
  return JSON.parse(fs.readFileSync(path.join(root, "db", "seed", "demo-user.json"), "utf8"));
}

function cookiePairs(response) {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** A Cookie header carrying a session for the given account; throws with the reason when sign-in fails. */
export async function signIn(baseURL, { email, password }) {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = await csrf.json();
  const jar = cookiePairs(csrf);
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL}/` }),
  });
  const location = response.headers.get("location") ?? "";
  const session = cookiePairs(response).filter((c) => c.startsWith("authjs.session-token"));
  if (response.status >= 400 || location.includes("error=") || session.length === 0) {
    throw new Error(`Sign-in as ${email} failed: HTTP ${response.status}, location ${location || "(none)"}`);
  }
  const cookie = session.join("; ");
  const me = await fetch(`${baseURL}/api/trpc/account.me`, { headers: { cookie } });
  if (!me.ok) throw new Error(`Signed in, but account.me answered ${me.status}: ${await me.text()}`);
  return cookie;
}
