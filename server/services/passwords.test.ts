// Password hashing: salted scrypt hashes that verify the right password only and reject malformed hashes.
import { describe, expect, it } from "vitest";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";

const PASSWORD = "orange-Harbor-1987!";

describe("hashPassword", () => {
  it("never contains the plain password and uses the documented format", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).not.toContain(PASSWORD);
    expect(hash.toLowerCase()).not.toContain("orange");
    expect(hash).not.toContain(Buffer.from(PASSWORD).toString("base64url"));
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and refuses wrong ones", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword("orange-Harbor-1987?", hash)).toBe(false);
    expect(await verifyPassword(PASSWORD.toLowerCase(), hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
    expect(await verifyPassword(`${PASSWORD} `, hash)).toBe(false);
  });

  it("treats the same text in composed and decomposed Unicode as one password", async () => {
    const hash = await hashPassword("caf\u00e9 au lait 2026");
    expect(await verifyPassword("cafe\u0301 au lait 2026", hash)).toBe(true);
  });

  it("returns false, without throwing, for malformed stored hashes", async () => {
    const good = await hashPassword(PASSWORD);
    const [, n, r, p, salt, key] = good.split("$");
    const malformed = [
      "",
      "not a hash",
      PASSWORD,
      `bcrypt$${n}$${r}$${p}$${salt}$${key}`,
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$${n}$${r}$${p}$$${key}`,
      `scrypt$abc$${r}$${p}$${salt}$${key}`,
      `scrypt$15000$${r}$${p}$${salt}$${key}`,
      `scrypt$${n}$0$${p}$${salt}$${key}`,
      `scrypt$${n}$${r}$-1$${salt}$${key}`,
      `scrypt$1073741824$${r}$${p}$${salt}$${key}`,
      `scrypt$${n}$${r}$${p}$${salt}$!!!!`,
      `scrypt$${n}$${r}$${p}$${salt}$${key!.slice(0, 10)}`,
      `scrypt$${n}$${r}$${p}$${salt}$${key}$extra`,
    ];
    for (const stored of malformed) {
      await expect(verifyPassword(PASSWORD, stored), stored).resolves.toBe(false);
    }
  });
});

describe("burnPasswordCheck", () => {
  it("resolves without revealing anything", async () => {
    await expect(burnPasswordCheck(PASSWORD)).resolves.toBeUndefined();
  });
});
