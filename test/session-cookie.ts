// A real Auth.js session cookie for a test user, as the browser would hold it after signing in.
import { encode } from "next-auth/jwt";
import { currentSessionVersion } from "@/server/services/accounts";
import { startSession } from "@/server/services/sessions";
import type { SessionUser } from "@/server/trpc/init";

export const TEST_AUTH_SECRET = "test-secret-for-session-cookies-0123456789";

/** The Cookie header value of a fresh session (a new session row) for the user (sets AUTH_SECRET for the test process). */
export async function sessionCookieFor(user: SessionUser): Promise<string> {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  const salt = "authjs.session-token";
  const token = await encode({ token: { sub: user.id, sid: await startSession(user.id), sv: await currentSessionVersion(user.id), email: user.email, name: user.name }, secret: TEST_AUTH_SECRET, salt, maxAge: 3600 });
  return `${salt}=${token}`;
}
