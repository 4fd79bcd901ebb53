// Auth.js (next-auth v5): signs in with email and password (a session row, named in the JWT) and signs out (the row ends).
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import type { JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { signInInput } from "@/lib/validation/account";
import { logger } from "./logger";
import { clientIpFrom } from "./request-meta";
import { authenticate } from "./services/accounts";
import { endSession, liveSessionOwner, SESSION_MAX_AGE_S, startSession } from "./services/sessions";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
  }
}

/** Wrong email or password: the same code whichever it was. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many failed attempts for this account or this address. */
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

export const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid_credentials: "That email and password do not match an account. Check them and try again.",
  too_many_attempts: "Too many failed sign-in attempts. Wait 15 minutes, then try again.",
};

/** Ends the session a signed-out token named: a replayed copy of the cookie then signs nobody in. */
export async function endSessionOf(token: JWT | null | undefined): Promise<void> {
  if (typeof token?.sid === "string") await endSession(token.sid);
}

async function isLive(token: JWT): Promise<boolean> {
  return (
    typeof token.sub === "string" &&
    typeof token.sid === "string" &&
    typeof token.sv === "number" &&
    (await liveSessionOwner(token.sid, token.sub, token.sv)) !== null
  );
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      logger.error({ err: { name: error.name, message: error.message } }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(parsed.data.email, parsed.data.password, clientIpFrom(request.headers));
        if (result.kind === "rate_limited") throw new TooManyAttempts();
        if (result.kind === "invalid") throw new InvalidCredentials();
        return result.user;
      },
    }),
  ],
  events: {
    async signOut(message) {
      await endSessionOf("token" in message ? message.token : null);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
        token.sid = await startSession(user.id);
        return token;
      }
      return (await isLive(token)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
