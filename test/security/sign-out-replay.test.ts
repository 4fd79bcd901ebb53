// Attack replay: a session cookie copied before sign-out must sign nobody in afterwards (it used to work for 30 days).
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeUser, STRONG_PASSWORD } from "@/test/helpers";
import { handlers } from "@/server/auth";
import { callerFrom } from "@/server/http/caller";
import { signOutEverywhere } from "@/server/services/accounts";
import type { SessionUser } from "@/server/trpc/init";

vi.hoisted(() => {
  process.env.AUTH_SECRET = "test-secret-for-sign-out-replay-0123456789";
});

const ORIGIN = "http://127.0.0.1:3000";
const COOKIE = "authjs.session-token";
let user: SessionUser;

beforeAll(async () => {
  user = await makeUser("replay");
});

/** The cookies a response sets, as name → value. */
function setCookies(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function csrf(jar: Map<string, string>): Promise<string> {
  const res = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } }));
  for (const [k, v] of setCookies(res)) jar.set(k, v);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, jar: Map<string, string>, form: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...form, csrfToken: await csrf(jar) });
  const res = await handlers.POST(
    new NextRequest(`${ORIGIN}${path}`, {
      method: "POST",
      headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded", "x-quire-client-ip": "10.9.0.1" },
      body,
    }),
  );
  for (const [k, v] of setCookies(res)) jar.set(k, v);
  return res;
}

/** Signs in through Auth.js's own credentials endpoint and returns the browser's cookie jar. */
async function signIn(): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  await post("/api/auth/callback/credentials", jar, { email: user.email, password: STRONG_PASSWORD });
  expect(jar.get(COOKIE), "Auth.js set a session cookie").toBeTruthy();
  return jar;
}

const replay = (sessionCookie: string) => callerFrom(new Headers({ cookie: `${COOKIE}=${sessionCookie}` }));

describe("replaying a session cookie", () => {
  it("is refused after that browser signs out, while another browser's session goes on", async () => {
    const jar = await signIn();
    const other = await signIn();
    const stolen = jar.get(COOKIE)!;
    expect((await replay(stolen))?.user.id).toBe(user.id);
    await post("/api/auth/signout", jar, {});
    expect(await replay(stolen)).toBeNull();
    expect((await replay(other.get(COOKIE)!))?.user.id).toBe(user.id);
  });

  it("is refused for every session after sign out everywhere", async () => {
    const a = (await signIn()).get(COOKIE)!;
    const b = (await signIn()).get(COOKIE)!;
    expect((await replay(a))?.user.id).toBe(user.id);
    await signOutEverywhere(user);
    expect(await replay(a)).toBeNull();
    expect(await replay(b)).toBeNull();
  });
});
