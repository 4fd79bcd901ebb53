// Prepared statements for hot reads: built once per database connection, reused on every call.
import type { Statement } from "better-sqlite3";
import { getDb, type Db } from "@/db/client";

/** Returns a getter for the statement `build` makes, prepared once for the current connection. */
export function prepared<T>(build: (db: Db) => T): () => T {
  const byDb = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = byDb.get(db);
    if (statement === undefined) byDb.set(db, (statement = build(db)));
    return statement;
  };
}

const bySqlPerConnection = new WeakMap<object, Map<string, Statement>>();

/** A raw SQL statement, prepared once per connection and reused (for SQL the query builder cannot express, e.g. FTS5). */
export function preparedSql(sql: string): Statement {
  const client = getDb().$client;
  let bySql = bySqlPerConnection.get(client);
  if (!bySql) bySqlPerConnection.set(client, (bySql = new Map()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = client.prepare(sql)));
  return statement;
}
