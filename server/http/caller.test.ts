// callerFrom: a live session cookie or a live API token names its user; forged, expired, ended and revoked ones name nobody, even once cached.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/test/helpers";
import { createToken, revokeToken } from "@/server/services/api-tokens";
import { createNotebook } from "@/server/services/notebooks";
import { signOutEverywhere } from "@/server/services/accounts";
import { startSession } from "@/server/services/sessions";
import type { SessionUser } from "@/server/trpc/init";
import { callerFrom } from "./caller";

const SALT = "authjs.session-token";
let user: SessionUser;

beforeAll(async () => {
  process.env.AUTH_SECRET = "test-secret-for-caller-0123456789";
  user = await makeUser("reader");
});

async function cookieText(claims: Record<string, unknown>, maxAge = 3600): Promise<string> {
  const token = await encode({ token: claims, secret: process.env.AUTH_SECRET!, salt: SALT, maxAge });
  return `other=1; ${SALT}=${token}`;
}

/** A fresh Headers per request, as every request has its own. */
const request = (cookie: string) => new Headers({ cookie });

describe("callerFrom with a session cookie", () => {
  it("names the user of a live session, and decides once per request", async () => {
    const sid = await startSession(user.id);
    const headers = request(await cookieText({ sub: user.id, sid, sv: 1 }));
    const first = await callerFrom(headers);
    expect(await callerFrom(headers)).toBe(first);
    expect(await first).toEqual({ user: { id: user.id, email: user.email, name: user.name }, via: "session", sessionId: sid });
  });

  it("names nobody without a cookie, with a forged, expired or session-less one, or another user's session", async () => {
    const sid = await startSession(user.id);
    const other = await makeUser("other");
    expect(await callerFrom(new Headers())).toBeNull();
    expect(await callerFrom(request(`${SALT}=not-a-token`))).toBeNull();
    expect(await callerFrom(request(await cookieText({ sub: user.id, sid, sv: 1 }, -10)))).toBeNull();
    expect(await callerFrom(request(await cookieText({ sub: user.id, sv: 1 })))).toBeNull();
    expect(await callerFrom(request(await cookieText({ sub: user.id, sid: "made-up", sv: 1 })))).toBeNull();
    expect(await callerFrom(request(await cookieText({ sub: other.id, sid, sv: 1 })))).toBeNull();
    const wrongKey = await encode({ token: { sub: user.id, sid, sv: 1 }, secret: "another-secret-entirely-0123456789", salt: SALT, maxAge: 60 });
    expect(await callerFrom(request(`${SALT}=${wrongKey}`))).toBeNull();
  });

  it("ends a cached session as soon as the user signs out everywhere", async () => {
    const sid = await startSession(user.id);
    const cookie = await cookieText({ sub: user.id, sid, sv: 1 });
    expect((await callerFrom(request(cookie)))?.user.id).toBe(user.id);
    await signOutEverywhere(user);
    expect(await callerFrom(request(cookie))).toBeNull();
    expect(await callerFrom(request(await cookieText({ sub: user.id, sid: await startSession(user.id), sv: 2 })))).not.toBeNull();
  });
});

describe("callerFrom with a Bearer API token", () => {
  it("names the token's owner and notebook until the token is revoked; the token alone decides, not the cookie", async () => {
    const owner = await makeUser("scripter");
    const notebookId = (await createNotebook(owner, { name: "Scripts" })).id;
    const created = await createToken(owner, { notebookId, name: "script" });
    const caller = await callerFrom(new Headers({ authorization: `Bearer ${created.token}` }));
    expect(caller).toMatchObject({ via: "token", tokenId: created.id, notebookId, user: { id: owner.id } });
    const sid = await startSession(user.id);
    const both = new Headers({ authorization: `Bearer ${created.token}x`, cookie: await cookieText({ sub: user.id, sid, sv: 2 }) });
    expect(await callerFrom(both)).toBeNull();
    await revokeToken(owner, created.id);
    expect(await callerFrom(new Headers({ authorization: `Bearer ${created.token}` }))).toBeNull();
  });
});
