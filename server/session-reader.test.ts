// sessionUserFromHeaders: a valid cookie names its user; forged, expired and ended sessions name nobody, even once cached.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/test/helpers";
import { signOutEverywhere } from "./services/accounts";
import { sessionUserFromHeaders } from "./session-reader";
import type { SessionUser } from "./trpc/init";

const SALT = "authjs.session-token";
let user: SessionUser;

beforeAll(async () => {
  process.env.AUTH_SECRET = "test-secret-for-session-reader-0123456789";
  user = await makeUser("reader");
});

async function cookieFor(claims: Record<string, unknown>, maxAge = 3600): Promise<Headers> {
  const token = await encode({ token: claims, secret: process.env.AUTH_SECRET!, salt: SALT, maxAge });
  return new Headers({ cookie: `other=1; ${SALT}=${token}` });
}

describe("sessionUserFromHeaders", () => {
  it("names the user of a valid session cookie", async () => {
    const headers = await cookieFor({ sub: user.id, sv: 1, email: user.email, name: user.name });
    expect(await sessionUserFromHeaders(headers)).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("names nobody without a cookie, with a forged one, or with an expired one", async () => {
    expect(await sessionUserFromHeaders(new Headers())).toBeNull();
    expect(await sessionUserFromHeaders(new Headers({ cookie: `${SALT}=not-a-token` }))).toBeNull();
    expect(await sessionUserFromHeaders(await cookieFor({ sub: user.id, sv: 1 }, -10))).toBeNull();
    const wrongKey = await encode({ token: { sub: user.id, sv: 1 }, secret: "another-secret-entirely-0123456789", salt: SALT, maxAge: 60 });
    expect(await sessionUserFromHeaders(new Headers({ cookie: `${SALT}=${wrongKey}` }))).toBeNull();
  });

  it("ends a cached session as soon as the user signs out everywhere", async () => {
    const headers = await cookieFor({ sub: user.id, sv: 1 });
    expect((await sessionUserFromHeaders(headers))?.id).toBe(user.id);
    signOutEverywhere(user);
    expect(await sessionUserFromHeaders(headers)).toBeNull();
    expect((await sessionUserFromHeaders(await cookieFor({ sub: user.id, sv: 2 })))?.id).toBe(user.id);
  });
});
