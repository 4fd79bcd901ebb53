// A prepared query runs in the caller's transaction on both stores: it sees the transaction's own writes, and none after a rollback.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, prepared, transaction } from "./client";
import { serverSettings } from "./schema";

const settingByKey = prepared("test_setting_by_key", (db) =>
  db.select({ value: serverSettings.value }).from(serverSettings).where(eq(serverSettings.key, sql.placeholder("key"))),
);

describe("prepared queries", () => {
  it("see the open transaction's uncommitted writes, from inside it", async () => {
    const seen = await transaction(async (tx) => {
      await tx.insert(serverSettings).values({ key: "prepared-test", value: "inside" });
      return settingByKey().execute({ key: "prepared-test" });
    });
    expect(seen).toEqual([{ value: "inside" }]);
    expect(await settingByKey().execute({ key: "prepared-test" })).toEqual([{ value: "inside" }]);
  });

  it("leave nothing behind when the transaction rolls back", async () => {
    const failed = transaction(async (tx) => {
      await tx.insert(serverSettings).values({ key: "rolled-back", value: "x" });
      expect(await settingByKey().execute({ key: "rolled-back" })).toEqual([{ value: "x" }]);
      throw new Error("roll back");
    });
    await expect(failed).rejects.toThrow("roll back");
    expect(await settingByKey().execute({ key: "rolled-back" })).toEqual([]);
    expect(await getDb().select().from(serverSettings).where(eq(serverSettings.key, "rolled-back"))).toEqual([]);
  });

  it("are built once and reused, in and out of transactions", async () => {
    const outside = settingByKey();
    expect(settingByKey()).toBe(outside);
    await transaction(async () => {
      expect(Object.getPrototypeOf(settingByKey()) === outside || settingByKey() === outside).toBe(true);
    });
  });
});
