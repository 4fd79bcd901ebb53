// Over real HTTP: sign-in throttling per account and per client address (spoofed X-Forwarded-For never helps), and 401 for anonymous callers.
import { expect, test } from "@playwright/test";
import { queryInput, registerAccount, send, signIn, trpcMutation, trpcQuery, type TrpcReply } from "./helpers/http";
import { PLACEHOLDER_IDS, PROCEDURES, subscriptionReply, type Procedure } from "./helpers/procedures";

// The defaults of server/services/rate-limit.ts (the e2e server does not override them).
const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;

// Failures are sent from other loopback addresses than 127.0.0.1, so the other specs' sign-ins are never blocked.
test.describe("sign-in throttling", () => {
  test("after five failures the account refuses even its right password, whatever X-Forwarded-For says or where it comes from", async ({ baseURL }) => {
    const base = baseURL!;
    const account = await registerAccount(base, "lockout");
    const from = "127.0.0.6";
    expect((await signIn(base, account.email, account.password, { from })).ok, "the account works before the failures").toBe(true);

    for (let i = 1; i <= PER_ACCOUNT; i++) {
      const failure = await signIn(base, account.email, `wrong password ${i}`, { from, headers: { "x-forwarded-for": `203.0.113.${i}` } });
      expect(failure, `failure ${i}`).toMatchObject({ ok: false, code: "invalid_credentials", cookie: "" });
    }
    const spoofed = await signIn(base, account.email, account.password, { from, headers: { "x-forwarded-for": "198.51.100.99" } });
    expect(spoofed).toMatchObject({ ok: false, code: "too_many_attempts", cookie: "" });
    const elsewhere = await signIn(base, account.email, account.password, { from: "127.0.0.9" });
    expect(elsewhere, "the lock is per account, not per address").toMatchObject({ ok: false, code: "too_many_attempts", cookie: "" });
  });

  test("twenty failures from one address block it for every account despite varying X-Forwarded-For; another address still signs in", async ({ baseURL }) => {
    test.setTimeout(90_000);
    const base = baseURL!;
    const accounts = await Promise.all(Array.from({ length: PER_ADDRESS }, (_, i) => registerAccount(base, `address${i}`)));
    const victim = await registerAccount(base, "victim");
    const blocked = "127.0.0.7";

    for (const [i, account] of accounts.entries()) {
      const failure = await signIn(base, account.email, "not the password at all", { from: blocked, headers: { "x-forwarded-for": `198.51.100.${i + 1}` } });
      expect(failure, `failure ${i + 1}, one per account`).toMatchObject({ ok: false, code: "invalid_credentials" });
    }
    for (const spoof of ["127.0.0.8", "203.0.113.77, 127.0.0.8", "192.0.2.1"]) {
      const refused = await signIn(base, victim.email, victim.password, { from: blocked, headers: { "x-forwarded-for": spoof } });
      expect(refused, `from ${blocked} claiming X-Forwarded-For: ${spoof}`).toMatchObject({ ok: false, code: "too_many_attempts", cookie: "" });
    }

    const allowed = await signIn(base, victim.email, victim.password, { from: "127.0.0.8" });
    expect(allowed.ok, "another source address is not blocked").toBe(true);
    const me = await trpcQuery(base, "account.me", undefined, { cookie: allowed.cookie });
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ email: victim.email });
  });
});

async function call(base: string, path: string, type: Procedure["type"], input: unknown, cookie?: string): Promise<TrpcReply> {
  if (type === "subscription") return subscriptionReply(await send(base, `/api/trpc/${path}${queryInput(input)}`, { cookie }));
  return type === "query" ? trpcQuery(base, path, input, { cookie }) : trpcMutation(base, path, input, { cookie });
}

/** What is wrong with a reply that should be a JSON 401, or null when it is one. */
function not401(reply: TrpcReply): string | null {
  if (reply.status !== 401) return `HTTP ${reply.status}: ${reply.body.slice(0, 160)}`;
  if (!String(reply.headers["content-type"]).includes("application/json")) return `content-type ${reply.headers["content-type"]}`;
  if (reply.error?.code !== "UNAUTHORIZED" || !reply.error.message.trim()) return `error ${JSON.stringify(reply.error)}`;
  return null;
}

/**
 * What is wrong with a subscription's reply that should refuse the caller, or null when it does. tRPC sends a
 * subscription's status line (200, text/event-stream) before the procedure runs, so the refusal is the stream's one
 * event after `connected`: a `serialized-error` with UNAUTHORIZED and httpStatus 401, after which the stream ends
 * (the reply is complete, so no change was ever sent).
 */
function notRefusedStream(reply: TrpcReply & { events?: string[] }): string | null {
  if (reply.status !== 200) return `HTTP ${reply.status}: ${reply.body.slice(0, 160)}`;
  if (!String(reply.headers["content-type"]).includes("text/event-stream")) return `content-type ${reply.headers["content-type"]}`;
  if (JSON.stringify(reply.events) !== JSON.stringify(["connected", "serialized-error"])) return `events ${JSON.stringify(reply.events)}: ${reply.body.slice(0, 160)}`;
  if (reply.error?.code !== "UNAUTHORIZED" || reply.error.httpStatus !== 401 || !reply.error.message.trim()) return `error ${JSON.stringify(reply.error)}`;
  return null;
}

test.describe("anonymous callers", () => {
  const PROTECTED = PROCEDURES.filter((p) => p.access === "protected");

  for (const [label, cookie] of [
    ["no session", undefined],
    ["a forged session cookie", "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.token.value.x"],
  ] as const) {
    test(`with ${label}, every protected procedure answers 401 with a JSON message (a subscription: an UNAUTHORIZED event)`, async ({ baseURL }) => {
      expect(PROTECTED.length).toBeGreaterThan(10);
      const wrong: string[] = [];
      for (const p of PROTECTED) {
        const reply = await call(baseURL!, p.path, p.type, p.sample?.(PLACEHOLDER_IDS), cookie);
        const problem = p.type === "subscription" ? notRefusedStream(reply) : not401(reply);
        if (problem) wrong.push(`${p.type} ${p.path}: ${problem}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  test("the public procedure answers without a session, so the 401s are about the session", async ({ baseURL }) => {
    const ping = await trpcQuery(baseURL!, "health.ping");
    expect(ping.status).toBe(200);
    expect(ping.data).toEqual({ ok: true });
  });
});
