// Whether a session token is still valid: its user exists and it carries the user's current sessionVersion.
import type { JWT } from "next-auth/jwt";
import { currentSessionVersion } from "./services/accounts";

/** True while the token's sessionVersion matches the user's (sign out everywhere and password changes move it on). */
export function isSessionCurrent(token: JWT): boolean {
  return typeof token.sub === "string" && currentSessionVersion(token.sub) === token.sv;
}
